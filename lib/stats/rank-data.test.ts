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
});
