// The event tables' monthly partitions: the job creates them ahead (and for months whose rows wait in the
// DEFAULT partition), and chat retention drops whole expired months, leaving rows of months still within
// the retention untouched. Far-off years are used so other test files' rows (stored around now) are not
// involved; retention runs in a database of its own, since any retention run (worker/jobs/jobs.test.ts's)
// drops every expired month of the database it runs on, this file's 2018 and 2019 ones included.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, db as sharedDb, type Db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';
import { chatRetentionJob, dropExpiredPartitions } from '@/worker/jobs/chat-retention';
import { EVENT_TABLES, ensureMonthPartition, eventPartitionsJob, listPartitions, monthStart, partitionName, type EventTable } from '@/worker/jobs/event-partitions';

const log = createLogger('event-partitions-test');
const tables = Object.keys(EVENT_TABLES) as EventTable[];
const at = (iso: string) => new Date(`${iso}Z`);

async function liveWithViewer(startedAt: Date, db: Db = sharedDb) {
  const account = await createTestAccount(db);
  const viewer = await db.viewer.create({ data: { tiktokUserId: `65${Date.now()}${uniqueSuffix()}` } });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `76${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt, comments: 7 } });
  return { accountId: account.id, viewerId: viewer.id, liveId: live.id };
}

/** Which partition holds each of a live's chats, by message id. */
async function chatPartitions(liveId: bigint, db: Db = sharedDb): Promise<Record<string, string>> {
  const rows = await db.$queryRaw<{ msg_id: string; partition: string }[]>`SELECT msg_id, tableoid::regclass::text AS partition FROM chats WHERE live_id = ${liveId}`;
  return Object.fromEntries(rows.map((r) => [r.msg_id, r.partition]));
}

describe('event partitions job', () => {
  it('creates this month and the next ones for every event table, once', async () => {
    const now = at('2031-05-15T12:00:00');
    await eventPartitionsJob.run({ db: sharedDb, log, settings: { monthsAhead: 2 }, now });
    for (const table of tables) {
      const names = (await listPartitions(sharedDb, table)).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['2031-05', '2031-06', '2031-07'].map((m) => partitionName(table, at(`${m}-01T00:00:00`)))));
      expect(names).toContain(`${table}_default`);
      expect(names).not.toContain(partitionName(table, at('2031-08-01T00:00:00')));
    }
    const bounds = (await listPartitions(sharedDb, 'chats')).find((p) => p.name === 'chats_p203106');
    expect(bounds).toEqual({ name: 'chats_p203106', from: at('2031-06-01T00:00:00'), to: at('2031-07-01T00:00:00'), isDefault: false });
    // Again: nothing to create.
    expect(await ensureMonthPartition(sharedDb, 'gifts', at('2031-06-01T00:00:00'))).toBeNull();
    const again = await eventPartitionsJob.run({ db: sharedDb, log, settings: { monthsAhead: 2 }, now });
    expect(again.created).toBe(0);
  });

  it("moves rows waiting in the DEFAULT partition into their month's new partition", async () => {
    const { accountId, viewerId, liveId } = await liveWithViewer(at('2029-02-10T20:00:00'));
    const chat = (msgId: string, createdAt: Date) => ({ liveId, accountId, viewerId, msgId, content: 'hi', createdAt });
    await sharedDb.chat.createMany({ data: [chat('1', at('2029-02-10T20:00:00')), chat('2', at('2029-02-28T23:59:59.999'))] });
    await sharedDb.viewerSample.create({ data: { liveId, at: at('2029-02-10T20:00:00'), viewers: 5 } });
    expect(await chatPartitions(liveId)).toEqual({ 1: 'chats_default', 2: 'chats_default' });

    const result = await eventPartitionsJob.run({ db: sharedDb, log, settings: { monthsAhead: 1 }, now: at('2029-03-15T00:00:00') });
    expect(result.moved).toBeGreaterThanOrEqual(3);
    expect(await chatPartitions(liveId)).toEqual({ 1: 'chats_p202902', 2: 'chats_p202902' });
    const [sample] = await sharedDb.$queryRaw<{ partition: string }[]>`SELECT tableoid::regclass::text AS partition FROM viewer_samples WHERE live_id = ${liveId}`;
    expect(sample?.partition).toBe('viewer_samples_p202902');
    // The rows are the same rows, found through the parent table and its indexes.
    expect(await sharedDb.chat.count({ where: { liveId, msgId: '2' } })).toBe(1);
  });
});

describe('chat retention by partitions', () => {
  let own: OwnDatabase;
  beforeAll(async () => {
    own = await createOwnDatabase('chat_retention');
  });
  afterAll(async () => {
    await own?.drop();
  });
  it('drops the months wholly past the retention, deletes the rest past it, and keeps newer rows', async () => {
    const { accountId, viewerId, liveId } = await liveWithViewer(at('2019-03-10T20:00:00'), own.db);
    const { db } = own;
    const times: Record<string, string> = { march: '2019-03-10T20:00:00', april: '2019-04-30T23:59:59.999', mayOld: '2019-05-02T10:00:00', mayNew: '2019-05-20T10:00:00', june: '2019-06-09T10:00:00' };
    await db.chat.createMany({ data: Object.entries(times).map(([msgId, time]) => ({ liveId, accountId, viewerId, msgId, content: msgId, createdAt: at(time) })) });
    await db.gift.create({ data: { liveId, accountId, viewerId, dedupeKey: 'm:1', msgId: '1', giftId: '5655', giftName: 'Rose', diamondCount: 1, repeatCount: 1, diamonds: 1, createdAt: at(times.march ?? '') } });
    for (const table of ['chats', 'gifts'] as const) {
      for (const month of ['03', '04', '05', '06']) await ensureMonthPartition(db, table, at(`2019-${month}-01T00:00:00`));
    }

    // Cutoff 2019-05-11: March and April are wholly past it, May only partly.
    const now = at('2019-06-10T00:00:00');
    const result = await chatRetentionJob.run({ db, log, settings: { retentionDays: 30 }, now });
    expect(result.partitionsDropped).toBeGreaterThanOrEqual(2);
    const names = (await listPartitions(db, 'chats')).map((p) => p.name);
    expect(names).not.toContain('chats_p201903');
    expect(names).not.toContain('chats_p201904');
    expect(names).toContain('chats_p201905');
    // mayOld went by the batched delete; the rows within the retention are untouched.
    expect(result.chats).toBeGreaterThanOrEqual(1);
    expect(await chatPartitions(liveId, db)).toEqual({ mayNew: 'chats_p201905', june: 'chats_p201906' });
    // Only chats: the gift of March stays, and so do the live's totals.
    expect(await db.gift.count({ where: { liveId } })).toBe(1);
    expect((await db.live.findUniqueOrThrow({ where: { id: liveId } })).comments).toBe(7);
  });

  it('creates a partition although a writer holding the live deadlocks it once (it tries again)', async () => {
    // A writer's batch updates the live's totals, then stores a gift the DEFAULT partition takes. ATTACH
    // PARTITION locks the DEFAULT partition first and then, to clone the foreign keys, the referenced
    // lives table: the two wait on each other, and Postgres aborts the job's transaction, which waited first.
    // Each waiting session looks for a deadlock once, deadlock_timeout after it starts to wait. The job's
    // 3 s (not 1 s) leaves the writer time to queue behind it on a busy machine, and the writer's minute
    // means it never looks first: the job is the one aborted. (Setting them needs a superuser, as the
    // embedded Postgres's user is; elsewhere the defaults stand.)
    const { accountId, viewerId, liveId } = await liveWithViewer(at('2017-06-01T00:00:00'), own.db);
    const asSuperuser = (sql: string, run: (sql: string) => Promise<unknown>) => run(sql).catch((error: unknown) => log.warn('deadlock_timeout left as it is', { error }));
    await asSuperuser(`ALTER DATABASE "${own.name}" SET deadlock_timeout = '3s'`, (sql) => own.db.$executeRawUnsafe(sql));
    const jobDb = createDb(own.url);
    const writer = new pg.Client({ connectionString: own.url });
    await writer.connect();
    try {
      await asSuperuser(`SET deadlock_timeout = '60s'`, (sql) => writer.query(sql));
      await writer.query('BEGIN');
      await writer.query('UPDATE lives SET comments = comments + 1 WHERE id = $1', [liveId]);
      const month = at('2032-03-01T00:00:00');
      const creating = ensureMonthPartition(jobDb, 'gifts', month);
      // The job holds the DEFAULT partition and waits for the writer's lock on lives.
      await expect.poll(async () => (await writer.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'lives'::regclass`)).rows[0]?.n, { timeout: 10_000 }).toBe(1);
      const stored = writer
        .query(`INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, created_at) VALUES ($1, $2, $3, 'm:deadlock', '1', '5655', 'Rose', 1, 1, 1, '2017-06-01')`, [liveId, accountId, viewerId])
        .then(() => writer.query('COMMIT'));
      const [created, insert] = await Promise.allSettled([creating, stored]);
      expect(created).toEqual({ status: 'fulfilled', value: 0 });
      expect(insert.status).toBe('fulfilled');
      expect((await listPartitions(own.db, 'gifts')).map((p) => p.name)).toContain('gifts_p203203');
      expect(await own.db.gift.count({ where: { liveId } })).toBe(1);
    } finally {
      await writer.end();
      await jobDb.$disconnect();
    }
  });

  it('drops a month of 200,000 chats by dropping its partition (the time is printed, not asserted)', async () => {
    const { accountId, viewerId, liveId } = await liveWithViewer(at('2018-01-01T00:00:00'), own.db);
    const { db } = own;
    const month = at('2018-01-01T00:00:00');
    await ensureMonthPartition(db, 'chats', month);
    // A month of chat: 200,000 messages spread over January 2018.
    await db.$executeRaw`INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
      SELECT ${liveId}, ${accountId}, ${viewerId}, n::text, 'message ' || (n % 97), ${month}::timestamp + (n * interval '13 seconds')
      FROM generate_series(1, 200000) AS n`;
    await db.$executeRawUnsafe('ANALYZE chats_p201801');
    expect(await db.chat.count({ where: { liveId } })).toBe(200_000);

    const started = performance.now();
    const dropped = await dropExpiredPartitions(db, monthStart(month, 1));
    const ms = performance.now() - started;
    process.stderr.write(`dropped a month of chat (about ${dropped.rows} rows) in ${ms.toFixed(1)} ms\n`);
    expect(dropped.partitions).toBeGreaterThanOrEqual(1);
    expect(dropped.rows).toBeGreaterThanOrEqual(190_000);
    expect(await db.chat.count({ where: { liveId } })).toBe(0);
  }, 120_000);
});
