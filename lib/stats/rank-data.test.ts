// Ranks from stored snapshots and lives against the real test Postgres. Each test ranks within a region
// of its own, so accounts other test files store do not move these places.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { tiktokHandle } from '@/lib/platforms/channel';
import { getAccountRanks, getRankPage, RANK_PAGE_SIZE } from '@/lib/stats/rank-data';
import { uniqueSuffix } from '@/tools/testing/factories';

const NOW = new Date('2026-12-02T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

async function account(region: string, snapshots: { at: Date; followers: number; hearts?: number }[], diamonds: { at: Date; diamonds: number }[] = []) {
  const created = await db.channel.create({ data: { handle: `rk.${uniqueSuffix()}`, region, lastFetchStatus: 'ok' } });
  for (const s of snapshots) {
    await db.profileSnapshot.create({ data: { accountId: created.id, fetchedAt: s.at, followers: s.followers, hearts: s.hearts ?? s.followers * 10, videos: 10, following: 0, diggs: 0, friends: 0 } });
  }
  for (const l of diamonds) {
    await db.live.create({ data: { accountId: created.id, roomId: `room-${uniqueSuffix()}`, startedAt: l.at, endedAt: new Date(l.at.getTime() + 3_600_000), diamonds: l.diamonds } });
  }
  return created.handle;
}

describe('getRankPage', () => {
  it('ranks a region by followers now, with places changed since the snapshots of a week before', async () => {
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    const riser = await account(region, [{ at: daysAgo(10), followers: 100 }, { at: daysAgo(1), followers: 5_000 }]);
    const leader = await account(region, [{ at: daysAgo(9), followers: 3_000 }, { at: daysAgo(2), followers: 3_100 }]);
    const newcomer = await account(region, [{ at: daysAgo(3), followers: 4_000 }]);
    const later = await account(region, [{ at: new Date(NOW.getTime() + 3_600_000), followers: 9_999_999 }]); // after `now`
    const page = await getRankPage(db, { metric: 'followers', region, page: 1, now: NOW, fresh: true });
    expect(page.items.map((r) => [r.handle, r.rank, r.value, r.change])).toEqual([
      [riser, 1, 5_000, 1],
      [newcomer, 2, 4_000, null],
      [leader, 3, 3_100, -2],
    ]);
    expect(page.items.map((r) => r.handle)).not.toContain(later);
    expect(page).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(page.regions).toContainEqual({ region, accounts: 3 });
  });

  it('ranks LIVE earnings over 30 days with the dollar range, leaving out accounts never seen earning', async () => {
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    const big = await account(region, [{ at: daysAgo(1), followers: 10 }], [{ at: daysAgo(2), diamonds: 10_000 }, { at: daysAgo(35), diamonds: 99_999 }]);
    const small = await account(region, [{ at: daysAgo(1), followers: 10 }], [{ at: daysAgo(20), diamonds: 2_000 }]);
    await account(region, [{ at: daysAgo(1), followers: 10 }]);
    const page = await getRankPage(db, { metric: 'earnings', region, page: 1, now: NOW, fresh: true });
    expect(page.items.map((r) => [r.handle, r.rank, r.value])).toEqual([
      [big, 1, 10_000],
      [small, 2, 2_000],
    ]);
    // The 30 days before a week ago held big's 35-day-old live: it led then too.
    expect(page.items[0]?.change).toBe(0);
    expect(page.items[0]?.earnings?.low).toBeGreaterThan(0);
  });

  it('reads the lists again within a minute when a ranking the cache holds is empty', async () => {
    // A fresh demo's first visit to /top comes before its live has earned anything. Its own `now` (the
    // cache is per process and keyed by time): no other test reads the cache at it.
    const at = new Date('2029-04-01T12:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    const handle = await account(region, [{ at: new Date(at.getTime() - 86_400_000), followers: 10 }]);
    const earnings = async (now: Date) => (await getRankPage(db, { metric: 'earnings', region, page: 1, now })).items.map((r) => [r.handle, r.value]);
    expect(await earnings(at)).toEqual([]);
    const { id } = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle), select: { id: true } });
    await db.live.create({ data: { accountId: id, roomId: `room-${uniqueSuffix()}`, startedAt: later(1_000), diamonds: 500 } });
    // Within the minute the cached lists answer; after it, the empty ranking has them read again.
    expect(await earnings(later(30_000))).toEqual([]);
    expect(await earnings(later(61_000))).toEqual([[handle, 500]]);
    // A ranking with entries keeps the cache for its ten minutes.
    await account(region, [{ at: later(62_000), followers: 99 }]);
    const followers = async (now: Date) => (await getRankPage(db, { metric: 'followers', region, page: 1, now })).total;
    expect(await followers(later(200_000))).toBe(1);
  });

  it('pages through long lists and clamps a page past the end', async () => {
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    for (let i = 0; i < RANK_PAGE_SIZE + 2; i++) await account(region, [{ at: daysAgo(1), followers: 1_000 + i }]);
    const second = await getRankPage(db, { metric: 'likes', region, page: 5, now: NOW, fresh: true });
    expect(second).toMatchObject({ page: 2, pages: 2, total: RANK_PAGE_SIZE + 2 });
    expect(second.items.map((r) => r.rank)).toEqual([21, 22]);
  });
});

describe('getAccountRanks', () => {
  it("gives an account's place in each ranking overall and in its region", async () => {
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    await account(region, [{ at: daysAgo(1), followers: 2_000_000_000 }]);
    const second = await account(region, [{ at: daysAgo(9), followers: 1_999_999_998 }, { at: daysAgo(1), followers: 1_999_999_999 }]);
    const { id } = await db.channel.findUniqueOrThrow({ where: tiktokHandle(second), select: { id: true } });
    const ranks = await getAccountRanks(db, id, { now: NOW, fresh: true });
    expect(ranks.region).toBe(region);
    const followers = ranks.places.find((p) => p.metric === 'followers');
    // A week ago it was the only one of the two with numbers, so first: one place lost.
    expect(followers?.inRegion).toEqual({ rank: 2, of: 2, change: -1 });
    expect(followers?.overall?.rank).toBe(2); // far above any other test account
    expect(followers?.overall?.of).toBeGreaterThanOrEqual(2);
    expect(ranks.places.find((p) => p.metric === 'earnings')).toEqual({ metric: 'earnings', overall: null, inRegion: null });
  });

  it('places a channel looked up after the shared ranking was computed within a minute, not ten', async () => {
    // Its own `now` (the cache is per process and keyed by time): no other test reads the cache at it.
    const at = new Date('2029-03-01T12:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    const region = `Q${uniqueSuffix().toUpperCase()}`;
    await account(region, [{ at: new Date(at.getTime() - 86_400_000), followers: 10 }]);
    await getAccountRanks(db, 'no-such-channel', { now: at }); // fills the cache
    const handle = await account(region, [{ at: new Date(at.getTime() - 3_600_000), followers: 20 }]);
    const { id } = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle), select: { id: true } });
    const placeIn = async (now: Date) => (await getAccountRanks(db, id, { now })).places.find((p) => p.metric === 'followers')?.inRegion ?? null;
    // Within the minute the cached lists answer, without it.
    expect(await placeIn(later(30_000))).toBeNull();
    // After it, a channel missing from them has the lists read again.
    expect(await placeIn(later(61_000))).toEqual({ rank: 1, of: 2, change: null });
    // A channel that is still missing (no snapshot) does not have them read on every visit.
    const empty = await db.channel.create({ data: { handle: `rk.${uniqueSuffix()}`, region, lastFetchStatus: 'ok' } });
    await account(region, [{ at: later(62_000), followers: 30 }]);
    expect((await getAccountRanks(db, empty.id, { now: later(90_000) })).places.every((p) => p.overall === null)).toBe(true);
    expect(await placeIn(later(90_000))).toEqual({ rank: 1, of: 2, change: null });
  });
});

// Bilibili channels rank among themselves only, with no region: each test uses a `now` years ahead (no
// other file's lives fall in its 30 days) and follower counts above any other test's, so its channels
// hold the top places.
describe('Bilibili ranks', () => {
  const FUTURE = new Date('2031-06-01T12:00:00Z');
  const before = (days: number) => new Date(FUTURE.getTime() - days * 86_400_000);
  let next = 0;

  async function channel(samples: { at: Date; followers: number }[], gold: { at: Date; gold: number }[] = []) {
    const uid = `9${Date.now()}${next++}`.slice(0, 18);
    const created = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, lastFetchStatus: 'ok' } });
    await db.followerSample.createMany({ data: samples.map((s) => ({ accountId: created.id, fetchedAt: s.at, followers: BigInt(s.followers) })) });
    for (const l of gold) {
      await db.live.create({ data: { accountId: created.id, platform: 'bilibili', roomId: `bl-${uniqueSuffix()}`, startedAt: l.at, endedAt: new Date(l.at.getTime() + 3_600_000), diamonds: l.gold } });
    }
    return { id: created.id, uid };
  }

  it('ranks Bilibili channels by their follower samples and by gold, apart from TikTok, linking by uid', async () => {
    const big = 8_000_000_000_000;
    const riser = await channel([{ at: before(10), followers: big }, { at: before(1), followers: big + 300 }], [{ at: before(3), gold: 7_000_000 }, { at: before(20), gold: 1_000_000 }]);
    const leader = await channel([{ at: before(9), followers: big + 200 }, { at: before(2), followers: big + 250 }], [{ at: before(35), gold: 99_000_000 }]);
    const unseen = await channel([{ at: before(1), followers: big + 100 }]);
    const followers = await getRankPage(db, { platform: 'bilibili', metric: 'followers', region: null, page: 1, now: FUTURE, fresh: true });
    expect(followers.items.slice(0, 3).map((r) => [r.platform, r.handle, r.rank, r.value, r.change])).toEqual([
      ['bilibili', riser.uid, 1, big + 300, 1],
      ['bilibili', leader.uid, 2, big + 250, -1],
      ['bilibili', unseen.uid, 3, big + 100, null],
    ]);
    expect(followers.regions).toEqual([]);
    // Gold over the last 30 days: the leader's 35-day-old live is outside it, so only the riser earns.
    const earnings = await getRankPage(db, { platform: 'bilibili', metric: 'earnings', region: null, page: 1, now: FUTURE, fresh: true });
    expect(earnings.items.map((r) => [r.handle, r.rank, r.value])).toEqual([[riser.uid, 1, 8_000_000]]);
    // 8M gold is ¥8,000 paid; the streamer's share at 40–60% is about $440–$660, not TikTok's diamond rate.
    expect(earnings.items[0]?.earnings?.low).toBeGreaterThan(400);
    expect(earnings.items[0]?.earnings?.high).toBeLessThan(700);
    // A week before, the leader's 35-day-old live was within its 30 days and led the riser's 1M: one place gained.
    expect(earnings.items[0]?.change).toBe(1);

    const tiktok = await getRankPage(db, { metric: 'followers', region: null, page: 1, now: FUTURE, fresh: true });
    expect(tiktok.items.every((r) => r.platform === 'tiktok')).toBe(true);
    expect(tiktok.items.map((r) => r.handle)).not.toContain(riser.uid);

    const ranks = await getAccountRanks(db, leader.id, { platform: 'bilibili', now: FUTURE, fresh: true });
    expect(ranks).toEqual({
      platform: 'bilibili',
      region: null,
      places: [
        { metric: 'followers', overall: { rank: 2, of: followers.total, change: -1 }, inRegion: null },
        { metric: 'earnings', overall: null, inRegion: null },
      ],
    });
  });
});
