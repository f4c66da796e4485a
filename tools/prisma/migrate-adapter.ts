// Workarounds for running Prisma Migrate (6.19) on the WASM schema engine through @prisma/adapter-pg.
// Delete this module when prisma/orm#27403 is fixed upstream; everything else uses plain PrismaPg.
//
// 1. prisma/orm#27403: Migrate's introspection reads columns of type `name` (oid 19) and `"char"`
//    (oid 18), which the adapter cannot map ("Column type 'name' could not be deserialized").
//    We report them as `text` (oid 25); their values are already strings.
// 2. `migrate dev` drops its shadow database while the shadow pool still holds a connection, so the
//    DROP fails: we add WITH (FORCE) (Postgres 13+).
// 3. The forced drop then ends that idle connection, and the pool re-emits the error with no listener,
//    which would crash the CLI: errors on shadow-database clients are ignored.
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { PrismaPg } from '@prisma/adapter-pg';

const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;
const SHADOW_DB_PREFIX = 'prisma_migrate_shadow_db_';
const SHADOW_DROP = /^\s*DROP DATABASE "prisma_migrate_shadow_db_[0-9a-f-]+"\s*;?\s*$/i;

type FieldLike = { dataTypeID: number };
type ResultLike = { fields?: FieldLike[] } | Array<{ fields?: FieldLike[] }>;

/** Rewrites result field types 19/18 to 25 in place; handles multi-statement results (arrays). */
export function reportNameColumnsAsText<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as Array<{ fields?: FieldLike[] } | null>;
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === OID_NAME || field.dataTypeID === OID_CHAR) field.dataTypeID = OID_TEXT;
    }
  }
  return result;
}

/** Adds WITH (FORCE) to the shadow database drop; leaves every other statement alone. */
export function forceShadowDatabaseDrop(sql: string): string {
  return SHADOW_DROP.test(sql) ? `${sql.trim().replace(/;$/, '')} WITH (FORCE)` : sql;
}

type QueryCallback = (err: Error | null, result?: ResultLike) => void;

/** A pg.Client whose query results and statements are patched as described above. */
export class MigrateSafeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    if (typeof config === 'object' && config.database?.startsWith(SHADOW_DB_PREFIX)) {
      // The pool forwards client errors to its own 'error' event; swallow them at the source.
      const emit = this.emit.bind(this);
      this.emit = (event: string | symbol, ...args: unknown[]) => (event === 'error' ? true : emit(event, ...args));
    }
  }

  // pg's overloads are many; this override keeps both the callback and the promise forms working. Its
  // declared return type is `never` only so that it is assignable to every overload; callers see the
  // instance as a pg.Client (as the adapter does) and get pg's own typings.
  override query(...args: unknown[]): never {
    const [first] = args;
    if (typeof first === 'string') args[0] = forceShadowDatabaseDrop(first);
    else if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string') {
      args[0] = { ...first, text: forceShadowDatabaseDrop(first.text) };
    }
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as QueryCallback;
      args[args.length - 1] = (err: Error | null, result?: ResultLike) =>
        callback(err, result === undefined ? result : reportNameColumnsAsText(result));
    }
    const superQuery = super.query.bind(this) as (...a: unknown[]) => unknown;
    const returned = superQuery(...args);
    if (returned instanceof Promise) return returned.then(reportNameColumnsAsText) as never;
    return returned as never;
  }
}

/** Splits a postgres:// URL into the config object PrismaPg needs (a string would make the shadow
 *  database connect to the main one). */
export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const parsed = parseConnectionString(url);
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl as pg.PoolConfig['ssl'],
    application_name: 'livelens-migrate',
    // The CLI never closes the pool; without this it waits out pg's 10 s idle timeout before exiting.
    allowExitOnIdle: true,
  };
}

/** The driver adapter factory for prisma.config.ts (Migrate only). */
export function createMigrateAdapter(url: string): PrismaPg {
  return new PrismaPg({ ...pgConfigFromUrl(url), Client: MigrateSafeClient });
}
