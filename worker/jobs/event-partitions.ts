// The event tables are partitioned by month of their time column (migration partition_events). This job
// creates each table's partitions ahead of time (this month and the next `monthsAhead`), so rows never
// land in the DEFAULT partition in ordinary running; rows that did (history older than the partitions,
// a clock far off) are moved into a partition of their own month on the next run, up to
// MAX_MONTHS_BACK months back. Retention (chat-retention.ts) drops whole expired partitions.
//
// A partition is made as a plain table, filled with its month's rows from the DEFAULT partition, then
// attached: Postgres refuses to create a partition while the DEFAULT one holds rows of its range.
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { defineJob } from '@/worker/jobs/types';

/** The partitioned event tables and their partition key. */
export const EVENT_TABLES = {
  gifts: 'created_at',
  chats: 'created_at',
  like_buckets: 'minute',
  viewer_samples: 'at',
  social_events: 'created_at',
} as const;
export type EventTable = keyof typeof EVENT_TABLES;

/** Months of old rows worth a partition of their own; older ones stay in the DEFAULT partition. */
const MAX_MONTHS_BACK = 24;
/** DDL waits at most this long for the writer's locks, then gives up until the next run. */
const LOCK_TIMEOUT = '5s';
/**
 * Attempts at one partition when Postgres aborts it for a deadlock. ATTACH PARTITION locks the DEFAULT
 * partition, then (to clone the foreign keys) the tables it references: a writer's batch that updated a
 * live and then stores an event the DEFAULT partition takes waits on the job while the job waits on it.
 * Postgres aborts one of the two; the job's transaction is rolled back whole, so it can simply run again.
 */
const DEADLOCK_ATTEMPTS = 5;

/** The first instant (UTC) of the month `offset` months after the month of `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** `chats_p202612`: the partition of a table for the month starting at `month`. */
export function partitionName(table: EventTable, month: Date): string {
  return `${table}_p${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A timestamp literal in the form Postgres prints partition bounds (the columns are UTC, without zone). */
const literal = (at: Date) => `'${at.toISOString().replace('T', ' ').replace('Z', '')}'`;

export type Partition = { name: string; from: Date | null; to: Date | null; isDefault: boolean };

/** The client or a transaction of it: what reading the catalogue needs. */
type Sql = Pick<Db, '$queryRawUnsafe'>;

/** The partitions of a table with their bounds (`from` inclusive, `to` exclusive), oldest first. */
export async function listPartitions(db: Sql, table: EventTable): Promise<Partition[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; bound: string }[]>(
    `SELECT c.relname::text AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    table,
  );
  return rows
    .map(({ name, bound }) => {
      if (bound === 'DEFAULT') return { name, from: null, to: null, isDefault: true };
      const match = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(bound);
      if (!match?.[1] || !match[2]) throw new Error(`${name}: unexpected partition bound ${bound}`);
      const at = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
      return { name, from: at(match[1]), to: at(match[2]), isDefault: false };
    })
    .sort((a, b) => (a.from?.getTime() ?? Infinity) - (b.from?.getTime() ?? Infinity));
}

/**
 * Creates the partition of `table` for the month starting at `month` unless one covers it; moves that
 * month's rows out of the DEFAULT partition into it. Returns how many rows moved, or null when the
 * partition already existed.
 */
export async function ensureMonthPartition(db: Db, table: EventTable, month: Date): Promise<number | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMonthPartition(db, table, month);
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || sqlState(error) !== '40P01') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/** The SQLSTATE of a failed raw query, as the pg driver adapter reports it (or, failing that, Prisma's message). */
function sqlState(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const meta = (error as Error & { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.code;
  return typeof code === 'string' ? code : /Code: `([0-9A-Z]{5})`/.exec(error.message)?.[1];
}

async function createMonthPartition(db: Db, table: EventTable, month: Date): Promise<number | null> {
  const column = EVENT_TABLES[table];
  const name = partitionName(table, month);
  const from = literal(month);
  const to = literal(monthStart(month, 1));
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    // One creator at a time per table (two workers' jobs are already kept apart by the scheduler's lock;
    // this also covers a test or a script running the job beside a worker).
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended('event-partitions:' || $1, 0))`, table);
    const existing = await listPartitions(tx, table);
    if (existing.some((p) => !p.isDefault && p.from && p.to && p.from <= month && p.to > month)) return null;
    await tx.$executeRawUnsafe(`CREATE TABLE "${name}" (LIKE "${table}" INCLUDING DEFAULTS)`);
    const fallback = existing.find((p) => p.isDefault);
    let moved = 0;
    if (fallback) {
      moved = await tx.$executeRawUnsafe(
        `WITH moved AS (DELETE FROM "${fallback.name}" WHERE "${column}" >= ${from} AND "${column}" < ${to} RETURNING *)
         INSERT INTO "${name}" SELECT * FROM moved`,
      );
    }
    await tx.$executeRawUnsafe(`ALTER TABLE "${table}" ATTACH PARTITION "${name}" FOR VALUES FROM (${from}) TO (${to})`);
    return moved;
  });
}

/** The months of rows waiting in a table's DEFAULT partition, from `since` on. */
async function monthsInDefault(db: Db, table: EventTable, since: Date): Promise<Date[]> {
  const fallback = (await listPartitions(db, table)).find((p) => p.isDefault);
  if (!fallback) return [];
  const column = EVENT_TABLES[table];
  const rows = await db.$queryRawUnsafe<{ month: Date }[]>(
    `SELECT DISTINCT date_trunc('month', "${column}") AS month FROM "${fallback.name}" WHERE "${column}" >= ${literal(since)}`,
  );
  return rows.map((r) => r.month);
}

export const eventPartitionsJob = defineJob({
  name: 'event-partitions',
  schema: z.object({ monthsAhead: z.number().int().min(1).max(12) }),
  intervalMs: 6 * 60 * 60_000,
  run: async ({ db, settings, now }) => {
    let created = 0;
    let moved = 0;
    const thisMonth = monthStart(now);
    for (const table of Object.keys(EVENT_TABLES) as EventTable[]) {
      const months = new Map<number, Date>();
      for (let i = 0; i <= settings.monthsAhead; i++) months.set(monthStart(now, i).getTime(), monthStart(now, i));
      for (const month of await monthsInDefault(db, table, monthStart(thisMonth, -MAX_MONTHS_BACK))) months.set(month.getTime(), monthStart(month));
      for (const month of [...months.values()].sort((a, b) => a.getTime() - b.getTime())) {
        const result = await ensureMonthPartition(db, table, month);
        if (result !== null) {
          created += 1;
          moved += result;
        }
      }
    }
    return { created, moved };
  },
});
