// A database of a test file's own, on the shared test Postgres: migrated (a copy of the global setup's
// migrated template), dropped at the end.
// For tests whose subject is a whole table (worker heartbeats, leases of every enabled account) and that
// must neither see nor disturb what other files keep in the shared database.
import type pg from 'pg';
import { createDb, type Db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { migrateDeploy } from '@/tools/infra/migrate';
import { onMaintenanceDb } from '@/tools/infra/postgres';

export type OwnDatabase = { url: string; db: Db; name: string; drop(): Promise<void> };

const asAdmin = <T>(run: (client: pg.Client) => Promise<T>) => onMaintenanceDb(requireDatabaseUrl(), run);

export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  const name = `livelens_${label}_${process.pid}_${Date.now()}`;
  // A copy of the migrated template the global setup made (tools/testing/global-setup.ts), else migrated here.
  const template = process.env.LIVELENS_TEST_TEMPLATE_DB;
  await asAdmin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''}`));
  const url = new URL(requireDatabaseUrl());
  url.pathname = `/${name}`;
  if (!template) await migrateDeploy(url.toString());
  const db = createDb(url.toString());
  return {
    url: url.toString(),
    db,
    name,
    async drop() {
      await db.$disconnect();
      await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}
