// A growth report on a Bilibili streamer (issue 20): what the collector reads from the database (follower
// samples, Bilibili band peers, lives in gold with Super Chats and guards), what the generator makes of it (no
// video figures, no TikTok rules), and how the guide and the PDF say it in four languages (gold, not diamonds).
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { displayOf } from '@/lib/i18n/display-settings';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { DEFAULT_EXCHANGE_RATES, defaultCurrencyFor } from '@/lib/money/convert';
import { storeBilibiliRoom } from '@/lib/platforms/bilibili/room-lookup';
import { USD_PER_GOLD } from '@/lib/platforms/units';
import { writeBandComparison } from '@/lib/reports/band-text';
import { collectReportInput } from '@/lib/reports/collect';
import { generateReport } from '@/lib/reports/generate';
import { writeGuideTexts, type ReportReader } from '@/lib/reports/guide-text';
import { renderReportPdf } from '@/lib/reports/pdf';
import { readStoredReport } from '@/lib/reports/stored';
import { reportDataSchema, type ReportInput } from '@/lib/reports/types';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { HAS_PDFTOTEXT, pdfToText } from '@/tools/testing/pdf-text';

// Outside Next.js there is no request to read the language from: the translator comes from the catalogues.
vi.mock('next-intl/server', async () => {
  const { createTranslator: translator } = await import('next-intl');
  const { loadMessages: load } = await import('@/lib/i18n/messages');
  return { getTranslations: async ({ locale, namespace }: { locale: Locale; namespace: 'reports' }) => translator({ locale, messages: await load(locale), namespace }) };
});

const DAY = 86_400_000;
const HOUR = 3_600_000;
const AT = new Date('2025-06-01T12:00:00.000Z');
const before = (ms: number) => new Date(AT.getTime() - ms);

const messages = Object.fromEntries(await Promise.all(LOCALES.map(async (locale) => [locale, await loadMessages(locale)] as const)));

/** A reader of `locale`; a missing message or a bad argument fails the test. */
function readerOf(locale: Locale): ReportReader {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'reports', onError: (error) => { throw error; } });
  return { t, display: displayOf({ locale, timeZone: 'UTC', timeZoneSource: 'saved', currency: defaultCurrencyFor(locale), rates: DEFAULT_EXCHANGE_RATES }) };
}

const zero = 0n;

/** A Bilibili streamer with 25,000 followers, growing, three lives in 30 days, gold from three gifters. */
function bilibiliInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    platform: 'bilibili',
    account: { handle: '3546001200340056', nickname: 'Luna 露娜', verified: false, region: null, privateAccount: false },
    snapshot: { fetchedAt: AT, followers: 25_000n, following: zero, hearts: zero, videos: zero, diggs: zero, friends: zero, avgViews: null },
    history: [
      { at: before(28 * DAY), videos: zero, followers: 24_000n, hearts: zero },
      { at: before(14 * DAY), videos: zero, followers: 24_500n, hearts: zero },
    ],
    bandPeers: [12_000n, 20_000n, 30_000n, 40_000n, 50_000n].map((followers) => ({ followers, hearts: zero, videos: zero })),
    collectedAt: AT,
    lives: [
      { startedAt: new Date('2025-05-10T12:00:00Z'), endedAt: new Date('2025-05-10T14:00:00Z'), diamonds: 600_000n, superChats: 2, guards: 1 },
      { startedAt: new Date('2025-05-17T12:00:00Z'), endedAt: new Date('2025-05-17T14:00:00Z'), diamonds: 300_000n, superChats: 1, guards: 0 },
      { startedAt: new Date('2025-05-24T20:00:00Z'), endedAt: new Date('2025-05-24T22:00:00Z'), diamonds: 100_000n, superChats: 0, guards: 0 },
    ],
    gifterDiamonds: [700_000n, 200_000n, 100_000n],
    usdPerDiamond: USD_PER_GOLD,
    ...overrides,
  };
}

describe('a Bilibili growth report', () => {
  it('keeps followers, growth and LIVE in gold with Super Chats and guards, and no video figure or section', () => {
    const report = generateReport(bilibiliInput(), AT);
    expect(reportDataSchema.parse(report)).toEqual(report);
    expect(report.platform).toBe('bilibili');
    expect(report.numbers).toMatchObject({ followers: 25_000, videos: 0, hearts: 0, averageLikesPerVideo: null, engagement: null, perVideo: null });
    // 1,000,000 gold = 1,000 CNY paid by viewers; the streamer's share is 40–60% of it, in USD.
    const usd = 1_000 / DEFAULT_EXCHANGE_RATES.perUsd.CNY;
    expect(report.numbers.live).toMatchObject({ lives30d: 3, hours30d: 6, diamonds30d: 1_000_000, superChats30d: 3, guards30d: 1 });
    expect(report.numbers.live?.earnings30d.mid).toBeCloseTo(usd * 0.5, 2);
    expect(report.numbers.live?.earnings30d.low).toBeCloseTo(usd * 0.4, 2);
    expect(report.growth?.followersPerWeek).toBe(250);
    expect(report.live).toMatchObject({ bestStartHourUtc: 12, topGifterSharePercent: 70, gifters: 3 });
    // Compared on followers only: no engagement or likes among Bilibili channels.
    expect(report.band.account).toEqual({ followers: 25_000, engagementPercent: null, averageLikesPerVideo: null });
    expect(report.band.medians).toEqual({ followers: 27_500, engagementPercent: null, averageLikesPerVideo: null });
    expect(new Set(report.guide.map((section) => section.area))).toEqual(new Set(['reach', 'live', 'gifting']));
    expect(report.guide.map((section) => section.id)).toEqual(['bandBelow', 'growthHealthy', 'liveIrregular', 'liveBestHour', 'giftingPerHour', 'giftingConcentrated']);
    expect(readStoredReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('asks a small channel without lives to start, since Bilibili has no follower minimum for going live', () => {
    const small = bilibiliInput({ snapshot: { ...bilibiliInput().snapshot, followers: 300n }, lives: [], gifterDiamonds: [], history: [] });
    const report = generateReport(small, AT);
    expect(report.guide.map((section) => section.id)).toEqual(['bandFew', 'liveStart', 'giftingNoLive']);
    // The same figures on TikTok: below its 1,000-follower minimum.
    expect(generateReport({ ...small, platform: 'tiktok' }, AT).guide.map((section) => section.id)).toContain('liveNotEligible');
  });

  it('speaks of gold and Bilibili in every language, never of diamonds, videos or TikTok', () => {
    const report = generateReport(bilibiliInput(), AT);
    const banned: Record<Locale, RegExp> = {
      en: /diamond|video|TikTok/i,
      ru: /алмаз|видео|TikTok/i,
      th: /เพชร|วิดีโอ|TikTok/i,
      'zh-CN': /钻石|视频|TikTok/i,
    };
    const gold: Record<Locale, RegExp> = { en: /gold coin/, ru: /золот/, th: /ทอง/, 'zh-CN': /金瓜子/ };
    for (const locale of LOCALES) {
      const reader = readerOf(locale);
      const texts = writeGuideTexts(report, reader);
      const words = texts.map((text) => `${text.title} ${text.body} ${text.evidence}`).join('\n');
      expect(words, locale).not.toMatch(banned[locale]);
      expect(texts.find((text) => text.area === 'gifting')?.body, locale).toMatch(gold[locale]);
      const comparison = writeBandComparison(report.band, reader, 'full', 'bilibili');
      expect(comparison.table?.rows.map((row) => row[0]), locale).toEqual([reader.t('followers')]);
    }
    const english = writeGuideTexts(report, readerOf('en'));
    expect(english.find((text) => text.title === 'Raise your gold per hour')?.body).toContain('Over the last 30 days viewers paid 1,000,000 gold coins in gifts, Super Chats and guards in 6 hours of LIVE');
  });
});

describe('a Bilibili report as a PDF', () => {
  it.skipIf(!HAS_PDFTOTEXT)('names the channel by its UID and counts gold, Super Chats and guards, in English and Chinese', async () => {
    const report = generateReport(bilibiliInput(), AT);
    const english = pdfToText(await renderReportPdf(report, readerOf('en').display));
    for (const expected of ['Bilibili UID 3546001200340056', 'Bilibili Live', 'Gold coins in the last 30 days (gifts, Super Chats and guards) 1,000,000', 'Super Chats in the last 30 days 3', 'Guard purchases in the last 30 days 1', 'Estimates, not Bilibili figures']) {
      expect(english).toContain(expected);
    }
    expect(english).not.toMatch(/diamond|TikTok|Videos per week/i);
    const chinese = pdfToText(await renderReportPdf(report, readerOf('zh-CN').display)).replace(/\s/g, '');
    expect(chinese).toContain('金瓜子');
    expect(chinese).not.toMatch(/钻石|TikTok/);
  });
});

describe('collecting a Bilibili report', () => {
  it('reads follower samples from room lookups, Bilibili peers only, lives in gold with Super Chats and guards', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const uid = `9${Date.now()}`.slice(0, 16);
    const room = { uid, roomId: `3${uid.slice(-8)}`, shortId: null, nickname: `Report 主播 ${uniqueSuffix()}`, avatarUrl: null, title: '测试', area: null, liveStatus: 0 };
    // Three lookups over three weeks: each stores the count it read.
    const id = await storeBilibiliRoom(db, { ...room, followers: 24_000n }, ago(21 * DAY));
    await storeBilibiliRoom(db, { ...room, followers: 24_600n }, ago(7 * DAY));
    await storeBilibiliRoom(db, { ...room, followers: null }, ago(3 * DAY)); // read nothing: no sample
    await storeBilibiliRoom(db, { ...room, followers: 25_000n }, ago(HOUR));
    // A Bilibili peer in the band, and a TikTok account in the same band (not a peer of a Bilibili channel).
    const peerUid = `8${Date.now()}`.slice(0, 16);
    await storeBilibiliRoom(db, { ...room, uid: peerUid, roomId: `2${peerUid.slice(-8)}`, followers: 31_337n }, ago(DAY));
    const tiktok = await createTestAccount(db);
    await db.profileSnapshot.create({ data: { accountId: tiktok.id, fetchedAt: ago(DAY), followers: 27_777n, following: 1n, hearts: 1n, videos: 1n, diggs: 1n, friends: 1n } });
    await db.live.create({ data: { accountId: id, roomId: `bili-${uid}`, startedAt: ago(2 * DAY), endedAt: ago(2 * DAY - 2 * HOUR), diamonds: 500_000n, superChats: 2, guards: 1 } });

    const input = await collectReportInput(db, id, now);
    expect(input.platform).toBe('bilibili');
    expect(input.account).toMatchObject({ handle: uid, nickname: room.nickname });
    expect(input.snapshot).toMatchObject({ followers: 25_000n, videos: 0n, hearts: 0n });
    expect(input.history.map((row) => row.followers)).toEqual([24_000n, 24_600n, 25_000n]);
    const peers = input.bandPeers.map((peer) => peer.followers);
    expect(peers).toContain(31_337n);
    expect(peers).not.toContain(27_777n);
    expect(input.lives).toEqual([expect.objectContaining({ diamonds: 500_000n, superChats: 2, guards: 1 })]);
    expect(input.usdPerDiamond).toEqual(USD_PER_GOLD);

    const report = generateReport(input, now);
    expect(report.numbers.live).toMatchObject({ diamonds30d: 500_000, superChats30d: 2, guards30d: 1 });
    expect(report.cadence.snapshots).toBe(3);
  });

  it('says why when LiveLens has no follower count of the channel', async () => {
    const uid = `7${Date.now()}`.slice(0, 16);
    const channel = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid } });
    await expect(collectReportInput(db, channel.id, new Date())).rejects.toThrow(`Bilibili UID ${uid}: LiveLens has no follower count of it yet`);
  });
});
