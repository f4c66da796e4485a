// A database of its own built with every committed migration before `target`, for the migration tests
// on a populated database (lib/workspaces, lib/platforms, worker/jobs/event-partitions): the test fills
// it through the old schema, calls `migrate()` to apply the target migration, and compares.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { requireDatabaseUrl } from '@/lib/env';
import { uniqueSuffix } from './factories';

const MIGRATIONS = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations');
const sqlOf = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');

export type DatabaseBefore = {
  /** Connected to the new database. */
  client: pg.Client;
  /** Applies the target migration. */
  migrate(): Promise<void>;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
};

/** `target`: a migration folder name; `label` names the database (livelens_<label>_<suffix>). */
export async function databaseBefore(target: string, label: string): Promise<DatabaseBefore> {
  const all = fs.readdirSync(MIGRATIONS).filter((name) => /^\d{14}_/.test(name)).sort();
  if (!all.includes(target)) throw new Error(`no migration ${target} in ${MIGRATIONS}`);
  const admin = new pg.Client({ connectionString: requireDatabaseUrl() });
  await admin.connect();
  const name = `livelens_${label}_${uniqueSuffix()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(requireDatabaseUrl());
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const earlier of all.filter((migration) => migration < target)) await client.query(sqlOf(earlier));
  return {
    client,
    migrate: async () => {
      await client.query(sqlOf(target));
    },
    drop: async () => {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
