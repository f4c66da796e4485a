// The guide in the reader's words: each stored section (an advice id and the figures it quotes, see
// guide.ts) written in the reader's language, with numbers in the language's form, the best LIVE hour
// on the reader's clock and money in the reader's currency. The web report and the PDF both use it, so
// they say the same thing. Messages live in the `reports` catalogue (lib/i18n/messages/<locale>/reports.json).
// A Bilibili report's sections speak of gold coins, the room and Bilibili's share (`bilibili.guide.*`) where
// TikTok's speak of diamonds, videos and TikTok's.
import { getTranslations } from 'next-intl/server';
import type { Display } from '@/lib/i18n/display-settings';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import type { EvidenceMetric, GuideArea, GuideEvidence, GuideSection, GuideValue, ReportData, ReportPlatform } from '@/lib/reports/types';
import { formatDecimal, formatRulePercent, localHourRange, shownDays, shownQuantity } from '@/lib/reports/wording';
import { FOLLOWER_BANDS } from '@/lib/stats/constants';
import { formatCompact, formatCount, formatMoneyRange, formatPercent, MISSING_VALUE } from '@/lib/stats/format';

export type ReportsTranslator = Awaited<ReturnType<typeof getTranslations<'reports'>>>;

/** Who the report is written for: the `reports` messages in their language, their zone and currency. */
export type ReportReader = { t: ReportsTranslator; display: Display };

/** A guide section as the reader reads it. */
export type GuideText = { area: GuideArea; areaTitle: string; title: string; body: string; evidence: string };

/** The guide of `report` for the reader of `display` (server components; the PDF writes with its own translator). */
export async function guideTexts(report: ReportData, display: Display): Promise<GuideText[]> {
  const t = await getTranslations({ locale: isLocale(display.locale) ? display.locale : DEFAULT_LOCALE, namespace: 'reports' });
  return writeGuideTexts(report, { t, display });
}

/** The guide of `report` in the reader's words, section by section. */
export function writeGuideTexts(report: ReportData, reader: ReportReader): GuideText[] {
  return report.guide.map((section) => {
    const { title, body } = writeSection(section, report, reader);
    return { area: section.area, areaTitle: areaTitle(reader.t, section.area), title, body, evidence: evidenceText(section.evidence, reader, report.platform) };
  });
}

export function areaTitle(t: ReportsTranslator, area: GuideArea): string {
  switch (area) {
    case 'reach':
      return t('areaReach');
    case 'engagement':
      return t('areaEngagement');
    case 'cadence':
      return t('areaCadence');
    case 'live':
      return t('areaLive');
    case 'gifting':
      return t('areaGifting');
  }
}

/** A follower band by its bounds, in the reader's numbers: "10K–100K", "10 тыс.–100 тыс.", "1万–10万", "Under 10K". */
export function bandName(t: ReportsTranslator, locale: string, band: { minFollowers: number; maxFollowers: number | null }): string {
  const { minFollowers: min, maxFollowers: max } = band;
  if (max === null) return t('band.over', { min: formatCompact(min, locale) });
  if (min === 0) return t('band.under', { max: formatCompact(max, locale) });
  return t('band.range', { min: formatCompact(min, locale), max: formatCompact(max, locale) });
}

/** The band that starts at `minFollowers`, with its upper bound (the next band's start). */
function bandStartingAt(minFollowers: number): { minFollowers: number; maxFollowers: number | null } {
  const index = FOLLOWER_BANDS.findIndex((band) => band.minFollowers === minFollowers);
  const following = index >= 0 ? FOLLOWER_BANDS[index + 1] : undefined;
  return { minFollowers, maxFollowers: following?.minFollowers ?? null };
}

/** What a guide figure measures, in words (the evidence line); value figures in the platform's unit. */
export function metricLabel(t: ReportsTranslator, metric: EvidenceMetric, platform: ReportPlatform = 'tiktok'): string {
  if (platform === 'bilibili') {
    if (metric === 'diamondsPerLiveAtBestHour') return t('bilibili.metric.goldPerLiveAtBestHour');
    if (metric === 'diamonds30d') return t('bilibili.metric.gold30d');
    if (metric === 'diamondsPerHour') return t('bilibili.metric.goldPerHour');
    if (metric === 'topGifterSharePercent') return t('bilibili.metric.topGifterSharePercent');
  }
  switch (metric) {
    case 'followers':
      return t('metric.followers');
    case 'followersPerWeek':
      return t('metric.followersPerWeek');
    case 'followerGrowthPercentPerWeek':
      return t('metric.followerGrowthPercentPerWeek');
    case 'engagementPercent':
      return t('metric.engagementPercent');
    case 'averageLikesPerVideo':
      return t('metric.averageLikesPerVideo');
    case 'videos':
      return t('metric.videos');
    case 'videosPerWeek':
      return t('metric.videosPerWeek');
    case 'snapshotSpanDays':
      return t('metric.snapshotSpanDays');
    case 'livesPerWeek':
      return t('metric.livesPerWeek');
    case 'averageHoursPerLive':
      return t('metric.averageHoursPerLive');
    case 'distinctStartHours':
      return t('metric.distinctStartHours');
    case 'diamondsPerLiveAtBestHour':
      return t('metric.diamondsPerLiveAtBestHour');
    case 'diamonds30d':
      return t('metric.diamonds30d');
    case 'diamondsPerHour':
      return t('metric.diamondsPerHour');
    case 'topGifterSharePercent':
      return t('metric.topGifterSharePercent');
  }
}

const PERCENT_METRICS: ReadonlySet<EvidenceMetric> = new Set(['followerGrowthPercentPerWeek', 'engagementPercent', 'topGifterSharePercent']);
// Counts (of people, likes, diamonds) are shown whole even when the stored figure is an average.
const COUNT_METRICS: ReadonlySet<EvidenceMetric> = new Set(['followers', 'followersPerWeek', 'averageLikesPerVideo', 'videos', 'distinctStartHours', 'diamondsPerLiveAtBestHour', 'diamonds30d', 'diamondsPerHour']);

/** A figure of `metric` in the reader's form: "4.0%", "25,000", "1.5". */
export function formatMetric(metric: EvidenceMetric, value: number, locale: string): string {
  if (PERCENT_METRICS.has(metric)) return formatPercent(value, locale);
  if (COUNT_METRICS.has(metric)) return formatCount(value, locale);
  return formatDecimal(value, locale);
}

/** "Based on: Videos per week — 1.5 (benchmark: 3)". */
export function evidenceText(evidence: GuideEvidence, { t, display }: ReportReader, platform: ReportPlatform = 'tiktok'): string {
  const metric = metricLabel(t, evidence.metric, platform);
  const value = formatMetric(evidence.metric, evidence.value, display.locale);
  if (evidence.benchmark === null) return t('basedOn', { metric, value });
  return t('basedOnBenchmark', { metric, value, benchmark: formatMetric(evidence.metric, evidence.benchmark, display.locale) });
}

/** The report's best LIVE start hour on the reader's clock: "06:00–07:00"; "—" when there is none. */
export function bestStartText(report: ReportData, display: Display): string {
  const hour = report.live?.bestStartHourUtc ?? null;
  if (hour === null) return MISSING_VALUE;
  const { from, to } = localHourRange(hour, report.generatedAt, display.locale, display.timeZone);
  return `${from}–${to}`;
}

/** Sentences as the language puts them together: Chinese without spaces, the others with one. */
export function joinSentences(locale: string, sentences: (string | null | false)[]): string {
  return sentences.filter((s): s is string => typeof s === 'string' && s !== '').join(locale === 'zh-CN' ? '' : ' ');
}

function writeSection(section: GuideSection, report: ReportData, { t, display }: ReportReader): { title: string; body: string } {
  const { locale } = display;
  const values = section.values;
  const number = (key: string): number => {
    const value: GuideValue | undefined = values[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  const numberOrNull = (key: string): number | null => (typeof values[key] === 'number' ? number(key) : null);
  const quantity = (key: string) => shownQuantity(number(key));
  const whole = (key: string) => Math.round(number(key));
  const days = (key: string) => shownDays(number(key));
  const percent = (key: string) => formatPercent(number(key), locale);
  const join = (...sentences: (string | null | false)[]) => joinSentences(locale, sentences);
  const band = bandName(t, locale, report.band);
  const posts = { min: whole('min'), max: whole('max') };

  const nextBand = () => {
    const next = numberOrNull('next');
    if (next === null) return t('guide.topBand');
    const args = { band: bandName(t, locale, bandStartingAt(next)), next, gap: whole('gap') };
    return values.rewards === true ? t('guide.nextBandRewards', args) : t('guide.nextBand', args);
  };
  const growth = () => {
    const rate = numberOrNull('percent');
    // Followers are people: a weekly average of 9,801.7 reads as about 9,802.
    return { perWeek: whole('perWeek'), days: days('days'), rate: rate === null ? 'none' : formatPercent(rate, locale) };
  };
  const projection = () => {
    const target = numberOrNull('projectionTarget');
    const weeks = numberOrNull('projectionWeeks');
    return target === null || weeks === null ? null : t('guide.projection', { target, weeks: Math.round(weeks) });
  };
  const engagementLevel = { likes: whole('likes'), engagement: percent('engagement'), typical: percent('typical'), band };
  const hours = () => localHourRange(whole('hourUtc'), report.generatedAt, locale, display.timeZone);
  const earnings = () => {
    const range = values.earnings;
    return range !== null && typeof range === 'object' ? formatMoneyRange(range, display.money) : MISSING_VALUE;
  };
  const liveMeasured = () => t('guide.liveMeasured', { lives: whole('lives'), perWeek: quantity('perWeek'), hours: quantity('hours'), hoursPerWeek: quantity('hoursPerWeek') });
  const gifters = { share: percent('share'), gifters: whole('gifters'), threshold: formatRulePercent(number('threshold'), locale) };
  const bili = report.platform === 'bilibili';

  switch (section.id) {
    case 'private':
      return { title: t('guide.private.title'), body: t('guide.private.body', { followers: whole('followers') }) };
    case 'bandFew':
      return {
        title: t('guide.bandFew.title', { band }),
        body: join(t('guide.bandFew.body', { followers: whole('followers'), accounts: whole('accounts'), band }), nextBand()),
      };
    case 'bandBelow':
    case 'bandAbove': {
      const args = { followers: whole('followers'), median: whole('median'), percentile: percent('percentile'), accounts: whole('accounts'), band };
      if (section.id === 'bandBelow') return { title: t('guide.bandBelow.title'), body: join(bili ? t('bilibili.guide.bandBelowBody', args) : t('guide.bandBelow.body', args), nextBand()) };
      // 'bandAbove' is written for followers >= the median (guide.ts); exactly at it, it says so rather
      // than "ahead of most" (decided here, so reports stored before read right too).
      const level = whole('followers') === whole('median') ? 'yes' : 'no';
      const above = { ...args, level };
      return { title: t('guide.bandAbove.title', { level }), body: join(bili ? t('bilibili.guide.bandAboveBody', above) : t('guide.bandAbove.body', above), nextBand()) };
    }
    case 'growthFalling':
      return { title: t('guide.growthFalling.title'), body: bili ? t('bilibili.guide.growthFallingBody', growth()) : t('guide.growthFalling.body', growth()) };
    case 'growthSlow':
    case 'growthHealthy': {
      const gained = t('guide.growthGained', { ...growth(), healthy: formatRulePercent(number('healthy'), locale) });
      if (section.id === 'growthSlow') return { title: t('guide.growthSlow.title'), body: join(gained, projection(), bili ? t('bilibili.guide.growthSlowAdvice') : t('guide.growthSlow.advice')) };
      return { title: t('guide.growthHealthy.title'), body: join(gained, projection(), bili ? t('bilibili.guide.growthHealthyAdvice') : t('guide.growthHealthy.advice')) };
    }
    case 'engagementNoVideos':
      return { title: t('guide.engagementNoVideos.title'), body: t('guide.engagementNoVideos.body', { posts: whole('posts') }) };
    case 'engagementNoFollowers':
      return { title: t('guide.engagementNoFollowers.title'), body: join(t('guide.engagementNoFollowers.body', { likes: whole('likes') }), t('guide.hooks')) };
    case 'engagementLow':
      return { title: t('guide.engagementLow.title'), body: join(t('guide.engagementLow.body', engagementLevel), t('guide.hooks')) };
    case 'engagementBelow':
      return { title: t('guide.engagementBelow.title'), body: join(t('guide.engagementBelow.body', engagementLevel), t('guide.hooks')) };
    case 'engagementOnPar':
      return { title: t('guide.engagementOnPar.title'), body: t('guide.engagementOnPar.body', engagementLevel) };
    case 'engagementStrong':
      return {
        title: t('guide.engagementStrong.title'),
        body: join(t('guide.engagementStrong.body', { ...engagementLevel, ratio: formatDecimal(number('ratio'), locale) }), values.viral === true && t('guide.engagementStrong.viral')),
      };
    case 'engagementBand': {
      const likesMedian = numberOrNull('likesMedian');
      return {
        title: t('guide.engagementBand.title'),
        body: join(
          t('guide.engagementBand.body', { band, median: percent('median'), engagement: percent('engagement'), percentile: percent('percentile') }),
          likesMedian !== null && t('guide.engagementBand.likes', { median: Math.round(likesMedian), likes: whole('likes') }),
          values.above === true ? t('guide.engagementBand.adviceAbove') : t('guide.engagementBand.adviceBelow'),
        ),
      };
    }
    case 'cadenceNoVideos':
      return { title: t('guide.cadenceNoVideos.title'), body: t('guide.cadenceNoVideos.body', posts) };
    case 'cadenceUnmeasured':
      return {
        title: t('guide.cadenceUnmeasured.title'),
        body: t('guide.cadenceUnmeasured.body', { ...posts, snapshots: whole('snapshots'), days: days('days'), videos: whole('videos') }),
      };
    case 'cadencePaused':
      return { title: t('guide.cadencePaused.title'), body: t('guide.cadencePaused.body', { ...posts, days: days('days') }) };
    case 'cadenceLow':
      return { title: t('guide.cadenceLow.title'), body: t('guide.cadenceLow.body', { ...posts, perWeek: quantity('perWeek'), days: days('days'), more: whole('more') }) };
    case 'cadenceOnTarget':
      return { title: t('guide.cadenceOnTarget.title'), body: t('guide.cadenceOnTarget.body', { ...posts, perWeek: quantity('perWeek'), days: days('days') }) };
    case 'cadenceFewerStronger':
      return { title: t('guide.cadenceFewerStronger.title'), body: t('guide.cadenceFewerStronger.body', { ...posts, perWeek: quantity('perWeek'), days: days('days') }) };
    case 'cadenceHigh':
      return { title: t('guide.cadenceHigh.title'), body: t('guide.cadenceHigh.body', { ...posts, perWeek: quantity('perWeek'), days: days('days') }) };
    case 'liveNotEligible': {
      const minFollowers = whole('minFollowers');
      return {
        title: t('guide.liveNotEligible.title', { minFollowers }),
        body: t('guide.liveNotEligible.body', { minFollowers, followers: whole('followers'), gap: whole('gap'), lives: whole('lives'), hours: quantity('hours') }),
      };
    }
    case 'liveStart': {
      const args = { lives: whole('lives'), hours: quantity('hours') };
      return { title: t('guide.liveStart.title'), body: bili ? t('bilibili.guide.liveStartBody', args) : t('guide.liveStart.body', args) };
    }
    case 'liveIrregular':
      return { title: t('guide.liveIrregular.title'), body: join(liveMeasured(), t('guide.liveIrregular.advice', { recommended: whole('recommended') })) };
    case 'liveRegular':
      return { title: t('guide.liveRegular.title'), body: join(liveMeasured(), t('guide.liveRegular.advice', { recommended: whole('recommended') })) };
    case 'liveShort': {
      const args = { minutes: whole('minutes'), hours: quantity('hours') };
      return { title: t('guide.liveShort.title'), body: bili ? t('bilibili.guide.liveShortBody', args) : t('guide.liveShort.body', args) };
    }
    case 'liveOneStartHour': {
      const body = bili ? t('bilibili.guide.liveOneStartHourBody', hours()) : t('guide.liveOneStartHour.body', hours());
      return { title: t('guide.liveOneStartHour.title'), body: join(body, t('guide.timesIn', { zone: display.zoneLabel })) };
    }
    case 'liveBestHour': {
      const args = { ...hours(), best: whole('best'), average: whole('average') };
      const body = bili ? t('bilibili.guide.liveBestHourBody', args) : t('guide.liveBestHour.body', args);
      return { title: t('guide.liveBestHour.title'), body: join(body, t('guide.timesIn', { zone: display.zoneLabel })) };
    }
    case 'giftingNoLive':
      return { title: t('guide.giftingNoLive.title'), body: join(t('guide.giftingNoLive.body'), t('guide.giftHabits'), t('guide.giftingNoLive.close')) };
    case 'giftingNoGifts':
      return {
        title: t('guide.giftingNoGifts.title'),
        body: join(t('guide.giftingNoGifts.body', { lives: whole('lives'), hours: quantity('hours') }), t('guide.giftHabits'), t('guide.giftingNoGifts.close')),
      };
    case 'giftingPerHour': {
      const perHour = numberOrNull('perHour');
      const paid = { hours: quantity('hours'), perHour: Math.round(perHour ?? 0), earnings: earnings() };
      if (bili) {
        const gold = whole('diamonds');
        const received = perHour === null ? t('bilibili.guide.giftingPerHourBodyNoRate', { gold, earnings: paid.earnings }) : t('bilibili.guide.giftingPerHourBody', { gold, ...paid });
        return { title: t('bilibili.guide.giftingPerHourTitle'), body: join(received, t('guide.giftHabits')) };
      }
      const diamonds = whole('diamonds');
      const received = perHour === null ? t('guide.giftingPerHour.bodyNoRate', { diamonds, earnings: paid.earnings }) : t('guide.giftingPerHour.body', { diamonds, ...paid });
      return { title: t('guide.giftingPerHour.title'), body: join(received, t('guide.giftHabits')) };
    }
    case 'giftingConcentrated':
      return { title: t('guide.giftingConcentrated.title'), body: bili ? t('bilibili.guide.giftingConcentratedBody', gifters) : t('guide.giftingConcentrated.body', gifters) };
    case 'giftingSpread':
      return { title: t('guide.giftingSpread.title'), body: bili ? t('bilibili.guide.giftingSpreadBody', gifters) : t('guide.giftingSpread.body', gifters) };
  }
}
