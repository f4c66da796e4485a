// The growth report: a snapshot of the account's numbers, how it compares with the stored accounts
// in its follower band, its posting cadence and LIVE habits, and a rule-based guide (see guide.ts).
//
// Pure: the caller collects the input (collect.ts) and passes the generation time, so the same input
// always gives the same report and tests need no database. Nothing here throws on odd data (no
// videos, no followers, no history, no LIVE, a band of one); missing figures become null.
import { writeGuide } from '@/lib/reports/guide';
import {
  REPORT_VERSION,
  type BandStanding,
  type ReportBand,
  type ReportCadence,
  type ReportData,
  type ReportGrowth,
  type ReportInput,
  type ReportLive,
  type ReportNumbers,
  type ReportPlatform,
} from '@/lib/reports/types';
import { USD_PER_DIAMOND } from '@/lib/stats/constants';
import {
  averageLikesPerVideo,
  engagementPercent,
  estimateLiveEarnings,
  estimatePerVideoEarnings,
  followerBand,
  toCount,
  type Count,
  type PerVideoEarnings,
} from '@/lib/stats/estimates';
import { buildDistribution, percentileRank } from '@/lib/stats/rating';

export type { ReportData, ReportInput } from '@/lib/reports/types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const LIVE_WINDOW_DAYS = 30;
const WEEKS_IN_LIVE_WINDOW = LIVE_WINDOW_DAYS / 7;

// Below five accounts a median or percentile describes the few accounts that happen to be stored,
// not the band; the report then says so instead of showing a misleading comparison.
export const MIN_BAND_ACCOUNTS = 5;

// A growth rate over a few days mostly measures noise (one viral video, a refresh delay).
export const MIN_CADENCE_SPAN_DAYS = 7;

/**
 * `value` rounded to `digits` decimals. Callers guard their divisions; mapping a non-finite value to 0
 * is the last line that keeps NaN and Infinity (which JSON cannot hold) out of a stored report.
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  // `+ 0` turns -0 into 0: JSON prints both as 0, but deep equality tells them apart.
  return Math.round(value * factor) / factor + 0;
}

function roundOrNull(value: number | null, digits: number): number | null {
  return value === null ? null : roundTo(value, digits);
}

function countOf(value: Count): number {
  return toCount(value) ?? 0;
}

function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >>> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

function likesEngagement(counts: { followers: Count; hearts: Count; videos: Count }): number | null {
  // Views are never passed: band peers have none, and the band is compared on one basis.
  return engagementPercent({ followers: counts.followers, hearts: counts.hearts, videos: counts.videos })?.percent ?? null;
}

function summarizeLiveNumbers(input: ReportInput): ReportNumbers['live'] {
  if (input.lives.length === 0) return null;
  let hours = 0;
  let diamonds = 0;
  let superChats = 0;
  let guards = 0;
  for (const live of input.lives) {
    hours += Math.max(0, ((live.endedAt ?? input.collectedAt).getTime() - live.startedAt.getTime()) / HOUR_MS);
    diamonds += countOf(live.diamonds);
    superChats += live.superChats ?? 0;
    guards += live.guards ?? 0;
  }
  const paidMessages = platformOf(input) === 'bilibili';
  return {
    lives30d: input.lives.length,
    hours30d: roundTo(hours, 1),
    diamonds30d: diamonds,
    earnings30d: estimateLiveEarnings(diamonds, input.usdPerDiamond ?? USD_PER_DIAMOND),
    superChats30d: paidMessages ? superChats : null,
    guards30d: paidMessages ? guards : null,
  };
}

function platformOf(input: ReportInput): ReportPlatform {
  return input.platform ?? 'tiktok';
}

/**
 * The per-video estimate as reports store it. The estimate carries more (its rate and tier, for the
 * profile's explanation); a report keeps the fields of its version, so a stored report parses back to
 * itself and old reports stay readable.
 */
function storedPerVideo(estimate: PerVideoEarnings | null): ReportNumbers['perVideo'] {
  if (estimate === null) return null;
  const { basis, basisLabel, viewsPerVideo, creatorRewardsEligible, creatorRewards, sponsoredPost, engagementFactor, total } = estimate;
  return { basis, basisLabel, viewsPerVideo, creatorRewardsEligible, creatorRewards, sponsoredPost, engagementFactor, total };
}

function buildNumbers(input: ReportInput): ReportNumbers {
  const { snapshot } = input;
  const counts = { followers: snapshot.followers, hearts: snapshot.hearts, videos: snapshot.videos, avgViews: snapshot.avgViews };
  if (platformOf(input) === 'bilibili') {
    // Bilibili's room API gives followers only: no video figures to measure or estimate from.
    const none = { following: 0, hearts: 0, videos: 0, diggs: 0, friends: 0, averageLikesPerVideo: null, engagement: null, perVideo: null };
    return { snapshotAt: snapshot.fetchedAt.toISOString(), followers: countOf(snapshot.followers), ...none, live: summarizeLiveNumbers(input) };
  }
  return {
    snapshotAt: snapshot.fetchedAt.toISOString(),
    followers: countOf(snapshot.followers),
    following: countOf(snapshot.following),
    hearts: countOf(snapshot.hearts),
    videos: countOf(snapshot.videos),
    diggs: countOf(snapshot.diggs),
    friends: countOf(snapshot.friends),
    averageLikesPerVideo: roundOrNull(averageLikesPerVideo(snapshot.hearts, snapshot.videos), 2),
    engagement: engagementPercent(counts),
    perVideo: storedPerVideo(estimatePerVideoEarnings(counts)),
    live: summarizeLiveNumbers(input),
  };
}

/**
 * The account's place among `sorted` (ascending, the account included): 1 is the highest, ties share the
 * better place. Null without the account's figure or without another account to place it against.
 */
function standingIn(sorted: readonly number[], own: number | null): BandStanding | null {
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (own === null || low === undefined || high === undefined || sorted.length < 2) return null;
  return { rank: 1 + sorted.filter((value) => value > own).length, of: sorted.length, low: roundTo(low, 2), high: roundTo(high, 2) };
}

type MetricComparison = { median: number | null; percentile: number | null; standing: BandStanding | null };

function compareMetric(values: Iterable<Count | null>, own: number | null): MetricComparison {
  const sorted = buildDistribution(values);
  const standing = standingIn(sorted, own);
  if (sorted.length < MIN_BAND_ACCOUNTS) return { median: null, percentile: null, standing };
  return { median: roundOrNull(medianOf(sorted), 2), percentile: own === null ? null : roundOrNull(percentileRank(sorted, own), 1), standing };
}

function compareWithBand(input: ReportInput): ReportBand {
  const band = followerBand(input.snapshot.followers);
  // A Bilibili band is compared on followers only (its peers are Bilibili channels, collect.ts).
  const videoFigures = platformOf(input) === 'tiktok';
  const own = {
    followers: countOf(input.snapshot.followers),
    engagementPercent: videoFigures ? likesEngagement(input.snapshot) : null,
    averageLikesPerVideo: videoFigures ? averageLikesPerVideo(input.snapshot.hearts, input.snapshot.videos) : null,
  };
  // The collector already selects the band; filtering again keeps a caller's stray peer from skewing it.
  const peers = input.bandPeers.filter((peer) => followerBand(peer.followers).id === band.id);
  const members = [...peers, input.snapshot];
  const followers = compareMetric(members.map((m) => m.followers), own.followers);
  const engagement = compareMetric(videoFigures ? members.map(likesEngagement) : [], own.engagementPercent);
  const likes = compareMetric(videoFigures ? members.map((m) => averageLikesPerVideo(m.hearts, m.videos)) : [], own.averageLikesPerVideo);
  return {
    id: band.id,
    label: band.label,
    minFollowers: band.minFollowers,
    maxFollowers: band.maxFollowers,
    typicalEngagementPercent: band.typicalEngagementPercent,
    accounts: members.length,
    account: {
      followers: own.followers,
      engagementPercent: roundOrNull(own.engagementPercent, 2),
      averageLikesPerVideo: roundOrNull(own.averageLikesPerVideo, 2),
    },
    medians: { followers: followers.median, engagementPercent: engagement.median, averageLikesPerVideo: likes.median },
    percentiles: { followers: followers.percentile, engagementPercent: engagement.percentile, averageLikesPerVideo: likes.percentile },
    standings: { followers: followers.standing, engagementPercent: engagement.standing, averageLikesPerVideo: likes.standing },
  };
}

type HistoryPoint = { at: number; videos: number; followers: number };

function orderHistory(input: ReportInput): HistoryPoint[] {
  const points = new Map<number, HistoryPoint>();
  const latest = input.snapshot;
  for (const row of [...input.history, { at: latest.fetchedAt, videos: latest.videos, followers: latest.followers }]) {
    const at = row.at.getTime();
    if (Number.isFinite(at)) points.set(at, { at, videos: countOf(row.videos), followers: countOf(row.followers) });
  }
  return [...points.values()].sort((a, b) => a.at - b.at);
}

function measureHistory(input: ReportInput): { cadence: ReportCadence; growth: ReportGrowth } {
  const points = orderHistory(input);
  const first = points[0];
  const last = points[points.length - 1];
  const spanDays = first && last ? (last.at - first.at) / DAY_MS : 0;
  const cadence: ReportCadence = { snapshots: points.length, spanDays: roundTo(spanDays, 1), videosPerWeek: null };
  if (!first || !last || spanDays < MIN_CADENCE_SPAN_DAYS) return { cadence, growth: null };
  const weeks = spanDays / 7;
  // Deleted videos make the net count fall; a negative posting rate would read as nonsense.
  cadence.videosPerWeek = roundTo(Math.max(0, last.videos - first.videos) / weeks, 2);
  const followersPerWeek = (last.followers - first.followers) / weeks;
  return {
    cadence,
    growth: {
      followersPerWeek: roundTo(followersPerWeek, 1),
      percentPerWeek: first.followers > 0 ? roundTo((followersPerWeek / first.followers) * 100, 2) : null,
      spanDays: cadence.spanDays,
    },
  };
}

function findBestStartHour(lives: ReportInput['lives']): { hour: number | null; perLive: number | null; distinct: number } {
  const byHour = new Map<number, { lives: number; diamonds: number }>();
  for (const live of lives) {
    const hour = live.startedAt.getUTCHours();
    if (!Number.isFinite(hour)) continue;
    const entry = byHour.get(hour) ?? { lives: 0, diamonds: 0 };
    entry.lives += 1;
    entry.diamonds += countOf(live.diamonds);
    byHour.set(hour, entry);
  }
  let best: { hour: number; perLive: number } | null = null;
  // Hours ascending, strict comparison: ties go to the earliest hour, so the result is stable.
  for (const hour of [...byHour.keys()].sort((a, b) => a - b)) {
    const entry = byHour.get(hour);
    if (!entry) continue;
    const perLive = entry.diamonds / entry.lives;
    if (perLive > 0 && (best === null || perLive > best.perLive)) best = { hour, perLive };
  }
  return { hour: best?.hour ?? null, perLive: best ? roundTo(best.perLive, 1) : null, distinct: byHour.size };
}

function summarizeLive(input: ReportInput, numbers: ReportNumbers['live']): ReportLive {
  if (numbers === null) return null;
  const gifts = input.gifterDiamonds.map(countOf).filter((d) => d > 0);
  const giftTotal = gifts.reduce((sum, d) => sum + d, 0);
  const topGift = gifts.reduce((max, d) => Math.max(max, d), 0);
  const best = findBestStartHour(input.lives);
  return {
    livesPerWeek: roundTo(numbers.lives30d / WEEKS_IN_LIVE_WINDOW, 2),
    hoursPerWeek: roundTo(numbers.hours30d / WEEKS_IN_LIVE_WINDOW, 2),
    averageHoursPerLive: roundTo(numbers.hours30d / numbers.lives30d, 2),
    averageDiamondsPerLive: roundTo(numbers.diamonds30d / numbers.lives30d, 1),
    averageDiamondsPerHour: numbers.hours30d > 0 ? roundTo(numbers.diamonds30d / numbers.hours30d, 1) : null,
    bestStartHourUtc: best.hour,
    bestStartHourDiamondsPerLive: best.perLive,
    distinctStartHours: best.distinct,
    gifters: gifts.length,
    topGifterSharePercent: giftTotal > 0 ? roundTo((topGift / giftTotal) * 100, 1) : null,
  };
}

/** The report for one account; the same input and time always give the same report. */
export function generateReport(input: ReportInput, generatedAt: Date): ReportData {
  const numbers = buildNumbers(input);
  const band = compareWithBand(input);
  const { cadence, growth } = measureHistory(input);
  const live = summarizeLive(input, numbers.live);
  const account = {
    handle: input.account.handle,
    nickname: input.account.nickname,
    verified: input.account.verified,
    region: input.account.region,
    privateAccount: input.account.privateAccount,
  };
  const platform = platformOf(input);
  return {
    version: REPORT_VERSION,
    platform,
    generatedAt: generatedAt.toISOString(),
    account,
    numbers,
    band,
    cadence,
    growth,
    live,
    guide: writeGuide({ platform, account, numbers, band, cadence, growth, live }),
  };
}
