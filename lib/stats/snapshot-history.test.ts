// Daily history against the real test Postgres (the comparison: lib/stats/compare.test.ts).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildProfileView } from '@/lib/stats/profile-view';
import { getDailyHistory, HISTORY_MAX_DAYS } from '@/lib/stats/snapshot-history';
import { createTestAccount } from '@/tools/testing/factories';

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
