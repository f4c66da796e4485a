// The one Prisma client, shared by the web app, the worker and scripts. Rust-free client on the pg
// driver adapter: no native query engine to download or ship.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv, requireDatabaseUrl } from '@/lib/env';

export type Db = PrismaClient;

export type DbOptions = { max?: number; applicationName?: string };

export function createDb(url: string = requireDatabaseUrl(), options: DbOptions = {}): Db {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'livelens',
      // Fail fast when the server is down instead of hanging a request.
      connectionTimeoutMillis: 5000,
    },
    // An idle pooled connection dropped by the server (restart, outage) must not crash the process;
    // the pool replaces it on the next query.
    { onPoolError: () => undefined },
  );
  return new PrismaClient({ adapter, log: getEnv().LOG_LEVEL === 'debug' ? ['query', 'warn', 'error'] : ['error'] });
}

const globalForDb = globalThis as typeof globalThis & { livelensDb?: Db };

function getDb(): Db {
  globalForDb.livelensDb ??= createDb();
  return globalForDb.livelensDb;
}

// Created on first use, so importing this module (e.g. while `next build` collects pages) needs no
// database; kept on globalThis so dev-server hot reloads do not open a new pool each time.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Closes the shared client (worker shutdown, tests). */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.livelensDb;
  globalForDb.livelensDb = undefined;
  await client?.$disconnect();
}
