// A Bilibili channel's rating and ranks from Postgres (getBilibiliStanding): compared with the stored
// Bilibili channels only, Reach from its follower count and LIVE from the gold of its lives in 30 days,
// left out for a channel LiveLens neither tracks nor saw live; no rating without a follower count.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBilibiliStanding, getRatingDistributions } from '@/lib/stats/profile-view';
import { uniqueSuffix } from '@/tools/testing/factories';

const NOW = new Date('2032-03-01T12:00:00Z');
let next = 0;

async function channel(followers: number | null) {
  const uid = `8${Date.now()}${next++}`.slice(0, 18);
  const created = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, lastFetchStatus: 'ok', followers: followers === null ? null : BigInt(followers) } });
  if (followers !== null) await db.followerSample.create({ data: { accountId: created.id, fetchedAt: new Date(NOW.getTime() - 3_600_000), followers: BigInt(followers) } });
  return created;
}

describe('getBilibiliStanding', () => {
  it('rates reach and gold among Bilibili channels, leaving likes and engagement out', async () => {
    const watched = await channel(5_000_000_000_000_000);
    await db.live.create({ data: { accountId: watched.id, platform: 'bilibili', roomId: `st-${uniqueSuffix()}`, startedAt: new Date(NOW.getTime() - 2 * 86_400_000), diamonds: 12_000_000 } });
    await db.live.create({ data: { accountId: watched.id, platform: 'bilibili', roomId: `st-${uniqueSuffix()}`, startedAt: new Date(NOW.getTime() - 45 * 86_400_000), diamonds: 99_000_000 } });
    const quiet = await channel(4_999_999_999_999_999);

    const standing = await getBilibiliStanding(db, watched, NOW);
    const rating = standing.rating!;
    expect(rating.unit).toBe('gold');
    expect(rating.parts.map((p) => [p.key, p.basis === 'missing' ? p.note.key : p.basis])).toEqual([
      ['reach', expect.stringMatching(/^(percentile|fixed-scale)$/)],
      ['likes', 'likesUnavailable'],
      ['engagement', 'engagementUnavailable'],
      ['live', expect.stringMatching(/^(percentile|fixed-scale)$/)],
    ]);
    const live = rating.parts[3]!;
    // Only the live of the last 30 days counts: 12M gold, not 111M.
    if (live.note.key === 'liveScale') expect(live.note.values).toMatchObject({ value: 12_000_000, unit: 'gold' });
    const distributions = await getRatingDistributions(db, NOW.getTime(), 'bilibili');
    expect(distributions.liveDiamonds30d).toContain(12_000_000);
    expect(distributions.liveDiamonds30d).not.toContain(111_000_000);
    expect(distributions.followers).toContain(5_000_000_000_000_000);
    // No TikTok account is in Bilibili's distributions: every follower figure belongs to a Bilibili channel.
    const bilibiliChannels = await db.channel.count({ where: { platform: 'bilibili', followers: { not: null } } });
    expect(distributions.followers.length).toBe(bilibiliChannels);
    expect(standing.ranks.places.map((p) => [p.metric, p.overall?.rank])).toEqual([
      ['followers', 1],
      ['earnings', expect.any(Number)],
    ]);

    // Neither tracked nor seen live: LIVE is left out in gold words, reach takes the whole weight.
    const other = await getBilibiliStanding(db, quiet, NOW);
    expect(other.rating?.parts[3]).toMatchObject({ basis: 'missing', note: { key: 'liveMissing', values: { unit: 'gold' } } });
    expect(other.rating?.parts[0]?.weight).toBe(1);
    expect(other.ranks.places[0]?.overall?.rank).toBe(2);
  });

  it("counts TikTok's LIVE diamonds in its distribution (SUM is numeric in Postgres: cast, not dropped)", async () => {
    // Before the cast, Prisma returned each sum as a Decimal, toCount refused it, and the LIVE part of
    // every TikTok rating stayed on its fixed scale however many accounts LiveLens tracked.
    const account = await db.channel.create({ data: { handle: `st.${uniqueSuffix()}`, lastFetchStatus: 'ok' } });
    await db.profileSnapshot.create({ data: { accountId: account.id, fetchedAt: new Date(NOW.getTime() - 86_400_000), followers: 10, hearts: 10, videos: 1, following: 0, diggs: 0, friends: 0 } });
    await db.live.create({ data: { accountId: account.id, roomId: `st-${uniqueSuffix()}`, startedAt: new Date(NOW.getTime() - 86_400_000), diamonds: 424_242 } });
    const distributions = await getRatingDistributions(db, NOW.getTime() + 1, 'tiktok');
    expect(distributions.liveDiamonds30d).toContain(424_242);
  });

  it('gives no rating without a follower count', async () => {
    const unknown = await channel(null);
    const standing = await getBilibiliStanding(db, unknown, NOW);
    expect(standing.rating).toBeNull();
    expect(standing.ranks.places.every((p) => p.overall === null)).toBe(true);
  });
});
