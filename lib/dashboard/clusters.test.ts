import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  createCluster,
  deleteCluster,
  getCluster,
  getClusterOverview,
  listClusters,
  renameCluster,
  setClusterAccounts,
  updateCluster,
  type ClusterAccountRow,
} from '@/lib/dashboard/clusters';
import { estimateValueUsd } from '@/lib/dashboard/value';
import { usdWorthOf } from '@/lib/platforms/units';
import { createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { matching } from '@/tools/testing/match';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = new Date('2031-05-20T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function buildPeople() {
  const [owner, stranger] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const [a1, a2, a3, b1] = await Promise.all([createTestAccount(db), createTestAccount(db), createTestAccount(db), createTestAccount(db)]);
  await db.workspaceAccount.createMany({
    data: [
      { workspaceId: owner.workspaceId, accountId: a1.id },
      { workspaceId: owner.workspaceId, accountId: a2.id },
      { workspaceId: owner.workspaceId, accountId: a3.id },
      { workspaceId: stranger.workspaceId, accountId: b1.id },
      // Two workspaces watching one account must not share clusters.
      { workspaceId: stranger.workspaceId, accountId: a1.id },
    ],
  });
  return { owner, stranger, a1, a2, a3, b1 };
}

type Live = { startedAt: Date; endedAt: Date | null; diamonds?: bigint; likes?: bigint; comments?: number; follows?: number; peakViewers?: number };
async function createLives(accountId: string, lives: Live[]) {
  await db.live.createMany({ data: lives.map((l) => ({ accountId, roomId: `c${uniqueSuffix()}${uniqueSuffix()}`, ...l })) });
}

describe('cluster management', () => {
  let p: Awaited<ReturnType<typeof buildPeople>>;
  beforeAll(async () => {
    p = await buildPeople();
  });

  it('creates a cluster with a trimmed name and the given managed accounts', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, '  Agency one  ', [p.a2.id, p.a1.id, p.a1.id]);
    expect(cluster.name).toBe('Agency one');
    expect(cluster.accounts.map((a) => a.accountId).sort()).toEqual([p.a1.id, p.a2.id].sort());
    expect(await getCluster(db, p.owner.workspaceId, cluster.id)).toEqual(cluster);
  });

  it('rejects empty, too long and duplicate names', async () => {
    await expect(createCluster(db, p.owner.workspaceId, '   ', [])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createCluster(db, p.owner.workspaceId, 'x'.repeat(61), [])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const longest = await createCluster(db, p.owner.workspaceId, ` ${'y'.repeat(60)} `, []);
    expect(longest.name).toHaveLength(60);
    await createCluster(db, p.owner.workspaceId, 'Twins', []);
    await expect(createCluster(db, p.owner.workspaceId, ' Twins ', [])).rejects.toMatchObject({ code: 'CONFLICT', message: 'This workspace already has a cluster with that name.' });
    // Names are unique per user, not across users.
    await expect(createCluster(db, p.stranger.workspaceId, 'Twins', [p.b1.id])).resolves.toMatchObject({ name: 'Twins' });
  });

  it('rejects accounts the user does not manage, with a clear message', async () => {
    await expect(createCluster(db, p.owner.workspaceId, `Mixed ${uniqueSuffix()}`, [p.a1.id, p.b1.id])).rejects.toMatchObject({ code: 'BAD_REQUEST', message: matching(/accounts this workspace watches/) });
    await expect(createCluster(db, p.owner.workspaceId, `Ghost ${uniqueSuffix()}`, ['no-such-account'])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const cluster = await createCluster(db, p.owner.workspaceId, `Edit ${uniqueSuffix()}`, [p.a1.id]);
    await expect(setClusterAccounts(db, p.owner.workspaceId, cluster.id, [p.a2.id, p.b1.id])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A rejected member list leaves the rename in the same request undone too.
    await expect(updateCluster(db, p.owner.workspaceId, cluster.id, { name: 'Should not stick', accountIds: [p.b1.id] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await getCluster(db, p.owner.workspaceId, cluster.id)).toMatchObject({ name: cluster.name, accounts: [{ accountId: p.a1.id }] });
  });

  it('renames and replaces members', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Before ${uniqueSuffix()}`, [p.a1.id, p.a2.id]);
    const taken = await createCluster(db, p.owner.workspaceId, `Taken ${uniqueSuffix()}`, []);
    await expect(renameCluster(db, p.owner.workspaceId, cluster.id, taken.name)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(renameCluster(db, p.owner.workspaceId, cluster.id, '')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(renameCluster(db, p.owner.workspaceId, cluster.id, cluster.name)).resolves.toMatchObject({ name: cluster.name });
    const renamed = await renameCluster(db, p.owner.workspaceId, cluster.id, `  After ${cluster.id}  `);
    expect(renamed.name).toBe(`After ${cluster.id}`);
    const moved = await setClusterAccounts(db, p.owner.workspaceId, cluster.id, [p.a3.id, p.a2.id]);
    expect(moved.accounts.map((a) => a.accountId).sort()).toEqual([p.a2.id, p.a3.id].sort());
    expect((await setClusterAccounts(db, p.owner.workspaceId, cluster.id, [])).accounts).toEqual([]);
  });

  it('lists only the user’s own clusters, by name', async () => {
    const mine = await listClusters(db, p.owner.workspaceId);
    expect(mine.length).toBeGreaterThan(0);
    const names = mine.map((c) => c.name);
    expect(names.indexOf('Agency one')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('Agency one')).toBeLessThan(names.indexOf('Twins'));
    const theirs = await listClusters(db, p.stranger.workspaceId);
    expect(theirs.map((c) => c.name)).toEqual(['Twins']);
    expect(mine.some((c) => theirs.some((t) => t.id === c.id))).toBe(false);
  });

  it('answers NOT_FOUND for another user’s cluster and for unknown ids', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Private ${uniqueSuffix()}`, [p.a1.id]);
    for (const [userId, id] of [[p.stranger.workspaceId, cluster.id], [p.owner.workspaceId, 'not-a-cluster'], [p.owner.workspaceId, '']] as const) {
      await expect(getCluster(db, userId, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(renameCluster(db, userId, id, 'Hijacked')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(setClusterAccounts(db, userId, id, [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(deleteCluster(db, userId, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getClusterOverview(db, userId, id, { period: '7d', now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await getCluster(db, p.owner.workspaceId, cluster.id)).toMatchObject({ name: cluster.name });
  });

  it('deletes a cluster but not its accounts', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Doomed ${uniqueSuffix()}`, [p.a1.id]);
    await deleteCluster(db, p.owner.workspaceId, cluster.id);
    await expect(getCluster(db, p.owner.workspaceId, cluster.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteCluster(db, p.owner.workspaceId, cluster.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.channel.count({ where: { id: p.a1.id } })).toBe(1);
  });
});

describe('cluster overview', () => {
  let p: Awaited<ReturnType<typeof buildPeople>>;
  beforeAll(async () => {
    p = await buildPeople();
    await createLives(p.a1.id, [
      { startedAt: ago(2 * DAY), endedAt: ago(2 * DAY - 2 * HOUR), diamonds: 1000n, likes: 5000n, comments: 40, follows: 3, peakViewers: 120 },
      { startedAt: ago(5 * DAY), endedAt: ago(5 * DAY - HOUR), diamonds: 200n, likes: 100n, comments: 10, follows: 1, peakViewers: 300 },
      { startedAt: ago(40 * DAY), endedAt: ago(40 * DAY - HOUR), diamonds: 99_999n, likes: 1n, comments: 1, follows: 1, peakViewers: 9999 },
    ]);
    await createLives(p.a2.id, [
      { startedAt: ago(20 * DAY), endedAt: ago(20 * DAY - 3 * HOUR), diamonds: 4000n, likes: 900n, comments: 5, follows: 7, peakViewers: 450 },
      // Still running: counts up to now.
      { startedAt: ago(HOUR / 2), endedAt: null, diamonds: 10n, likes: 20n, comments: 2, follows: 0, peakViewers: 15 },
    ]);
    await createLives(p.b1.id, [{ startedAt: ago(DAY), endedAt: ago(DAY - HOUR), diamonds: 777n, peakViewers: 5000 }]);
  });

  const rowOf = (rows: ClusterAccountRow[], accountId: string) => rows.find((r) => r.accountId === accountId);

  it('gives per-account rows and combined totals that add up', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Stats ${uniqueSuffix()}`, [p.a1.id, p.a2.id, p.a3.id]);
    const week = await getClusterOverview(db, p.owner.workspaceId, cluster.id, { period: '7d', now: NOW });
    expect(week.accounts).toHaveLength(3);
    expect(rowOf(week.accounts, p.a1.id)).toMatchObject({ lives: 2, hoursLive: 3, diamonds: 1200, likes: 5100, comments: 50, newFollowers: 4, peakViewers: 300 });
    expect(rowOf(week.accounts, p.a2.id)).toMatchObject({ lives: 1, hoursLive: 0.5, diamonds: 10, likes: 20, comments: 2, newFollowers: 0, peakViewers: 15 });
    expect(rowOf(week.accounts, p.a3.id)).toMatchObject({ lives: 0, hoursLive: 0, diamonds: 0, peakViewers: 0, earnings: { low: 0, mid: 0, high: 0 } });
    expect(week.totals).toMatchObject({ lives: 3, hoursLive: 3.5, diamonds: 1210, likes: 5120, comments: 52, newFollowers: 4, peakViewers: 300 });

    const month = await getClusterOverview(db, p.owner.workspaceId, cluster.id, { period: '30d', now: NOW });
    expect(month.totals).toMatchObject({ lives: 4, hoursLive: 6.5, diamonds: 5210, peakViewers: 450 });

    for (const overview of [week, month]) {
      const { totals, accounts } = overview;
      const sum = (pick: (r: ClusterAccountRow) => number) => accounts.reduce((s, r) => s + pick(r), 0);
      expect(totals.lives).toBe(sum((r) => r.lives));
      expect(totals.diamonds).toBe(sum((r) => r.diamonds));
      expect(totals.likes).toBe(sum((r) => r.likes));
      expect(totals.comments).toBe(sum((r) => r.comments));
      expect(totals.newFollowers).toBe(sum((r) => r.newFollowers));
      expect(totals.hoursLive).toBeCloseTo(sum((r) => r.hoursLive), 9);
      expect(totals.peakViewers).toBe(Math.max(...accounts.map((r) => r.peakViewers)));
      for (const end of ['low', 'mid', 'high'] as const) expect(totals.earnings[end]).toBeCloseTo(sum((r) => r.earnings[end]), 9);
      expect(totals.earnings.low).toBeLessThan(totals.earnings.high);
    }
  });

  it('leaves out accounts the user no longer manages and other users’ lives', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Shrinking ${uniqueSuffix()}`, [p.a1.id, p.a3.id]);
    const other = await createCluster(db, p.stranger.workspaceId, `Theirs ${uniqueSuffix()}`, [p.b1.id, p.a1.id]);
    await db.workspaceAccount.delete({ where: { workspaceId_accountId: { workspaceId: p.owner.workspaceId, accountId: p.a3.id } } });
    const overview = await getClusterOverview(db, p.owner.workspaceId, cluster.id, { period: '7d', now: NOW });
    expect(overview.accounts.map((r) => r.accountId)).toEqual([p.a1.id]);
    expect(overview.totals.diamonds).toBe(1200);
    const theirs = await getClusterOverview(db, p.stranger.workspaceId, other.id, { period: '7d', now: NOW });
    expect(theirs.totals).toMatchObject({ lives: 3, diamonds: 1977, peakViewers: 5000 });
    await expect(getClusterOverview(db, p.stranger.workspaceId, cluster.id, { period: '7d', now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is all zeros for a cluster without accounts', async () => {
    const cluster = await createCluster(db, p.owner.workspaceId, `Empty ${uniqueSuffix()}`, []);
    const overview = await getClusterOverview(db, p.owner.workspaceId, cluster.id, { period: '30d', now: NOW });
    expect(overview.accounts).toEqual([]);
    expect(overview.totals).toEqual({ lives: 0, hoursLive: 0, diamonds: 0, gold: 0, likes: 0, comments: 0, newFollowers: 0, peakViewers: 0, earnings: { low: 0, mid: 0, high: 0 } });
  });
});

describe('cluster overview with a Bilibili channel', () => {
  it('counts a Bilibili channel’s value as gold, apart from diamonds, and adds both only in USD', async () => {
    const owner = await createTestUser(db);
    const tiktok = await createTestAccount(db);
    const uid = String(Number.parseInt(uniqueSuffix(), 16) + 1);
    const bilibili = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台' } });
    await Promise.all([watchTestAccount(db, owner.workspaceId, tiktok.id), watchTestAccount(db, owner.workspaceId, bilibili.id)]);
    await createLives(tiktok.id, [{ startedAt: ago(DAY), endedAt: ago(DAY - HOUR), diamonds: 1000n }]);
    await db.live.create({ data: { accountId: bilibili.id, platform: 'bilibili', roomId: `b${uniqueSuffix()}`, startedAt: ago(DAY), endedAt: ago(DAY - HOUR), diamonds: 365_400n, superChats: 2, guards: 1 } });
    const cluster = await createCluster(db, owner.workspaceId, `Both ${uniqueSuffix()}`, [tiktok.id, bilibili.id]);

    const { accounts, totals } = await getClusterOverview(db, owner.workspaceId, cluster.id, { period: '7d', now: NOW });
    const bili = accounts.find((r) => r.accountId === bilibili.id);
    expect(bili).toMatchObject({ platform: 'bilibili', handle: uid, nickname: '星海电台', diamonds: 0, gold: 365_400, earnings: usdWorthOf('bilibili', 365_400) });
    expect(accounts.find((r) => r.accountId === tiktok.id)).toMatchObject({ platform: 'tiktok', diamonds: 1000, gold: 0, earnings: estimateValueUsd('tiktok', 1000) });
    expect(totals).toMatchObject({ lives: 2, diamonds: 1000, gold: 365_400 });
    for (const end of ['low', 'mid', 'high'] as const) expect(totals.earnings[end]).toBeCloseTo(estimateValueUsd('tiktok', 1000)[end] + usdWorthOf('bilibili', 365_400)[end], 9);
  });
});
