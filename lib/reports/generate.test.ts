import { createTranslator } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayOf } from '@/lib/i18n/display-settings';
import { loadMessages } from '@/lib/i18n/messages';
import { DEFAULT_EXCHANGE_RATES } from '@/lib/money/convert';
import { generateReport } from '@/lib/reports/generate';
import { writeGuideTexts } from '@/lib/reports/guide-text';
import { GUIDE_AREAS, reportDataSchema, type EvidenceMetric, type ReportData, type ReportInput } from '@/lib/reports/types';

// The guide stores advice ids and figures; its words are checked as an English reader in UTC reads them.
const englishReader = {
  t: createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: 'reports', onError: (error) => { throw error; } }),
  display: displayOf({ locale: 'en', timeZone: 'UTC', timeZoneSource: 'saved', currency: 'USD', rates: DEFAULT_EXCHANGE_RATES }),
};

/** The guide's sections with their English title and body. */
function englishGuide(report: ReportData) {
  const texts = writeGuideTexts(report, englishReader);
  return report.guide.map((section, index) => ({ ...section, title: texts[index]?.title ?? '', body: texts[index]?.body ?? '' }));
}

const DAY = 86_400_000;
const AT = new Date('2025-06-01T12:00:00.000Z');
const GENERATED_AT = new Date('2025-06-01T12:05:00.000Z');

const daysBefore = (days: number) => new Date(AT.getTime() - days * DAY);
const at = (iso: string) => new Date(iso);

// A mid-sized streamer: 25K followers, typical engagement, 1.5 videos a week, four LIVEs in 30 days.
function buildInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    account: { handle: 'nok.streams', nickname: 'Nok', verified: false, region: 'TH', privateAccount: false },
    snapshot: { fetchedAt: AT, followers: 25_000n, following: 300n, hearts: 120_000n, videos: 120n, diggs: 4_000n, friends: 50n, avgViews: null },
    history: [
      { at: daysBefore(28), videos: 114n, followers: 24_000n, hearts: 110_000n },
      { at: daysBefore(14), videos: 117n, followers: 24_500n, hearts: 115_000n },
      { at: AT, videos: 120n, followers: 25_000n, hearts: 120_000n },
    ],
    bandPeers: [12_000n, 20_000n, 30_000n, 40_000n, 50_000n, 90_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })),
    collectedAt: AT,
    lives: [
      { startedAt: at('2025-05-10T20:00:00Z'), endedAt: at('2025-05-10T22:00:00Z'), diamonds: 3_000n },
      { startedAt: at('2025-05-17T20:00:00Z'), endedAt: at('2025-05-17T22:00:00Z'), diamonds: 5_000n },
      { startedAt: at('2025-05-20T14:00:00Z'), endedAt: at('2025-05-20T15:00:00Z'), diamonds: 1_000n },
      // Still running at collection time: counted up to collectedAt (2 hours).
      { startedAt: at('2025-06-01T10:00:00Z'), endedAt: null, diamonds: 1_000n },
    ],
    gifterDiamonds: [6_000n, 2_000n, 1_500n, 500n],
    ...overrides,
  };
}

function buildEmptyInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return buildInput({
    snapshot: { fetchedAt: AT, followers: 0n, following: 0n, hearts: 0n, videos: 0n, diggs: 0n, friends: 0n, avgViews: null },
    history: [],
    bandPeers: [],
    lives: [],
    gifterDiamonds: [],
    ...overrides,
  });
}

function findSection(report: ReportData, metric: EvidenceMetric) {
  const section = englishGuide(report).find((s) => s.evidence.metric === metric);
  if (!section) throw new Error(`no guide section with evidence ${metric}: ${report.guide.map((s) => s.evidence.metric).join(', ')}`);
  return section;
}

function expectWellFormed(report: ReportData): void {
  expect(reportDataSchema.parse(report)).toEqual(report);
  // Plain JSON: survives a round trip through the jsonb column unchanged (no bigint, Date or undefined).
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  const areas = report.guide.map((s) => s.area);
  for (const area of GUIDE_AREAS) expect(areas, `area ${area}`).toContain(area);
  // Sections come grouped in the fixed area order.
  expect([...areas].sort((a, b) => GUIDE_AREAS.indexOf(a) - GUIDE_AREAS.indexOf(b))).toEqual(areas);
  for (const section of englishGuide(report)) {
    expect(section.title.length).toBeGreaterThan(0);
    expect(section.body.length).toBeGreaterThan(40);
    expect(Number.isFinite(section.evidence.value)).toBe(true);
    expect(section.body).not.toMatch(/NaN|undefined|null|Infinity|\[object|[{}]/);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('generateReport', () => {
  it('is deterministic: the same input gives the same report, whatever the clock says, without touching the input', () => {
    const input = buildInput();
    const before = structuredClone(input);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = generateReport(input, GENERATED_AT);
    vi.setSystemTime(new Date('2031-07-15T08:30:00Z'));
    const second = generateReport(structuredClone(input), GENERATED_AT);
    expect(second).toEqual(first);
    expect(input).toEqual(before);
    expect(first.generatedAt).toBe('2025-06-01T12:05:00.000Z');
    expectWellFormed(first);
  });

  it('reports the numbers, the band comparison, the cadence and the LIVE details', () => {
    const report = generateReport(buildInput(), GENERATED_AT);
    expect(report.account).toEqual({ handle: 'nok.streams', nickname: 'Nok', verified: false, region: 'TH', privateAccount: false });
    expect(report.numbers).toMatchObject({ followers: 25_000, hearts: 120_000, videos: 120, averageLikesPerVideo: 1_000, snapshotAt: AT.toISOString() });
    expect(report.numbers.engagement).toMatchObject({ percent: 4, basis: 'followers-approximation' });
    expect(report.numbers.perVideo?.total.mid).toBeGreaterThan(0);
    expect(report.numbers.live).toEqual({ lives30d: 4, hours30d: 7, diamonds30d: 10_000, earnings30d: { low: 40, mid: 50, high: 60 }, superChats30d: null, guards30d: null });

    // Band 10K–100K with the account and six peers: 12K 20K 25K 30K 40K 50K 90K.
    expect(report.band).toMatchObject({ id: '10k-100k', accounts: 7, typicalEngagementPercent: 4 });
    expect(report.band.medians).toEqual({ followers: 30_000, engagementPercent: 4, averageLikesPerVideo: 1_200 });
    // Mid-rank: 2 below, 1 equal (itself) of 7 → 35.7.
    expect(report.band.percentiles.followers).toBe(35.7);
    expect(report.band.account).toEqual({ followers: 25_000, engagementPercent: 4, averageLikesPerVideo: 1_000 });

    expect(report.cadence).toEqual({ snapshots: 3, spanDays: 28, videosPerWeek: 1.5 });
    expect(report.growth).toEqual({ followersPerWeek: 250, percentPerWeek: 1.04, spanDays: 28 });
    expect(report.live).toEqual({
      livesPerWeek: 0.93,
      hoursPerWeek: 1.63,
      averageHoursPerLive: 1.75,
      averageDiamondsPerLive: 2_500,
      averageDiamondsPerHour: 1_428.6,
      bestStartHourUtc: 20,
      bestStartHourDiamondsPerLive: 4_000,
      distinctStartHours: 3,
      gifters: 4,
      topGifterSharePercent: 60,
    });
  });

  it('ties low posting cadence to the measured number', () => {
    const report = generateReport(buildInput(), GENERATED_AT);
    const cadence = findSection(report, 'videosPerWeek');
    expect(cadence.area).toBe('cadence');
    expect(cadence.evidence).toEqual({ metric: 'videosPerWeek', value: 1.5, benchmark: 3 });
    expect(cadence.values).toEqual({ min: 3, max: 5, perWeek: 1.5, days: 28, more: 2 });
    expect(cadence.body).toContain('You post about 1.5 videos a week');
    expect(cadence.body).toContain('3–5');
    expect(cadence.body).toContain('Add 2 videos a week');
  });

  it('praises a cadence inside the target and flags too many posts with weak engagement', () => {
    const onTarget = generateReport(buildInput({ history: [{ at: daysBefore(14), videos: 112n, followers: 24_000n, hearts: 100_000n }] }), GENERATED_AT);
    expect(findSection(onTarget, 'videosPerWeek')).toMatchObject({ title: 'Your posting pace is on target', evidence: { value: 4, benchmark: 3 } });

    const weak = buildInput({ history: [{ at: daysBefore(7), videos: 100n, followers: 25_000n, hearts: 10_000n }] });
    weak.snapshot = { ...weak.snapshot, hearts: 12_000n };
    const busy = generateReport(weak, GENERATED_AT);
    expect(findSection(busy, 'videosPerWeek')).toMatchObject({ title: 'Fewer, stronger videos', evidence: { value: 20, benchmark: 5 } });
  });

  it('gives LIVE schedule, start-hour and gifting advice from the LIVE data', () => {
    const report = generateReport(buildInput(), GENERATED_AT);
    const schedule = findSection(report, 'livesPerWeek');
    expect(schedule).toMatchObject({ area: 'live', id: 'liveIrregular', evidence: { value: 0.93, benchmark: 3 } });
    expect(schedule.body).toContain('You went LIVE 4 times in the last 30 days');
    const hour = findSection(report, 'diamondsPerLiveAtBestHour');
    // Stored as the UTC hour; read here by a reader in UTC.
    expect(hour.values).toMatchObject({ hourUtc: 20 });
    expect(hour.body).toMatch(/started between 08:00\sPM and 09:00\sPM averaged 4,000 diamonds each/);
    expect(hour.body).toContain('Times are in UTC.');
    expect(hour.evidence).toMatchObject({ value: 4_000, benchmark: 2_500 });
    expect(report.guide.some((s) => s.evidence.metric === 'averageHoursPerLive')).toBe(false);

    const concentration = findSection(report, 'topGifterSharePercent');
    expect(concentration).toMatchObject({ area: 'gifting', title: 'Depend less on one gifter', evidence: { value: 60, benchmark: 40 } });
    expect(concentration.body).toContain('60.0% of the diamonds from your 4 gifters');
    expect(concentration.body).toContain('above the 40% at which income hangs on one person');
    expect(findSection(report, 'diamondsPerHour').evidence.value).toBe(1_428.6);

    const spread = generateReport(buildInput({ gifterDiamonds: [3_000n, 3_000n, 2_000n, 2_000n] }), GENERATED_AT);
    expect(findSection(spread, 'topGifterSharePercent').title).toBe('Your gifting is well spread');
  });

  it('asks for longer LIVEs when they are short, and for another start time when all start in one hour', () => {
    const lives = [1, 2, 3].map((day) => ({ startedAt: new Date(daysBefore(day).getTime()), endedAt: new Date(daysBefore(day).getTime() + 20 * 60_000), diamonds: 100n }));
    const report = generateReport(buildInput({ lives }), GENERATED_AT);
    expect(findSection(report, 'averageHoursPerLive')).toMatchObject({ title: 'Stay LIVE longer', evidence: { value: 0.33, benchmark: 1 } });
    expect(findSection(report, 'averageHoursPerLive').body).toContain('about 20 minutes');
    expect(findSection(report, 'distinctStartHours')).toMatchObject({ title: 'Test another start time', evidence: { value: 1, benchmark: 2 } });
  });

  it('without LIVE data suggests a fixed weekly schedule and still covers gifting', () => {
    const report = generateReport(buildInput({ lives: [], gifterDiamonds: [] }), GENERATED_AT);
    expectWellFormed(report);
    expect(report.live).toBeNull();
    expect(report.numbers.live).toBeNull();
    const live = englishGuide(report).filter((s) => s.area === 'live');
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ title: 'Start with a fixed weekly LIVE schedule', evidence: { metric: 'livesPerWeek', value: 0, benchmark: 2 } });
    expect(live[0]?.body).toContain('no LIVE in the last 30 days');
    expect(report.guide.filter((s) => s.area === 'gifting').map((s) => s.evidence)).toEqual([{ metric: 'diamonds30d', value: 0, benchmark: null }]);
  });

  it('handles an account with no videos, no followers, no history, no peers and no LIVE', () => {
    const report = generateReport(buildEmptyInput(), GENERATED_AT);
    expectWellFormed(report);
    expect(report.numbers).toMatchObject({ followers: 0, videos: 0, averageLikesPerVideo: null, engagement: null, perVideo: null, live: null });
    expect(report.band).toMatchObject({ id: 'under-10k', accounts: 1, medians: { followers: null, engagementPercent: null, averageLikesPerVideo: null } });
    expect(report.band.percentiles).toEqual({ followers: null, engagementPercent: null, averageLikesPerVideo: null });
    expect(report.cadence).toEqual({ snapshots: 1, spanDays: 0, videosPerWeek: null });
    expect(report.growth).toBeNull();
    expect(findSection(report, 'videos')).toMatchObject({ area: 'engagement', title: 'Post your first videos' });
    expect(englishGuide(report).find((s) => s.area === 'cadence')).toMatchObject({ title: 'Set a posting routine from day one', evidence: { value: 0 } });
    // Under TikTok's LIVE minimum: the LIVE advice is to reach it first.
    expect(report.guide.find((s) => s.area === 'live')).toMatchObject({ evidence: { metric: 'followers', value: 0, benchmark: 1_000 } });
    const reach = englishGuide(report).find((s) => s.area === 'reach');
    expect(reach?.body).toContain('too few for a fair comparison');
    expect(reach?.body).toContain("Creator Rewards");
  });

  it('handles videos without followers, and a single snapshot with videos', () => {
    const snapshot = { fetchedAt: AT, followers: 0n, following: 1n, hearts: 50n, videos: 5n, diggs: 0n, friends: 0n, avgViews: null };
    const report = generateReport(buildEmptyInput({ snapshot }), GENERATED_AT);
    expectWellFormed(report);
    expect(findSection(report, 'averageLikesPerVideo')).toMatchObject({ area: 'engagement', evidence: { value: 10 } });
    expect(findSection(report, 'snapshotSpanDays')).toMatchObject({ area: 'cadence', evidence: { value: 0, benchmark: 7 } });
  });

  it('puts "make the account public" first for a private account', () => {
    const input = buildInput();
    input.account = { ...input.account, privateAccount: true };
    const report = generateReport(input, GENERATED_AT);
    expectWellFormed(report);
    expect(report.account.privateAccount).toBe(true);
    expect(englishGuide(report)[0]).toMatchObject({ area: 'reach', id: 'private', title: 'Make your account public', evidence: { metric: 'followers', value: 25_000, benchmark: 30_000 } });
  });

  it('leaves band medians and percentiles out when the band has fewer than 5 accounts, ignoring peers from other bands', () => {
    // Three peers in the band, plus two from other bands that must not count.
    const strays = [{ followers: 500n, hearts: 1n, videos: 1n }, { followers: 150_000n, hearts: 1n, videos: 1n }];
    const input = buildInput({ bandPeers: [...buildInput().bandPeers.slice(0, 3), ...strays] });
    const report = generateReport(input, GENERATED_AT);
    expectWellFormed(report);
    expect(report.band.accounts).toBe(4);
    expect(report.band.medians.followers).toBeNull();
    expect(report.band.percentiles.engagementPercent).toBeNull();
    expect(report.guide.some((s) => s.id === 'engagementBand')).toBe(false);
    expect(findSection(report, 'followers').evidence.benchmark).toBe(100_000);
    // What four accounts can still say: their range and the account's place (12K 20K 25K 30K; all at 4%).
    expect(report.band.standings).toEqual({
      followers: { rank: 2, of: 4, low: 12_000, high: 30_000 },
      engagementPercent: { rank: 1, of: 4, low: 4, high: 4 },
      averageLikesPerVideo: { rank: 2, of: 4, low: 480, high: 1_200 },
    });
  });

  it('places an account alone in its band nowhere, and one without videos only by followers', () => {
    const alone = generateReport(buildInput({ bandPeers: [] }), GENERATED_AT);
    expect(alone.band.standings).toEqual({ followers: null, engagementPercent: null, averageLikesPerVideo: null });
    const noVideos = generateReport(buildInput({ snapshot: { ...buildInput().snapshot, videos: 0n, hearts: 0n } }), GENERATED_AT);
    expect(noVideos.band.standings).toMatchObject({ followers: { rank: 5, of: 7 }, engagementPercent: null, averageLikesPerVideo: null });
  });

  it('writes specific engagement advice against the typical value for the band', () => {
    const low = buildInput();
    low.snapshot = { ...low.snapshot, hearts: 12_000n }; // 100 likes a video on 25K followers: 0.4%
    const lowReport = generateReport(low, GENERATED_AT);
    const section = englishGuide(lowReport).find((s) => s.area === 'engagement');
    expect(section).toMatchObject({ title: 'Lift engagement first: hooks and replies', evidence: { metric: 'engagementPercent', value: 0.4, benchmark: 4 } });
    expect(section?.body).toContain('0.4% of your followers');
    expect(section?.body).toContain('first two seconds');
    expect(englishGuide(lowReport).find((s) => s.title === 'Engagement against your band')?.evidence).toMatchObject({ value: 0.4, benchmark: 4 });

    const high = buildInput();
    high.snapshot = { ...high.snapshot, hearts: 6_000_000n }; // 50K likes a video: 200%
    const highSection = englishGuide(generateReport(high, GENERATED_AT)).find((s) => s.area === 'engagement');
    expect(highSection?.title).toBe('Strong engagement: put it to work');
    expect(highSection?.body).toContain('Above 100%');
  });

  it('projects fast follower growth to the next band, but not years ahead', () => {
    const fast = generateReport(buildInput({ history: [{ at: daysBefore(14), videos: 112n, followers: 20_000n, hearts: 100_000n }] }), GENERATED_AT);
    const section = findSection(fast, 'followerGrowthPercentPerWeek');
    expect(section).toMatchObject({ title: 'Your followers are growing well', evidence: { value: 12.5, benchmark: 1 } });
    expect(section.body).toContain('You gained about 2,500 followers a week over the last 14 days (12.5% a week)');
    expect(section.body).toContain('At this pace you reach 100,000 followers in about 30 weeks.');
    // 250 a week with 75,000 to go is about 300 weeks away: no projection.
    expect(findSection(generateReport(buildInput(), GENERATED_AT), 'followerGrowthPercentPerWeek').body).not.toContain('At this pace');
  });

  it('reports falling followers', () => {
    const input = buildInput({ history: [{ at: daysBefore(21), videos: 120n, followers: 28_000n, hearts: 120_000n }] });
    const report = generateReport(input, GENERATED_AT);
    expect(report.growth).toMatchObject({ followersPerWeek: -1_000 });
    expect(findSection(report, 'followerGrowthPercentPerWeek')).toMatchObject({ title: 'Your follower count is falling', evidence: { benchmark: 1 } });
    expect(findSection(report, 'followerGrowthPercentPerWeek').body).toContain('You lost about 1,000 followers a week');
    expect(findSection(report, 'videosPerWeek')).toMatchObject({ title: 'Start posting again', evidence: { value: 0 } });
  });

  it('keeps hostile strings as plain text in the data and converts counts beyond 2^53', () => {
    const input = buildInput({ bandPeers: [] });
    input.account = { handle: 'x"><img src=x>', nickname: '<script>alert("hi")</script> & 🌸 น้อย', verified: true, region: null, privateAccount: false };
    input.snapshot = { ...input.snapshot, followers: 12_345_678_901_234_567_890n, hearts: 2n ** 70n };
    const report = generateReport(input, GENERATED_AT);
    expectWellFormed(report);
    expect(report.account.nickname).toBe('<script>alert("hi")</script> & 🌸 น้อย');
    expect(report.account.handle).toBe('x"><img src=x>');
    expect(JSON.stringify(report)).not.toContain('&lt;');
    expect(englishGuide(report).some((s) => s.body.includes('<script>'))).toBe(false);
    expect(report.numbers.followers).toBe(12_345_678_901_234_567_000);
    expect(report.band.id).toBe('over-10m');
  });
});
