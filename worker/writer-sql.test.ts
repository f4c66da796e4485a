// The likes statement has two forms: `fast` (new ids found by a per-row probe, buckets summed from them)
// and `safe` (ON CONFLICT, buckets from what was actually inserted). Both must count each id once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createTestAccount, uniqueSuffix } from '@/lib/testing/factories';
import { storeLikes, type LikeRow, type Mode } from './writer-sql';

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
    expect(await db.processedMessage.count({ where: { liveId } })).toBe(4);
  });
});
