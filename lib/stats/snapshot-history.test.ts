// Daily history and the comparison against the real test Postgres.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildProfileView } from '@/lib/stats/profile-view';
import { getComparison, getDailyHistory, HISTORY_MAX_DAYS, parseCompareHandles } from '@/lib/stats/snapshot-history';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';

const NOW = new Date('2026-12-02T12:00:00Z');

async function snapshot(accountId: string, at: string, followers: number, hearts = followers * 10, videos = 5) {
  await db.profileSnapshot.create({ data: { accountId, fetchedAt: new Date(at), followers, hearts, videos, following: 1, diggs: 0, friends: 0 } });
}

describe('getDailyHistory', () => {
  it("keeps each UTC day's last snapshot per account, oldest first, within the stored window", async () => {
    const a = await createTestAccount(db);
    const b = await createTestAccount(db);
    const other = await createTestAccount(db);
    await snapshot(a.id, '2026-11-30T23:59:00Z', 120);
    await snapshot(a.id, '2026-11-30T00:10:00Z', 100);
    await snapshot(a.id, '2026-12-01T08:00:00Z', 130);
    await snapshot(a.id, new Date(NOW.getTime() - (HISTORY_MAX_DAYS + 2) * 86_400_000).toISOString(), 1);
    await snapshot(a.id, '2026-12-03T08:00:00Z', 999); // after `now`
    await snapshot(b.id, '2026-12-01T09:00:00Z', 50);
    await snapshot(other.id, '2026-12-01T09:00:00Z', 7);
    const history = await getDailyHistory(db, [a.id, b.id], NOW);
    expect(history.get(a.id)).toEqual([
      { day: '2026-11-30', followers: 120, hearts: 1200, videos: 5 },
      { day: '2026-12-01', followers: 130, hearts: 1300, videos: 5 },
    ]);
    expect(history.get(b.id)).toEqual([{ day: '2026-12-01', followers: 50, hearts: 500, videos: 5 }]);
    expect(history.has(other.id)).toBe(false);
  });

  it('answers an empty map for no accounts', async () => {
    expect((await getDailyHistory(db, [], NOW)).size).toBe(0);
  });
});

describe('parseCompareHandles', () => {
  it('takes up to three distinct valid handles from commas or repeated parameters', () => {
    expect(parseCompareHandles('Alpha.One, @beta ,alpha.one,gamma,delta')).toEqual({ handles: ['alpha.one', 'beta', 'gamma'], invalid: [] });
    expect(parseCompareHandles(['a1,b2', 'c3', '..bad..'])).toEqual({ handles: ['a1', 'b2', 'c3'], invalid: ['..bad..'] });
    expect(parseCompareHandles(undefined)).toEqual({ handles: [], invalid: [] });
  });
});

describe('getComparison', () => {
  it('answers stored accounts in the order asked with latest counts and history, and names the missing ones', async () => {
    const first = await createTestAccount(db);
    const second = await createTestAccount(db);
    const gone = await db.channel.create({ data: { handle: `gone.${uniqueSuffix()}`, lastFetchStatus: 'not_found' } });
    const unfetched = await createTestAccount(db);
    await snapshot(first.id, '2026-11-30T10:00:00Z', 1_000, 50_000, 10);
    await snapshot(first.id, '2026-12-01T10:00:00Z', 1_100, 55_000, 11);
    await snapshot(second.id, '2026-12-01T10:00:00Z', 200, 900, 3);
    const never = `never.${uniqueSuffix()}`;
    const { accounts, missing } = await getComparison(db, [second.handle, first.handle, gone.handle, unfetched.handle, never], NOW);
    expect(accounts.map((a) => a.handle)).toEqual([second.handle, first.handle]);
    expect(accounts[1]).toMatchObject({ latest: { followers: 1_100, hearts: 55_000, videos: 11 }, fetchedAt: '2026-12-01T10:00:00.000Z' });
    expect(accounts[1]?.daily.map((d) => d.followers)).toEqual([1_000, 1_100]);
    // 55,000 likes over 11 videos is 5,000 a video, 454.5 % of 1,100 followers (no view counts stored).
    expect(accounts[1]?.engagementPercent).toBeCloseTo(454.545, 2);
    expect(missing).toEqual([gone.handle, unfetched.handle, never]);
  });
});

describe('buildProfileView', () => {
  it("gives the account page one point per stored UTC day, videos included", async () => {
    const account = await createTestAccount(db);
    await snapshot(account.id, '2026-11-29T10:00:00Z', 90, 900, 4);
    await snapshot(account.id, '2026-12-01T07:00:00Z', 100, 1_000, 5);
    await snapshot(account.id, '2026-12-01T11:00:00Z', 110, 1_100, 6);
    const latest = await db.profileSnapshot.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { fetchedAt: 'desc' } });
    const view = await buildProfileView(db, { account, snapshot: latest }, NOW);
    expect(view.daily).toEqual([
      { day: '2026-11-29', followers: 90, hearts: 900, videos: 4 },
      { day: '2026-12-01', followers: 110, hearts: 1_100, videos: 6 },
    ]);
  });
});
