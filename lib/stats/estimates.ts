// Estimates shown on a public profile: LIVE earnings, what a video may earn (Creator Rewards, and apart
// from it the price of a sponsored video), engagement and follower band.
// Pure functions over the counts TikTok shows publicly; every rate comes from `@/lib/stats/constants`
// and can be overridden, and every money result is a { low, mid, high } range in USD because none of
// the underlying rates is published.
//
// Invalid input never throws. Counts arrive as number or bigint (TikTok counts can exceed 2^31, and
// Prisma returns BigInt columns as bigint); a count that is negative, NaN or infinite is treated as
// unknown. Which functions then return zeros and which return null is stated on each function.
import {
  CREATOR_REWARDS_MIN_FOLLOWERS,
  DEFAULT_ESTIMATE_RATES,
  FOLLOWER_BANDS,
  TYPICAL_ENGAGEMENT_PERCENT,
  USD_PER_DIAMOND,
  type EstimateRates,
  type FollowerBandId,
  type SponsoredTierId,
  type ValueRange,
} from '@/lib/stats/constants';

export type Count = number | bigint;
export type UsdRange = ValueRange;

// A sponsor pays for the audience first; engagement moves the likely price within the tier's published
// range, but a single viral video should not multiply it tenfold, nor a quiet month halve it to nothing.
const SPONSORED_ENGAGEMENT_FACTOR_MIN = 0.5;
const SPONSORED_ENGAGEMENT_FACTOR_MAX = 2;

// The default diamond range is ±20% around its centre; a configured single rate keeps that spread.
const DIAMOND_RATE_SPREAD = 0.2;

/**
 * A count as a finite, non-negative number, or null when it is missing or invalid.
 * A bigint above 2^53 becomes the nearest double: a relative error under 1e-15, which no estimate
 * can notice (exact display of such counts is `formatCount`'s job, which keeps the bigint).
 */
export function toCount(value: Count | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'bigint' ? Number(value) : value;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function scaleRange(range: Readonly<ValueRange>, factor: number): UsdRange {
  return { low: range.low * factor, mid: range.mid * factor, high: range.high * factor };
}

function addRanges(a: Readonly<ValueRange>, b: Readonly<ValueRange>): UsdRange {
  return { low: a.low + b.low, mid: a.mid + b.mid, high: a.high + b.high };
}

/**
 * The diamond range for a configured single USD-per-diamond figure, keeping the default ±20% spread.
 * A rate that is not a positive finite number gives the default range.
 */
export function buildDiamondRate(usdPerDiamond: number): UsdRange {
  if (!Number.isFinite(usdPerDiamond) || usdPerDiamond <= 0) return { ...USD_PER_DIAMOND };
  return {
    low: usdPerDiamond * (1 - DIAMOND_RATE_SPREAD),
    mid: usdPerDiamond,
    high: usdPerDiamond * (1 + DIAMOND_RATE_SPREAD),
  };
}

/**
 * LIVE earnings for observed diamonds: diamonds × USD per diamond.
 * Invalid diamonds (negative, NaN, infinite) count as 0, so the result is all zeros, never null.
 */
export function estimateLiveEarnings(diamonds: Count, rate: Readonly<ValueRange> = USD_PER_DIAMOND): UsdRange {
  return scaleRange(rate, toCount(diamonds) ?? 0);
}

/** Total likes ÷ videos; null when there are no videos or either count is invalid. */
export function averageLikesPerVideo(hearts: Count, videos: Count): number | null {
  const likes = toCount(hearts);
  const videoCount = toCount(videos);
  if (likes === null || videoCount === null || videoCount < 1) return null;
  return likes / videoCount;
}

export interface FollowerBand {
  id: FollowerBandId;
  label: string;
  minFollowers: number;
  /** Exclusive upper bound; null for the top band. */
  maxFollowers: number | null;
  typicalEngagementPercent: number;
}

/** The follower band an account falls in; invalid followers count as 0 (the smallest band). */
export function followerBand(followers: Count): FollowerBand {
  const count = toCount(followers) ?? 0;
  const index = Math.max(0, FOLLOWER_BANDS.findLastIndex((candidate) => count >= candidate.minFollowers));
  const band = FOLLOWER_BANDS[index] ?? FOLLOWER_BANDS[0];
  return {
    id: band.id,
    label: band.label,
    minFollowers: band.minFollowers,
    maxFollowers: FOLLOWER_BANDS[index + 1]?.minFollowers ?? null,
    typicalEngagementPercent: TYPICAL_ENGAGEMENT_PERCENT[band.id],
  };
}

export interface EngagementInput {
  followers: Count;
  hearts: Count;
  videos: Count;
  avgViews?: Count | null;
  avgComments?: Count | null;
  avgShares?: Count | null;
}

export type EngagementBasis = 'views' | 'followers-approximation';

export interface Engagement {
  percent: number;
  basis: EngagementBasis;
  /** How the figure was computed, for the page to show beside it. */
  label: string;
}

const ENGAGEMENT_LABELS: Record<EngagementBasis, string> = {
  views: '(likes + comments + shares) ÷ views, per video',
  'followers-approximation': 'approximation: average likes per video ÷ followers (views are not public)',
};

/**
 * Engagement per video, in percent.
 * With known average views (> 0): (average likes + comments + shares) ÷ average views × 100, where
 * likes per video come from hearts ÷ videos and unknown comments or shares count as 0.
 * Otherwise: average likes per video ÷ followers × 100, labelled as an approximation; it can exceed
 * 100 for small accounts with a viral video, and is not capped because the rating ranks it anyway.
 * Null when there are no videos, or when views are unknown and followers are 0 or invalid.
 */
export function engagementPercent(input: EngagementInput): Engagement | null {
  const avgLikes = averageLikesPerVideo(input.hearts, input.videos);
  if (avgLikes === null) return null;
  const views = toCount(input.avgViews);
  if (views !== null && views > 0) {
    const interactions = avgLikes + (toCount(input.avgComments) ?? 0) + (toCount(input.avgShares) ?? 0);
    return { percent: (interactions / views) * 100, basis: 'views', label: ENGAGEMENT_LABELS.views };
  }
  const followers = toCount(input.followers);
  if (followers === null || followers === 0) return null;
  return {
    percent: (avgLikes / followers) * 100,
    basis: 'followers-approximation',
    label: ENGAGEMENT_LABELS['followers-approximation'],
  };
}

export interface PerVideoInput {
  followers: Count;
  hearts: Count;
  videos: Count;
  avgViews?: Count | null;
}

export type PerVideoBasis = 'views' | 'likes';

/** The sponsored-post tier an account falls in (lib/stats/constants.ts SPONSORED_POST_TIERS). */
export interface SponsoredTier {
  id: SponsoredTierId;
  minFollowers: number;
  /** Exclusive upper bound; null for the top tier. */
  maxFollowers: number | null;
  /** The tier's published price range per sponsored video. */
  usd: UsdRange;
}

export interface PerVideoEarnings {
  basis: PerVideoBasis;
  /** Which numbers the estimate was built from, for the page to show beside it. */
  basisLabel: string;
  /** Average views per video: observed, or derived from likes with `viewsPerLike`. */
  viewsPerVideo: number;
  /** The views-per-like ratio used when `basis` is 'likes'. */
  viewsPerLike: number;
  /** The Creator Rewards rate used: USD per 1,000 qualified views. */
  rpmUsd: UsdRange;
  /** False below the Creator Rewards follower minimum; `creatorRewards` is then all zeros. */
  creatorRewardsEligible: boolean;
  /** What TikTok's Creator Rewards may pay for one video: views ÷ 1,000 × RPM. */
  creatorRewards: UsdRange;
  /** The follower tier's sponsored-video price range; null below the smallest tier (no price, zeros). */
  sponsoredTier: SponsoredTier | null;
  /** The tier's range, with its likely price (`mid`) moved by `engagementFactor` within the range. */
  sponsoredPost: UsdRange;
  /** Account's likes-per-video ÷ followers against its band's typical value, clamped to 0.5–2. */
  engagementFactor: number;
  /**
   * Creator Rewards plus one sponsored post. Not what a video earns (most videos are not sponsored), so
   * the profile shows the two apart; kept because stored reports carry it.
   */
  total: UsdRange;
}

function computeEngagementFactor(avgLikes: number | null, followers: number): number {
  // Without likes per video there is nothing to compare, so the sponsor price is left unadjusted.
  if (avgLikes === null || followers === 0) return 1;
  const actualPercent = (avgLikes / followers) * 100;
  const ratio = actualPercent / followerBand(followers).typicalEngagementPercent;
  return Math.min(SPONSORED_ENGAGEMENT_FACTOR_MAX, Math.max(SPONSORED_ENGAGEMENT_FACTOR_MIN, ratio));
}

/** The sponsored-post tier for a follower count; null below the smallest tier or for invalid counts. */
export function sponsoredTier(followers: Count, tiers: EstimateRates['sponsoredPostTiers'] = DEFAULT_ESTIMATE_RATES.sponsoredPostTiers): SponsoredTier | null {
  const count = toCount(followers);
  if (count === null) return null;
  const index = tiers.findLastIndex((tier) => count >= tier.minFollowers);
  const tier = tiers[index];
  if (!tier) return null;
  return { id: tier.id, minFollowers: tier.minFollowers, maxFollowers: tiers[index + 1]?.minFollowers ?? null, usd: { ...tier.usd } };
}

/** The tier's range with its likely price scaled by engagement, kept inside the range. */
function sponsoredPrice(tier: SponsoredTier | null, engagementFactor: number): UsdRange {
  if (!tier) return { low: 0, mid: 0, high: 0 };
  const { low, mid, high } = tier.usd;
  return { low, mid: Math.min(high, Math.max(low, mid * engagementFactor)), high };
}

/**
 * What one video may earn from Creator Rewards (views ÷ 1,000 × RPM), and apart from it the price a
 * brand pays for a sponsored video (the follower tier's published range, see SPONSORED_POST_TIERS): a
 * creator earns the second only when a brand books a video.
 * Views come from average views when given (≥ 0), otherwise from average likes per video ×
 * `viewsPerLike` (an assumption: public profiles show likes, not views).
 * Null when neither basis exists (no average views and no videos). Invalid followers count as 0.
 */
export function estimatePerVideoEarnings(input: PerVideoInput, rates: Partial<EstimateRates> = {}): PerVideoEarnings | null {
  const { creatorRewardsRpmUsd, sponsoredPostTiers, viewsPerLike } = { ...DEFAULT_ESTIMATE_RATES, ...rates };
  const followers = toCount(input.followers) ?? 0;
  const avgLikes = averageLikesPerVideo(input.hearts, input.videos);
  const observedViews = toCount(input.avgViews);

  let basis: PerVideoBasis;
  let viewsPerVideo: number;
  if (observedViews !== null) {
    basis = 'views';
    viewsPerVideo = observedViews;
  } else if (avgLikes !== null) {
    basis = 'likes';
    viewsPerVideo = avgLikes * viewsPerLike;
  } else {
    return null;
  }

  const creatorRewardsEligible = followers >= CREATOR_REWARDS_MIN_FOLLOWERS;
  const creatorRewards = scaleRange(creatorRewardsRpmUsd, creatorRewardsEligible ? viewsPerVideo / 1000 : 0);
  const engagementFactor = computeEngagementFactor(avgLikes, followers);
  const tier = sponsoredTier(followers, sponsoredPostTiers);
  const sponsoredPost = sponsoredPrice(tier, engagementFactor);
  const basisLabel =
    basis === 'views'
      ? 'from average views per video'
      : `from average likes per video, assuming about 1 like per ${viewsPerLike} views`;

  return {
    basis,
    basisLabel,
    viewsPerVideo,
    viewsPerLike,
    rpmUsd: { ...creatorRewardsRpmUsd },
    creatorRewardsEligible,
    creatorRewards,
    sponsoredTier: tier,
    sponsoredPost,
    engagementFactor,
    total: addRanges(creatorRewards, sponsoredPost),
  };
}
