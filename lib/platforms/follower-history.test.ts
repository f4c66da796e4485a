// A channel's follower history from follower_samples on Postgres: one point per UTC day (that day's latest
// sample), oldest first, nothing after `now`, nothing of another channel.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getFollowerHistory } from '@/lib/platforms/follower-history';

describe('getFollowerHistory', () => {
  it('keeps each UTC day’s latest count, oldest first, up to now', async () => {
    const uid = `6${Date.now()}`.slice(0, 16);
    const [channel, other] = await Promise.all([
      db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid } }),
      db.channel.create({ data: { platform: 'bilibili', handle: `${uid.slice(0, 15)}1`, platformUserId: `${uid.slice(0, 15)}1` } }),
    ]);
    const sample = (accountId: string, at: string, followers: number) => ({ accountId, fetchedAt: new Date(at), followers: BigInt(followers) });
    await db.followerSample.createMany({
      data: [
        sample(channel.id, '2026-11-02T23:59:00Z', 1_050),
        sample(channel.id, '2026-11-01T08:00:00Z', 1_000),
        sample(channel.id, '2026-11-02T00:01:00Z', 1_020),
        sample(channel.id, '2026-11-01T20:00:00Z', 1_010),
        sample(channel.id, '2026-11-05T12:00:00Z', 1_100), // after `now`
        sample(other.id, '2026-11-01T12:00:00Z', 9_999),
      ],
    });
    expect(await getFollowerHistory(db, channel.id, new Date('2026-11-04T00:00:00Z'))).toEqual([
      { day: '2026-11-01', followers: 1_010, hearts: 0, videos: 0 },
      { day: '2026-11-02', followers: 1_050, hearts: 0, videos: 0 },
    ]);
  });
});
