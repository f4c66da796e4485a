import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readChannelPage } from '@/lib/platforms/channel-page';
import { recomputeTopLists } from '@/lib/stats/top-lists';
import { uniqueSuffix } from '@/tools/testing/factories';

const uid = () => String(1_000_000 + Math.floor(Math.random() * 1e9));

describe('readChannelPage', () => {
  it('reads a Bilibili channel by uid with its lives and totals, never the TikTok account of the same handle', async () => {
    const handle = uid();
    const suffix = uniqueSuffix();
    const bili = await db.channel.create({ data: { platform: 'bilibili', handle, platformUserId: handle, roomId: `9${handle}`, nickname: '测试主播' } });
    // A TikTok account whose handle is the same digits, with a live of its own (diamonds must not be added).
    const tiktok = await db.channel.create({ data: { handle, nickname: 'TikTok namesake' } });
    await db.live.create({ data: { accountId: tiktok.id, roomId: `t${suffix}`, startedAt: new Date('2026-11-30T10:00:00Z'), diamonds: 999_999n } });
    await db.live.create({ data: { accountId: bili.id, platform: 'bilibili', roomId: `9${handle}`, title: 'Older', startedAt: new Date('2026-11-28T12:00:00Z'), endedAt: new Date('2026-11-28T14:00:00Z'), diamonds: 205_600n, gifts: 19, comments: 120, likes: 4_000n, peakViewers: 310 } });
    // Same room id as the TikTok live's: unique per platform only.
    await db.live.create({ data: { accountId: bili.id, platform: 'bilibili', roomId: `t${suffix}`, title: 'Newer', startedAt: new Date('2026-11-30T12:00:00Z'), diamonds: 14_800n, gifts: 8, comments: 12, likes: 11_391n, peakViewers: 95 } });

    const page = await readChannelPage(db, 'bilibili', handle);
    expect(page).toMatchObject({ platform: 'bilibili', handle, nickname: '测试主播', platformUserId: handle, roomId: `9${handle}`, valueUnit: 'gold' });
    expect(page?.totals).toMatchObject({ lives: 2, value: 220_400n, gifts: 27, comments: 132, likes: 15_391n, peakViewers: 310 });
    // 220,400 gold = 220.4 CNY paid; the creator's half at 7.076 CNY per USD.
    expect(page?.totals.usd.mid).toBeCloseTo((220.4 * 0.5) / 7.076, 6);
    expect(page?.lives.map((l) => [l.title, l.value])).toEqual([['Newer', 14_800n], ['Older', 205_600n]]);

    const namesake = await readChannelPage(db, 'tiktok', handle);
    expect(namesake).toMatchObject({ nickname: 'TikTok namesake', valueUnit: 'diamonds', totals: { lives: 1, value: 999_999n } });

    // Each platform's top creators sum its own unit: the channel in Bilibili's lists with its gold, the
    // namesake in TikTok's with its diamonds, never one list holding both.
    await recomputeTopLists(db, new Date('2026-12-01T00:00:00Z'));
    const ranked = await db.topCreatorEntry.findMany({ where: { accountId: { in: [bili.id, tiktok.id] } }, orderBy: { period: 'asc' }, select: { accountId: true, platform: true, period: true, diamonds: true } });
    expect(ranked.filter((r) => r.platform === 'tiktok')).toEqual([7, 30].map((period) => ({ accountId: tiktok.id, platform: 'tiktok', period, diamonds: 999_999n })));
    expect(ranked.filter((r) => r.platform === 'bilibili')).toEqual([7, 30].map((period) => ({ accountId: bili.id, platform: 'bilibili', period, diamonds: 220_400n })));
  });

  it('answers null for a uid nothing is stored for', async () => {
    expect(await readChannelPage(db, 'bilibili', uid())).toBeNull();
  });
});
