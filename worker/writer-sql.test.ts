// The likes statement keeps each bucket's counted message ids in the bucket. In `fast` mode it reads the
// buckets it touches; in `safe` mode it first creates and locks them (another writer may be on the same
// live). Both must count each id once, and two writers racing on the same buckets must too.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { storeLikes, type LikeRow, type Mode } from './writer-sql';
import { backendPid, waitUntilBlocked } from '@/tools/testing/locks';

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
