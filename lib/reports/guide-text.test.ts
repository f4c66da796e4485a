import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { displayOf } from '@/lib/i18n/display-settings';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { DEFAULT_EXCHANGE_RATES, defaultCurrencyFor, type Currency } from '@/lib/money/convert';
import { generateReport } from '@/lib/reports/generate';
import { bandName, bestStartText, evidenceText, metricLabel, writeGuideTexts, type ReportReader } from '@/lib/reports/guide-text';
import { EVIDENCE_METRICS, GUIDE_SECTION_IDS, type ReportData, type ReportInput } from '@/lib/reports/types';
import { localHourRange } from '@/lib/reports/wording';

const DAY = 86_400_000;
const AT = new Date('2025-06-01T12:00:00.000Z');
const daysBefore = (days: number) => new Date(AT.getTime() - days * DAY);

const messages = Object.fromEntries(await Promise.all(LOCALES.map(async (locale) => [locale, await loadMessages(locale)] as const)));

/** A reader of `locale` in `timeZone`; a missing message or a bad argument fails the test. */
function readerOf(locale: Locale, timeZone = 'UTC', currency: Currency = defaultCurrencyFor(locale)): ReportReader {
  const t = createTranslator({
    locale,
    messages: messages[locale],
    namespace: 'reports',
    onError: (error) => {
      throw error;
    },
  });
  return { t, display: displayOf({ locale, timeZone, timeZoneSource: 'saved', currency, rates: DEFAULT_EXCHANGE_RATES }) };
}

// A mid-sized streamer (the generate.test.ts account); variants below reach every piece of advice.
function buildInput(overrides: Partial<ReportInput> = {}, counts: Partial<ReportInput['snapshot']> = {}): ReportInput {
  return {
    account: { handle: 'nok.streams', nickname: 'Nok', verified: false, region: 'TH', privateAccount: false },
    snapshot: { fetchedAt: AT, followers: 25_000n, following: 300n, hearts: 120_000n, videos: 120n, diggs: 4_000n, friends: 50n, avgViews: null, ...counts },
    history: [{ at: daysBefore(28), videos: 114n, followers: 24_000n, hearts: 110_000n }],
    bandPeers: [12_000n, 20_000n, 30_000n, 40_000n, 50_000n, 90_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })),
    collectedAt: AT,
    lives: [
      { startedAt: new Date('2025-05-10T20:00:00Z'), endedAt: new Date('2025-05-10T22:00:00Z'), diamonds: 3_000n },
      { startedAt: new Date('2025-05-17T20:00:00Z'), endedAt: new Date('2025-05-17T22:00:00Z'), diamonds: 5_000n },
      { startedAt: new Date('2025-05-20T14:00:00Z'), endedAt: new Date('2025-05-20T15:00:00Z'), diamonds: 1_000n },
    ],
    gifterDiamonds: [6_000n, 2_000n, 1_500n, 500n],
    ...overrides,
  };
}

const shortLives = [1, 2, 3].map((day) => ({ startedAt: daysBefore(day), endedAt: new Date(daysBefore(day).getTime() + 20 * 60_000), diamonds: 100n }));
const manyLives = Array.from({ length: 14 }, (_, day) => ({ startedAt: new Date(daysBefore(day + 1).getTime()), endedAt: new Date(daysBefore(day + 1).getTime() + 2 * 3_600_000), diamonds: 500n }));

const VARIANTS: ReportInput[] = [
  buildInput(),
  buildInput({ account: { handle: 'p', nickname: null, verified: false, region: null, privateAccount: true } }),
  buildInput({ bandPeers: [] }),
  buildInput({ history: [{ at: daysBefore(28), videos: 114n, followers: 24_900n, hearts: 1n }] }, { followers: 60_000n }),
  buildInput({ history: [{ at: daysBefore(21), videos: 120n, followers: 28_000n, hearts: 1n }] }),
  buildInput({ history: [{ at: daysBefore(28), videos: 114n, followers: 24_800n, hearts: 1n }] }),
  buildInput({ history: [{ at: daysBefore(14), videos: 112n, followers: 20_000n, hearts: 1n }] }),
  buildInput({ history: [], bandPeers: [], lives: [], gifterDiamonds: [] }, { followers: 0n, hearts: 0n, videos: 0n }),
  buildInput({ history: [], bandPeers: [], lives: [], gifterDiamonds: [] }, { followers: 0n, hearts: 50n, videos: 5n }),
  buildInput({}, { hearts: 12_000n }),
  buildInput({}, { hearts: 90_000n }),
  buildInput({}, { hearts: 240_000n }),
  buildInput({}, { hearts: 6_000_000n }),
  buildInput({ history: [{ at: daysBefore(7), videos: 100n, followers: 25_000n, hearts: 1n }] }, { hearts: 12_000n }),
  buildInput({ history: [{ at: daysBefore(7), videos: 100n, followers: 25_000n, hearts: 1n }] }, { hearts: 240_000n }),
  buildInput({ history: [{ at: daysBefore(14), videos: 112n, followers: 24_000n, hearts: 1n }] }),
  buildInput({ lives: [], gifterDiamonds: [] }, { followers: 500n }),
  buildInput({ lives: [], gifterDiamonds: [] }),
  buildInput({ lives: shortLives, gifterDiamonds: [300n] }),
  buildInput({ lives: manyLives, gifterDiamonds: [2_000n, 2_000n, 2_000n, 1_000n] }),
  buildInput({ lives: shortLives.map((live) => ({ ...live, diamonds: 0n })), gifterDiamonds: [] }),
  buildInput({ lives: [{ startedAt: AT, endedAt: AT, diamonds: 100n }], gifterDiamonds: [100n] }),
];

/** Text with the language's no-break spaces ("25 000", "4,0 %") as plain ones, for comparing. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const REPORTS: ReportData[] = VARIANTS.map((input) => generateReport(input, AT));

describe('writeGuideTexts', () => {
  it('the variants reach every piece of advice', () => {
    const ids = new Set(REPORTS.flatMap((report) => report.guide.map((section) => section.id)));
    expect(GUIDE_SECTION_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`writes every section in ${locale}, with every argument filled in`, () => {
      const reader = readerOf(locale, 'Asia/Kolkata');
      for (const report of REPORTS) {
        for (const text of writeGuideTexts(report, reader)) {
          expect(text.title.length, text.title).toBeGreaterThan(0);
          expect(text.body.length, text.title).toBeGreaterThan(40);
          for (const part of [text.title, text.body, text.evidence, text.areaTitle]) expect(part).not.toMatch(/NaN|undefined|null|Infinity|\[object|[{}#]/);
        }
      }
    });
  }

  it('says a channel exactly at its band’s median is level with it, not ahead of most', () => {
    const band = (report: ReportData, locale: Locale = 'en') => writeGuideTexts(report, readerOf(locale)).find((text) => text.title.includes('median') || text.title.includes('band') || text.title.includes('медиан'));
    const atMedian = generateReport(buildInput({ bandPeers: [15_000n, 20_000n, 25_000n, 30_000n, 35_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })) }), AT);
    const section = atMedian.guide.find((s) => s.id === 'bandAbove');
    expect(section?.values).toMatchObject({ followers: 25_000, median: 25_000 });
    expect(band(atMedian)).toMatchObject({ title: "You are level with your band's median" });
    expect(band(atMedian)?.body).toMatch(/^You have 25,000 followers, exactly your band's median: more followers than/);
    expect(plain(band(atMedian, 'ru')?.body)).toContain('У вас 25 000 подписчиков — ровно на медиане группы и больше, чем у');
    // Above it: as before.
    const above = generateReport(VARIANTS[3] as ReportInput, AT);
    expect(above.guide.some((s) => s.id === 'bandAbove')).toBe(true);
    expect(band(above)).toMatchObject({ title: 'You are ahead of most of your band' });
    expect(band(above)?.body).toMatch(/above your band's median of [\d,]+:/);
  });

  it('writes Russian with the right plural forms and the reader’s numbers', () => {
    const texts = writeGuideTexts(REPORTS[0] as ReportData, readerOf('ru'));
    const bodies = plain(texts.map((text) => text.body).join('\n'));
    expect(bodies).toContain('У вас 25 000 подписчиков');
    expect(bodies).toContain('вы выходили в эфир 3 раза');
    expect(bodies).toContain('группе «10 тыс.–100 тыс.»');
    expect(texts.map((text) => text.title)).toContain('Публикуйте чаще');
  });

  it('shows converted money marked ≈ in the reader’s currency', () => {
    const perHour = (locale: Locale, currency: Currency) => writeGuideTexts(REPORTS[0] as ReportData, readerOf(locale, 'UTC', currency)).find((text) => text.area === 'gifting')?.body ?? '';
    expect(perHour('en', 'USD')).toContain('an estimated $36–$54 for the whole 30 days after');
    expect(perHour('ru', 'RUB')).toMatch(/по оценке, ≈2\s816\s₽–4\s224\s₽ за все 30 дней после доли TikTok/);
    expect(perHour('zh-CN', 'CNY')).toContain('这 30 天的收入估计为 ≈¥255–¥382');
  });

  // The 30-day money range used to follow "an hour" directly, reading as an hourly rate.
  it('ties the money to the 30 days and gives the hourly rate in diamonds, in its own sentence', () => {
    const body = (locale: Locale, currency: Currency) => plain(writeGuideTexts(REPORTS[0] as ReportData, readerOf(locale, 'UTC', currency)).find((text) => text.area === 'gifting')?.body);
    expect(body('en', 'USD')).toContain(
      "Over the last 30 days you received 9,000 diamonds in 5 hours of LIVE, worth an estimated $36–$54 for the whole 30 days after TikTok's share. Per hour of LIVE that is about 1,800 diamonds.",
    );
    expect(body('ru', 'RUB')).toContain(
      'За последние 30 дней вы получили 9 000 алмазов за 5 часов эфира — по оценке, ≈2 816 ₽–4 224 ₽ за все 30 дней после доли TikTok. В среднем это 1 800 алмазов за час эфира.',
    );
    expect(body('zh-CN', 'CNY')).toContain('过去 30 天你在 5 小时的直播中收到 9,000 钻石，扣除 TikTok 分成后，这 30 天的收入估计为 ≈¥255–¥382。平均每小时直播约收到 1,800 钻石。');
    expect(body('th', 'THB')).toMatch(/คิดเป็นรายได้รวมทั้ง 30 วันประมาณ ≈฿[\d,]+–฿[\d,]+ หลังหักส่วนแบ่งของ TikTok เฉลี่ยแล้วได้ชั่วโมงละประมาณ 1,800 เพชร/);
  });

  it('counts followers in whole people, in the advice and in its evidence line', () => {
    // 1,000 followers in 21 days is 333.3 a week; from zero followers the evidence is the weekly count.
    const gained = generateReport(buildInput({ history: [{ at: daysBefore(21), videos: 114n, followers: 24_000n, hearts: 1n }] }), AT);
    const fromZero = generateReport(buildInput({ history: [{ at: daysBefore(21), videos: 114n, followers: 0n, hearts: 1n }] }), AT);
    expect(gained.growth?.followersPerWeek).toBe(333.3);
    expect(fromZero.growth?.followersPerWeek).toBe(8_333.3);
    const section = (report: ReportData, locale: Locale, pick: (id: string, metric: string) => boolean) => {
      const index = report.guide.findIndex((guide) => pick(guide.id, guide.evidence.metric));
      return writeGuideTexts(report, readerOf(locale))[index];
    };
    const growthText = (report: ReportData, locale: Locale) => plain(section(report, locale, (id) => id.startsWith('growth'))?.body);
    expect(growthText(gained, 'en')).toContain('You gained about 333 followers a week over the last 21 days');
    expect(growthText(gained, 'ru')).toContain('примерно на 333 подписчика в неделю');
    const evidence = (locale: Locale) => plain(section(fromZero, locale, (_id, metric) => metric === 'followersPerWeek')?.evidence);
    expect(evidence('en')).toBe('Based on: Followers gained per week — 8,333');
    expect(evidence('ru')).toContain('8 333');
    for (const locale of LOCALES) {
      const all = writeGuideTexts(gained, readerOf(locale)).concat(writeGuideTexts(fromZero, readerOf(locale)));
      for (const text of all) expect(plain(`${text.body} ${text.evidence}`)).not.toMatch(/333[.,]3|8[\s,]?333[.,]3/);
    }
  });

  it('names the figure behind each section in words, not as a variable name', () => {
    const report = REPORTS[0] as ReportData;
    const growth = report.guide.find((section) => section.evidence.metric === 'followerGrowthPercentPerWeek');
    if (!growth) throw new Error('no growth section');
    expect(evidenceText(growth.evidence, readerOf('en'))).toBe('Based on: Follower growth per week — 1.0% (benchmark: 1.0%)');
    expect(plain(evidenceText(growth.evidence, readerOf('ru')))).toBe('Основано на показателе «Рост подписчиков в неделю»: 1,0 % (ориентир — 1,0 %)');
    expect(evidenceText(growth.evidence, readerOf('zh-CN'))).toBe('依据：每周粉丝增长率 — 1.0%（参考值：1.0%）');
    const texts = writeGuideTexts(report, readerOf('th')).map((text) => text.evidence);
    for (const line of texts) expect(line).not.toMatch(/[a-z][A-Z]/);
  });

  // The web report once printed "Based on: followerGrowthPercentPerWeek = 3.6 %/week"; the PDF had labels.
  it('labels every evidence figure in words in every language, as the PDF does', () => {
    for (const locale of LOCALES) {
      const reader = readerOf(locale);
      for (const metric of EVIDENCE_METRICS) {
        const label = metricLabel(reader.t, metric);
        expect(label, `${locale} ${metric}`).not.toBe(metric);
        expect(label, `${locale} ${metric}`).not.toMatch(/[a-z][A-Z]|reports\.|metric\./);
      }
      for (const report of REPORTS) {
        for (const text of writeGuideTexts(report, reader)) expect(text.evidence, locale).not.toMatch(/[a-z][A-Z]|=|\/week/);
      }
    }
  });

  it('names follower bands in the reader’s numbers', () => {
    const band = (locale: Locale, minFollowers: number, maxFollowers: number | null) => bandName(readerOf(locale).t, locale, { minFollowers, maxFollowers });
    expect(band('en', 10_000, 100_000)).toBe('10K–100K');
    expect(band('en', 0, 10_000)).toBe('Under 10K');
    expect(plain(band('ru', 10_000, 100_000))).toBe('10 тыс.–100 тыс.');
    expect(band('zh-CN', 10_000, 100_000)).toBe('1万–10万');
    expect(band('zh-CN', 10_000_000, null)).toBe('1000万以上');
  });
});

describe('the best LIVE start hour', () => {
  it('is stored in UTC and shown on the reader’s clock: 23:00 UTC is 06:00 in Asia/Bangkok', () => {
    expect(localHourRange(23, AT.toISOString(), 'ru', 'Asia/Bangkok')).toEqual({ from: '06:00', to: '07:00' });
    expect(localHourRange(23, AT.toISOString(), 'ru', 'UTC')).toEqual({ from: '23:00', to: '00:00' });
    // A zone half an hour off UTC shows the bucket as it falls there.
    expect(localHourRange(23, AT.toISOString(), 'ru', 'Asia/Kolkata')).toEqual({ from: '04:30', to: '05:30' });
    // The offset of the report's day: New York is on summer time (UTC−4) on 1 June.
    expect(localHourRange(23, AT.toISOString(), 'ru', 'America/New_York')).toEqual({ from: '19:00', to: '20:00' });
    expect(localHourRange(23, '2025-01-15T12:00:00.000Z', 'ru', 'America/New_York')).toEqual({ from: '18:00', to: '19:00' });
  });

  it('reads the same in the stat tile and in the advice, with the zone named', () => {
    const input = buildInput({
      lives: [
        { startedAt: new Date('2025-05-10T23:00:00Z'), endedAt: new Date('2025-05-11T01:00:00Z'), diamonds: 5_000n },
        { startedAt: new Date('2025-05-20T14:00:00Z'), endedAt: new Date('2025-05-20T15:00:00Z'), diamonds: 1_000n },
      ],
    });
    const report = generateReport(input, AT);
    expect(report.live?.bestStartHourUtc).toBe(23);
    const reader = readerOf('ru', 'Asia/Bangkok');
    expect(bestStartText(report, reader.display)).toBe('06:00–07:00');
    const advice = writeGuideTexts(report, reader).find((text) => text.title === 'Ваше лучшее время начала');
    expect(plain(advice?.body)).toContain('Эфиры, начатые между 06:00 и 07:00, собирали в среднем 5 000 алмазов, а все ваши эфиры — 3 000.');
    expect(advice?.body).toContain('Время указано по часовому поясу Asia/Bangkok (GMT+7).');
    expect(bestStartText(report, readerOf('en', 'UTC').display)).toMatch(/^11:00\sPM–12:00\sAM$/);
    expect(bestStartText(generateReport(buildInput({ lives: [], gifterDiamonds: [] }), AT), reader.display)).toBe('—');
  });
});
