import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { collectReportInput } from '@/lib/reports/collect';
import { generateReport } from '@/lib/reports/generate';
import { reportDataSchema } from '@/lib/reports/types';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const roomId = () => `88${Date.now()}${uniqueSuffix()}`.slice(0, 24);

type Counts = { followers: bigint; hearts: bigint; videos?: bigint };

async function addSnapshot(accountId: string, fetchedAt: Date, counts: Counts) {
  return db.profileSnapshot.create({
    data: { accountId, fetchedAt, followers: counts.followers, following: 10n, hearts: counts.hearts, videos: counts.videos ?? 50n, diggs: 5n, friends: 2n },
  });
}

async function addViewer() {
  return db.viewer.create({ data: { tiktokUserId: `77${Date.now()}${uniqueSuffix()}` } });
}

describe('collectReportInput', () => {
  it('reads the account, its latest snapshot and recent history, its band peers, LIVEs and gifters', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    // Hearts values unique to this run, so peers from other test files sharing the database are told apart.
    const tag = BigInt(parseInt(uniqueSuffix(), 16)) * 1_000n;

    const account = await db.channel.create({
      data: { handle: `report.${uniqueSuffix()}`, nickname: 'Report <b>test</b> 🌸', verified: true, region: 'DE', privateAccount: false },
    });
    await addSnapshot(account.id, ago(100 * DAY), { followers: 10_000n, hearts: tag + 1n, videos: 10n }); // older than the history window
    await addSnapshot(account.id, ago(20 * DAY), { followers: 20_000n, hearts: tag + 2n, videos: 40n });
    await addSnapshot(account.id, ago(10 * DAY), { followers: 22_000n, hearts: tag + 3n, videos: 45n });
    await addSnapshot(account.id, ago(HOUR), { followers: 25_000n, hearts: tag + 4n, videos: 50n });
    await addSnapshot(account.id, new Date(now.getTime() + DAY), { followers: 99_999n, hearts: tag + 5n }); // after `now`: ignored

    const [inBand, leftBand, alsoInBand, otherBand] = await Promise.all([createTestAccount(db), createTestAccount(db), createTestAccount(db), createTestAccount(db)]);
    await addSnapshot(inBand.id, ago(30 * DAY), { followers: 500n, hearts: tag + 10n });
    await addSnapshot(inBand.id, ago(DAY), { followers: 50_000n, hearts: tag + 11n, videos: 80n });
    await addSnapshot(leftBand.id, ago(30 * DAY), { followers: 50_000n, hearts: tag + 20n });
    await addSnapshot(leftBand.id, ago(DAY), { followers: 500n, hearts: tag + 21n });
    await addSnapshot(alsoInBand.id, ago(DAY), { followers: 10_000n, hearts: tag + 30n, videos: 7n });
    await addSnapshot(otherBand.id, ago(DAY), { followers: 100_000n, hearts: tag + 40n });

    const old = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: ago(40 * DAY), endedAt: ago(40 * DAY - HOUR), diamonds: 9_999n } });
    const first = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: ago(10 * DAY), endedAt: ago(10 * DAY - 2 * HOUR), diamonds: 9_000_000_000n } });
    const second = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: ago(3 * DAY), endedAt: ago(3 * DAY - HOUR), diamonds: 1_500n } });
    const running = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: ago(HOUR), diamonds: 20n } });
    await db.live.create({ data: { accountId: inBand.id, roomId: roomId(), startedAt: ago(DAY), diamonds: 77n } });

    const [top, small, lapsed] = await Promise.all([addViewer(), addViewer(), addViewer()]);
    const day = (days: number) => new Date(now.getTime() - days * DAY);
    await db.gifterStat.createMany({
      data: [
        { accountId: account.id, viewerId: top.id, day: day(2), diamonds: 6_000n, gifts: 3 },
        { accountId: account.id, viewerId: top.id, day: day(5), diamonds: 4_000n, gifts: 2 },
        { accountId: account.id, viewerId: small.id, day: day(2), diamonds: 300n, gifts: 1 },
        { accountId: account.id, viewerId: lapsed.id, day: day(45), diamonds: 50_000n, gifts: 9 },
        { accountId: inBand.id, viewerId: small.id, day: day(2), diamonds: 123_456n, gifts: 1 },
      ],
    });

    const input = await collectReportInput(db, account.id, now);

    expect(input.account).toEqual({ handle: account.handle, nickname: 'Report <b>test</b> 🌸', verified: true, region: 'DE', privateAccount: false });
    expect(input.snapshot).toMatchObject({ fetchedAt: ago(HOUR), followers: 25_000n, hearts: tag + 4n, videos: 50n, following: 10n, avgViews: null });
    expect(input.history.map((h) => h.hearts)).toEqual([tag + 2n, tag + 3n, tag + 4n]);
    expect(input.history[0]).toEqual({ at: ago(20 * DAY), videos: 40n, followers: 20_000n, hearts: tag + 2n });

    const ownPeers = input.bandPeers.filter((p) => p.hearts >= tag && p.hearts < tag + 1_000n);
    expect(ownPeers.sort((a, b) => Number(a.hearts - b.hearts))).toEqual([
      { followers: 50_000n, hearts: tag + 11n, videos: 80n },
      { followers: 10_000n, hearts: tag + 30n, videos: 7n },
    ]);
    for (const peer of input.bandPeers) {
      expect(peer.followers).toBeGreaterThanOrEqual(10_000n);
      expect(peer.followers).toBeLessThan(100_000n);
    }

    expect(input.collectedAt).toEqual(now);
    expect(input.lives).toEqual([
      { startedAt: first.startedAt, endedAt: first.endedAt, diamonds: 9_000_000_000n, superChats: 0, guards: 0 },
      { startedAt: second.startedAt, endedAt: second.endedAt, diamonds: 1_500n, superChats: 0, guards: 0 },
      { startedAt: running.startedAt, endedAt: null, diamonds: 20n, superChats: 0, guards: 0 },
    ]);
    expect(input.lives.some((l) => l.startedAt.getTime() === old.startedAt.getTime())).toBe(false);
    expect(input.gifterDiamonds).toEqual([10_000n, 300n]);
    expect(input.usdPerDiamond?.mid).toBeGreaterThan(0);

    const report = generateReport(input, now);
    expect(reportDataSchema.parse(report)).toEqual(report);
    expect(report.numbers.live).toMatchObject({ lives30d: 3, diamonds30d: 9_000_001_520, hours30d: 4 });
    expect(report.cadence.videosPerWeek).toBeCloseTo(3.5, 1);
    expect(report.live?.topGifterSharePercent).toBe(97.1);
  });

  it('throws a clear error for an account without a snapshot, or an unknown account', async () => {
    const account = await createTestAccount(db);
    await expect(collectReportInput(db, account.id, new Date())).rejects.toThrow(`Cannot build a report for @${account.handle}: LiveLens has no profile snapshot of it yet.`);
    await expect(collectReportInput(db, `missing-${uniqueSuffix()}`, new Date())).rejects.toThrow(/no channel with id missing-/);
  });
});
