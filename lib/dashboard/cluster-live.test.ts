// A cluster's combined live across platforms: a creator live on TikTok and Bilibili at once.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { getCombinedLive } from '@/lib/dashboard/cluster-live';
import { createCluster, getClusterOverview } from '@/lib/dashboard/clusters';
import { usdWorthOf } from '@/lib/platforms/units';
import { buildDiamondRate, estimateLiveEarnings } from '@/lib/stats/estimates';
import { createTestAccount, createTestUser, uniqueSuffix } from '@/tools/testing/factories';

const MINUTE = 60_000;

async function live(accountId: string, platform: 'tiktok' | 'bilibili', data: { diamonds: number; viewers: number[]; ended?: boolean; startedAgoMin?: number }) {
  const startedAt = new Date(Date.now() - (data.startedAgoMin ?? 30) * MINUTE);
  const row = await db.live.create({
    data: { accountId, platform, roomId: `cl${uniqueSuffix()}`, startedAt, endedAt: data.ended ? new Date() : null, diamonds: BigInt(data.diamonds), likes: 10n, comments: 3 },
  });
  await db.viewerSample.createMany({ data: data.viewers.map((viewers, i) => ({ liveId: row.id, at: new Date(startedAt.getTime() + (i + 1) * MINUTE), viewers, totalUsers: viewers })) });
  return row;
}

describe('a cluster’s combined live', () => {
  it('sums viewers and income in USD across TikTok and Bilibili, shows each platform’s share, and leaves out what is not live', async () => {
    const owner = await createTestUser(db);
    const stranger = await createTestUser(db);
    const tiktok = await createTestAccount(db);
    const uid = String(700_000_000 + Math.floor(Math.random() * 1e8));
    const bilibili = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, roomId: uid, nickname: '露娜' } });
    const offline = await createTestAccount(db);
    await db.workspaceAccount.createMany({ data: [tiktok, bilibili, offline].map((a) => ({ workspaceId: owner.workspaceId, accountId: a.id })) });
    const cluster = await createCluster(db, owner.workspaceId, `Luna ${uniqueSuffix()}`, [tiktok.id, bilibili.id, offline.id]);

    // An older live of the TikTok channel, ended: only the open one counts.
    await live(tiktok.id, 'tiktok', { diamonds: 99_999, viewers: [5], ended: true, startedAgoMin: 600 });
    await live(tiktok.id, 'tiktok', { diamonds: 1_000, viewers: [80, 120] });
    await live(bilibili.id, 'bilibili', { diamonds: 365_400, viewers: [250, 300] });
    await live(offline.id, 'tiktok', { diamonds: 5_000, viewers: [40], ended: true });

    const combined = await getCombinedLive(db, owner.workspaceId, cluster.id);
    expect(combined.channels.map((c) => [c.platform, c.viewers, c.value, c.unit])).toEqual([
      ['bilibili', 300, 365_400, 'gold'],
      ['tiktok', 120, 1_000, 'diamonds'],
    ]);
    const tiktokUsd = estimateLiveEarnings(1_000, buildDiamondRate(getEnv().USD_PER_DIAMOND));
    const bilibiliUsd = usdWorthOf('bilibili', 365_400);
    expect(combined.viewers).toBe(420);
    expect(combined.earnings.mid).toBeCloseTo(tiktokUsd.mid + bilibiliUsd.mid, 9);
    expect(combined.earnings.low).toBeCloseTo(tiktokUsd.low + bilibiliUsd.low, 9);
    const share = Object.fromEntries(combined.platforms.map((p) => [p.platform, p]));
    expect(share.bilibili?.viewerShare).toBeCloseTo(300 / 420, 9);
    expect(share.tiktok?.viewerShare).toBeCloseTo(120 / 420, 9);
    expect((share.bilibili?.earningsShare ?? 0) + (share.tiktok?.earningsShare ?? 0)).toBeCloseTo(1, 9);
    expect(share.bilibili?.earningsShare).toBeCloseTo(bilibiliUsd.mid / (tiktokUsd.mid + bilibiliUsd.mid), 9);

    // The cluster's period statistics never add gold to diamonds; earnings add up in USD.
    const overview = await getClusterOverview(db, owner.workspaceId, cluster.id, { period: '7d' });
    expect(overview.accounts.find((a) => a.accountId === bilibili.id)).toMatchObject({ gold: 365_400, diamonds: 0 });
    expect(overview.totals.gold).toBe(365_400);
    expect(overview.totals.diamonds).toBe(1_000 + 99_999 + 5_000);
    const rate = buildDiamondRate(getEnv().USD_PER_DIAMOND);
    expect(overview.totals.earnings.mid).toBeCloseTo(estimateLiveEarnings(1_000 + 99_999 + 5_000, rate).mid + bilibiliUsd.mid, 6);

    // Another workspace cannot read it, even by id.
    await expect(getCombinedLive(db, stranger.workspaceId, cluster.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A channel the workspace no longer watches drops out.
    await db.workspaceAccount.delete({ where: { workspaceId_accountId: { workspaceId: owner.workspaceId, accountId: bilibili.id } } });
    expect((await getCombinedLive(db, owner.workspaceId, cluster.id)).channels.map((c) => c.platform)).toEqual(['tiktok']);
  });
});
