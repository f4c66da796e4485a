// The likes statement keeps each bucket's counted message ids in the bucket. In `fast` mode it reads the
// buckets it touches; in `safe` mode it first creates and locks them (another writer may be on the same
// live). Both must count each id once, and two writers racing on the same buckets must too.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { insertChats, insertGifts, insertSocials, lockLives, storeLikes, type Client, type GiftRow, type LikeRow, type Mode } from './writer-sql';
import { EVENT_WINDOW_MARGIN_MS } from '@/lib/live/event-window';
import { backendPid, waitUntilBlocked } from '@/tools/testing/locks';
import { ensureMonthPartition, monthStart } from '@/worker/jobs/event-partitions';

const client = new pg.Client({ connectionString: requireDatabaseUrl() });
beforeAll(() => client.connect());
afterAll(() => client.end());

async function freshLive() {
  const account = await createTestAccount(db);
  const viewer = await db.viewer.create({ data: { tiktokUserId: `68${Date.now()}${uniqueSuffix()}` } });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `78${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt: new Date() } });
  return { liveId: live.id, viewerId: viewer.id };
}

describe.each<Mode>(['fast', 'safe'])('storeLikes (%s)', (mode) => {
  it('counts every message id once, summed into per-viewer-per-minute buckets', async () => {
    const { liveId, viewerId } = await freshLive();
    const minute = Date.parse('2026-11-01T20:00:00Z');
    const like = (msgId: number, count: number, at = minute): LikeRow => ({ liveId: liveId.toString(), viewerId: viewerId.toString(), msgId: `70000000000000000${String(msgId).padStart(2, '0')}`, minute: at, count });
    const buckets = () => db.likeBucket.findMany({ where: { liveId }, orderBy: { minute: 'asc' }, select: { minute: true, count: true } });

    expect(await storeLikes(client, [like(1, 5), like(2, 3), like(3, 15, minute + 60_000)], mode)).toBe(3);
    expect(await buckets()).toEqual([{ minute: new Date(minute), count: 8 }, { minute: new Date(minute + 60_000), count: 15 }]);
    // A replayed batch with one new id adds only that id's likes.
    expect(await storeLikes(client, [like(1, 5), like(2, 3), like(4, 2)], mode)).toBe(1);
    expect(await buckets()).toEqual([{ minute: new Date(minute), count: 10 }, { minute: new Date(minute + 60_000), count: 15 }]);
    expect(await storeLikes(client, [like(3, 15, minute + 60_000)], mode)).toBe(0);
    expect(await db.likeBucket.findMany({ where: { liveId }, orderBy: { minute: 'asc' }, select: { msgIds: true } })).toEqual([
      { msgIds: [7000000000000000001n, 7000000000000000002n, 7000000000000000004n] },
      { msgIds: [7000000000000000003n] },
    ]);
    // Likes no longer leave a row per message id.
    expect(await db.processedMessage.count({ where: { liveId } })).toBe(0);
  });
});

describe('storeLikes with two writers on the same buckets', () => {
  const likesAt = (liveId: bigint, viewerId: bigint, minute: number, firstId: bigint) => (msgId: number, count: number): LikeRow => ({ liveId: liveId.toString(), viewerId: viewerId.toString(), msgId: String(firstId + BigInt(msgId)), minute, count });

  /** Writer A stores `first` in an open transaction; writer B starts on `second`, which waits on A's
   *  buckets; then A commits. B commits if it succeeded. Returns how B's statement ended. */
  async function overlap(mode: Mode, first: LikeRow[], second: LikeRow[]): Promise<PromiseSettledResult<number>> {
    const other = new pg.Client({ connectionString: requireDatabaseUrl() });
    await other.connect();
    try {
      await client.query('BEGIN');
      await other.query('BEGIN');
      await storeLikes(client, first, mode);
      const pid = await backendPid(other);
      const pending = storeLikes(other, second, mode);
      pending.catch(() => undefined);
      await waitUntilBlocked((sql, params) => db.$queryRawUnsafe(sql, ...params), pid, pending);
      await client.query('COMMIT');
      const [result] = await Promise.allSettled([pending]);
      await other.query(result?.status === 'fulfilled' ? 'COMMIT' : 'ROLLBACK');
      if (!result) throw new Error('no result');
      return result;
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  }

  it('counts each id once when safe-mode transactions overlap', async () => {
    const { liveId, viewerId } = await freshLive();
    const like = likesAt(liveId, viewerId, Date.parse('2026-11-01T21:00:00Z'), 7100000000000000000n);
    // The second writer shares id 2 and waits on the bucket's lock until the first commits.
    expect(await overlap('safe', [like(1, 5), like(2, 3)], [like(2, 3), like(3, 4)])).toEqual({ status: 'fulfilled', value: 1 });
    expect(await db.likeBucket.findMany({ where: { liveId }, select: { count: true } })).toEqual([{ count: 12 }]);
  });

  it.each(['a new bucket', 'an existing bucket'])('in fast mode, refuses to write %s another writer changed meanwhile (the pipeline then redoes the batch safely)', async (which) => {
    const { liveId, viewerId } = await freshLive();
    const like = likesAt(liveId, viewerId, Date.parse('2026-11-01T22:00:00Z'), 7200000000000000000n);
    if (which === 'an existing bucket') await storeLikes(client, [like(9, 1)], 'fast');
    expect(await overlap('fast', [like(1, 5), like(2, 3)], [like(2, 3), like(3, 4)])).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    expect(await db.likeBucket.findMany({ where: { liveId }, select: { count: true } })).toEqual([{ count: which === 'a new bucket' ? 8 : 9 }]);
  });
});

// The event tables are partitioned by month (migration partition_events), so their unique keys include the
// time, and a copy of a row timed differently would not conflict with it. The writer must still store each
// message and each streak once.
describe('dedupe on the partitioned event tables', () => {
  const endOfMonth = Date.parse('2026-10-31T23:59:58Z');
  const nextMonth = Date.parse('2026-11-01T00:00:03Z');
  beforeAll(async () => {
    for (const table of ['gifts', 'chats', 'social_events'] as const) {
      for (const month of [new Date(endOfMonth), new Date(nextMonth)]) await ensureMonthPartition(db, table, monthStart(month));
    }
  });

  async function freshGiftLive() {
    const account = await createTestAccount(db);
    const { liveId, viewerId } = await freshLive();
    await db.live.update({ where: { id: liveId }, data: { accountId: account.id } });
    const streak = (repeatCount: number, timeoutClosed: boolean, at: number): GiftRow => ({
      liveId: liveId.toString(), accountId: account.id, viewerId: viewerId.toString(), dedupeKey: `s:${viewerId}:5655:g1`, msgId: `m${repeatCount}`,
      giftId: '5655', giftName: 'Rose', diamondCount: 1, repeatCount, diamonds: repeatCount, streakable: true, timeoutClosed, at, imageUrl: null, kind: 'gift',
    });
    return { liveId, streak };
  }

  it("corrects a streak closed on timeout when its end frame comes later (in the next month's partition): one row", async () => {
    const { liveId, streak } = await freshGiftLive();
    await client.query('BEGIN');
    expect(await insertGifts(client, [streak(7, true, endOfMonth)])).toMatchObject([{ diamonds: 7, old_diamonds: 0, inserted: true, day: '2026-10-31' }]);
    await client.query('COMMIT');
    // The end frame, timed in the next month: the row keeps its own time and gets the count.
    await client.query('BEGIN');
    expect(await insertGifts(client, [streak(9, false, nextMonth)])).toMatchObject([{ diamonds: 9, old_diamonds: 7, inserted: false, day: '2026-10-31' }]);
    // A copy of the end frame changes nothing.
    expect(await insertGifts(client, [streak(9, false, nextMonth)])).toEqual([]);
    await client.query('COMMIT');
    expect(await db.gift.findMany({ where: { liveId }, select: { repeatCount: true, timeoutClosed: true, createdAt: true } })).toEqual([
      { repeatCount: 9, timeoutClosed: false, createdAt: new Date(endOfMonth) },
    ]);
  });

  it('stores a streak once when two writers store it at the same moment, timed differently', async () => {
    const { liveId, streak } = await freshGiftLive();
    const other = new pg.Client({ connectionString: requireDatabaseUrl() });
    await other.connect();
    try {
      await client.query('BEGIN');
      await other.query('BEGIN');
      await insertGifts(client, [streak(7, true, endOfMonth)]);
      const pid = await backendPid(other);
      // The second writer has the end frame; it waits on the first writer's lock on the streak's key.
      const pending = insertGifts(other, [streak(9, false, nextMonth)]);
      await waitUntilBlocked((sql, params) => db.$queryRawUnsafe(sql, ...params), pid, pending);
      await client.query('COMMIT');
      expect(await pending).toMatchObject([{ diamonds: 9, old_diamonds: 7, inserted: false }]);
      await other.query('COMMIT');
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
    expect(await db.gift.findMany({ where: { liveId }, select: { repeatCount: true } })).toEqual([{ repeatCount: 9 }]);
  });

  it.each<Mode>(['fast', 'safe'])('skips a copy of a chat or a follow timed differently (%s)', async (mode) => {
    const { liveId, viewerId } = await freshLive();
    const account = await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { accountId: true } });
    const chat = (at: number) => ({ liveId: liveId.toString(), accountId: account.accountId, viewerId: viewerId.toString(), msgId: '7300000000000000001', content: 'hi', at });
    const follow = (at: number) => ({ liveId: liveId.toString(), viewerId: viewerId.toString(), msgId: '7300000000000000002', kind: 'FOLLOW' as const, at });
    expect(await insertChats(client, [chat(endOfMonth)], mode)).toEqual([{ live_id: liveId.toString(), n: 1 }]);
    expect(await insertSocials(client, [follow(endOfMonth)], mode)).toEqual([{ live_id: liveId.toString(), kind: 'FOLLOW', n: 1 }]);
    // A copy timed on arrival, in the next month: another partition, yet the same message.
    expect(await insertChats(client, [chat(nextMonth)], mode)).toEqual([]);
    expect(await insertSocials(client, [follow(nextMonth)], mode)).toEqual([]);
    expect(await db.chat.count({ where: { liveId } })).toBe(1);
    expect(await db.socialEvent.count({ where: { liveId } })).toBe(1);
  });
});

// The probes above leave the time out, so without a bound they would read every monthly partition. The
// writer bounds them from below by the window of the batch's lives (lockLives), so Postgres prunes the
// months before it at plan time: the plans below name only partitions from the window's month on.
describe("probes bounded by the live's window", () => {
  // A year no other test puts rows in (event-partitions.test.ts expects some months to have no partition).
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2036, i, 1)));
  const start = Date.parse('2036-11-15T18:00:00Z');
  beforeAll(async () => {
    for (const table of ['gifts', 'chats', 'social_events'] as const) for (const month of months) await ensureWithRetry(table, month);
  });

  /**
   * Attaching a partition locks the table's DEFAULT partition, so it can lose a deadlock (40P01) or time out
   * on a lock (55P03) against other test files' writers in the shared database; the worker's job simply
   * tries again next round, and so does this (it is idempotent).
   */
  async function ensureWithRetry(table: 'gifts' | 'chats' | 'social_events', month: Date): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureMonthPartition(db, table, month);
        return;
      } catch (error) {
        const code = (error as { code?: string; meta?: { code?: string } }).meta?.code ?? (error as { code?: string }).code;
        const message = error instanceof Error ? error.message : String(error);
        const lost = code === '40P01' || code === '55P03' || /40P01|55P03|deadlock detected|lock timeout/.test(message);
        if (!lost || attempt >= 8) throw error;
      }
    }
  }

  /** A client that EXPLAINs each event statement before running it, and keeps the plans by statement. */
  function explaining() {
    const plans = new Map<string, string>();
    const spy: Client = {
      query: (async (text: string, values?: unknown[]) => {
        const name = /^\/\*(insertGifts|insertChats|insertSocials)\*\//.exec(text)?.[1];
        if (name) {
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
          plans.set(name, rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        return client.query(text, values);
      }) as Client['query'],
    };
    return { spy, plans };
  }
  /** The monthly partitions of `table` a plan scans, as YYYYMM. */
  const scanned = (plan: string | undefined, table: string) => [...(plan ?? '').matchAll(new RegExp(`Scan(?: Backward)? using \\S+ on ${table}_p(\\d{6})|Scan on ${table}_p(\\d{6})`, 'g'))].map((m) => m[1] ?? m[2]);

  it('read only the partitions from the month before the start on, and still find a copy timed differently', async () => {
    const { liveId, viewerId } = await freshLive();
    const live = await db.live.update({ where: { id: liveId }, data: { startedAt: new Date(start) }, select: { accountId: true } });
    const gift: GiftRow = {
      liveId: liveId.toString(), accountId: live.accountId, viewerId: viewerId.toString(), dedupeKey: `g:${viewerId}`, msgId: 'g1',
      giftId: '5655', giftName: 'Rose', diamondCount: 1, repeatCount: 1, diamonds: 1, streakable: false, timeoutClosed: false, at: start + 60_000, imageUrl: null, kind: 'gift',
    };
    const chat = (at: number) => ({ liveId: liveId.toString(), accountId: live.accountId, viewerId: viewerId.toString(), msgId: '7400000000000000001', content: 'hi', at });
    const follow = (at: number) => ({ liveId: liveId.toString(), viewerId: viewerId.toString(), msgId: '7400000000000000002', kind: 'FOLLOW' as const, at });

    await client.query('BEGIN');
    const since = await lockLives(client, [liveId.toString()]);
    await client.query('COMMIT');
    expect(since).toBe(start - EVENT_WINDOW_MARGIN_MS);
    const bounded = explaining();
    await client.query('BEGIN');
    expect(await insertGifts(bounded.spy, [gift], since)).toMatchObject([{ inserted: true }]);
    expect(await insertChats(bounded.spy, [chat(start + 60_000)], 'fast', since)).toEqual([{ live_id: liveId.toString(), n: 1 }]);
    expect(await insertSocials(bounded.spy, [follow(start + 60_000)], 'safe', since)).toHaveLength(1);
    // Copies timed on arrival a month later: found in the earlier partition, within the window.
    expect(await insertChats(bounded.spy, [chat(Date.parse('2036-12-20T00:00:00Z'))], 'fast', since)).toEqual([]);
    expect(await insertSocials(bounded.spy, [follow(Date.parse('2036-12-20T00:00:00Z'))], 'safe', since)).toEqual([]);
    expect(await insertGifts(bounded.spy, [{ ...gift, at: Date.parse('2036-12-20T00:00:00Z') }], since)).toEqual([]);
    await client.query('COMMIT');

    for (const [name, table] of [['insertGifts', 'gifts'], ['insertChats', 'chats'], ['insertSocials', 'social_events']] as const) {
      const months = scanned(bounded.plans.get(name), table);
      expect(months, `${name}: ${bounded.plans.get(name)}`).toContain('203611');
      expect(months.filter((m) => m === undefined || m < '203611'), name).toEqual([]);
    }
    // Without a window the same probe reads the older months too (what the bound saves).
    const unbounded = explaining();
    await insertChats(unbounded.spy, [chat(start)], 'fast');
    expect(scanned(unbounded.plans.get('insertChats'), 'chats')).toEqual(expect.arrayContaining(['203601', '203610']));
  });

  it('a second writer of the same live waits for the first, so a chat or follow timed differently is stored once', async () => {
    const { liveId, viewerId } = await freshLive();
    const live = await db.live.update({ where: { id: liveId }, data: { startedAt: new Date(start) }, select: { accountId: true } });
    const chat = (at: number) => ({ liveId: liveId.toString(), accountId: live.accountId, viewerId: viewerId.toString(), msgId: '7400000000000000003', content: 'hi', at });
    const follow = (at: number) => ({ liveId: liveId.toString(), viewerId: viewerId.toString(), msgId: '7400000000000000004', kind: 'FOLLOW' as const, at });
    const other = new pg.Client({ connectionString: requireDatabaseUrl() });
    await other.connect();
    try {
      await client.query('BEGIN');
      await other.query('BEGIN');
      const since = await lockLives(client, [liveId.toString()]);
      await insertChats(client, [chat(start + 1000)], 'fast', since);
      await insertSocials(client, [follow(start + 1000)], 'fast', since);
      const pid = await backendPid(other);
      // The same messages, timed on arrival a moment later by the other writer.
      const pending = (async () => {
        const theirs = await lockLives(other, [liveId.toString()]);
        return [await insertChats(other, [chat(start + 1500)], 'fast', theirs), await insertSocials(other, [follow(start + 1500)], 'fast', theirs)];
      })();
      pending.catch(() => undefined);
      await waitUntilBlocked((sql, params) => db.$queryRawUnsafe(sql, ...params), pid, pending);
      await client.query('COMMIT');
      expect(await pending).toEqual([[], []]);
      await other.query('COMMIT');
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
    expect(await db.chat.count({ where: { liveId } })).toBe(1);
    expect(await db.socialEvent.count({ where: { liveId } })).toBe(1);
  });
});
