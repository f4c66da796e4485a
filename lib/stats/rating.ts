// The LiveLens rating, 0–100, shown on every profile with its explanation.
//
// It is a weighted sum of four parts, each scored 0–100 as a percentile among the accounts LiveLens
// has stored, so the rating says "how does this account compare", not "how good is it in the abstract":
//   Reach (followers) 30%, Likes (total hearts) 10%, Engagement (engagement %) 30%,
//   LIVE earnings (diamonds received in the last 30 days) 30%.
// Likes weigh less than followers because they accumulate over an account's whole history and
// largely repeat what reach already measures.
//
// Percentiles use the mid-rank rule: (values below + half the values equal) ÷ count × 100, so an
// account tied with everyone scores 50 and the ranking does not depend on how ties are ordered.
//
// A part whose metric is unknown (no videos, so no engagement; no LIVE data, i.e. not tracked) is
// left out and its weight is shared among the other parts in proportion to their weights, so an
// untracked account is neither punished nor rewarded for missing LIVE data.
//
// Other platforms (issue 20) are rated among their own channels with what they publish: Bilibili's room
// API gives followers but no likes or videos, so a Bilibili channel's rating is Reach and LIVE (in gold
// coins, on a scale of its own) and its Likes and Engagement parts are left out the same way.
//
// While a distribution has fewer than MIN_ACCOUNTS_FOR_PERCENTILES values (a fresh install), that
// part uses a fixed scale instead: log10 between two anchors for counts, and engagement against the
// typical value for the account's follower band. Both scales, like percentiles, never decrease when
// the metric grows, so more followers never lowers the score.
//
// The function is pure: the caller passes the distributions (sorted ascending, see buildDistribution),
// so the same input always gives the same rating and tests need no database. It writes no text: each
// part carries a note (a message key and its numbers) that the profile page words in its language.
import type { Platform, ValueUnit } from '@/lib/platforms/events';
import { VALUE_UNIT } from '@/lib/platforms/units';
import { followerBand, toCount, type Count } from '@/lib/stats/estimates';

export type RatingPartKey = 'reach' | 'likes' | 'engagement' | 'live';

export const RATING_WEIGHTS: Readonly<Record<RatingPartKey, number>> = Object.freeze({
  reach: 0.3,
  likes: 0.1,
  engagement: 0.3,
  live: 0.3,
});

// Below this many accounts a percentile says more about which few accounts happen to be stored
// than about the account itself.
export const MIN_ACCOUNTS_FOR_PERCENTILES = 10;

interface LogScale {
  from: number;
  to: number;
}

// Each anchor pair spans five decades, so every tenfold step is worth 20 points. The LIVE scale is in the
// platform's unit: 100 to 10M diamonds is about $0.50 to $50,000 a month to the creator; in gold the same
// span is 5,000 gold (¥5 paid) to 500M gold (¥500,000 paid), about $0.35 to $35,000 to the streamer.
export const FIXED_SCALES = {
  reach: { from: 100, to: 10_000_000 },
  likes: { from: 1_000, to: 100_000_000 },
  live: { from: 100, to: 10_000_000 },
  liveGold: { from: 5_000, to: 500_000_000 },
} as const satisfies Record<string, LogScale>;

export interface RatingMetrics {
  /** TikTok unless given. A platform other than TikTok publishes no likes or videos (see above). */
  platform?: Platform;
  followers: Count;
  /** Total likes; null where the platform publishes none (the part is left out). */
  hearts: Count | null;
  /** On the same basis as the engagement distribution; null (or invalid) when unknown. */
  engagementPercent: number | null;
  /** The platform's unit (diamonds, gold) received in the last 30 days; null (or invalid) when the account has no LIVE data. */
  liveDiamonds30d: Count | null;
}

/** Each metric over the stored accounts, sorted ascending (see buildDistribution). */
export interface RatingDistributions {
  followers: readonly number[];
  /** Optional: without it the Likes part uses its fixed scale. */
  hearts?: readonly number[];
  engagement: readonly number[];
  liveDiamonds30d: readonly number[];
}

export type RatingPartBasis = 'percentile' | 'fixed-scale' | 'missing';

/**
 * What one part of the rating says about the account, as a message key and the numbers it needs; the
 * profile page words it in the reader's language (profile messages "ratingNotes.<key>"). Numbers are raw:
 * the page formats them for its locale.
 */
export type RatingNote =
  | {
      /** "More followers / likes / … than {below}% of the {accounts} accounts". */
      key: 'reachPercentile' | 'likesPercentile' | 'engagementPercentile';
      /** The percentile rounded down, so the top account reads "more than 99%", never a rounded-up 100%. */
      values: { below: number; accounts: number };
    }
  | { key: 'livePercentile'; values: { below: number; accounts: number; unit: ValueUnit } }
  | {
      /** "{value} followers / likes score {score} of 100 on a fixed scale from {from} to {to}". */
      key: 'reachScale' | 'likesScale';
      values: { value: number; score: number; from: number; to: number };
    }
  | { key: 'liveScale'; values: { value: number; score: number; from: number; to: number; unit: ValueUnit } }
  | {
      /** Engagement against the typical value for the account's follower band (typical = 50, twice = 100). */
      key: 'engagementScale';
      values: { engagement: number; typical: number; ratio: number; score: number; bandFrom: number; bandTo: number | null };
    }
  | { key: 'engagementMissing'; values: Record<string, never> }
  | { key: 'liveMissing'; values: { unit: ValueUnit } }
  /** The platform publishes no likes or videos: "Bilibili gives no …, so this part's weight goes to the others". */
  | { key: 'likesUnavailable' | 'engagementUnavailable'; values: { platform: Platform } };

export type RatingNoteKey = RatingNote['key'];

export interface RatingPart {
  key: RatingPartKey;
  /** Share of the score after redistribution (0–1); 0 for a missing part. */
  weight: number;
  /** The part's 0–100 score (a percentile, or the fixed-scale stand-in), one decimal; null when missing. */
  percentile: number | null;
  /** Points this part adds to the score (percentile × weight), one decimal. */
  contribution: number;
  basis: RatingPartBasis;
  /** What this part says about the account, for the profile page to word in the reader's language. */
  note: RatingNote;
}

export interface Rating {
  /** Integer 0–100. */
  score: number;
  /** The unit of the LIVE part (diamonds on TikTok, gold on Bilibili). */
  unit: ValueUnit;
  /** Reach, likes, engagement and LIVE, in that order. */
  parts: RatingPart[];
  /** Whether a part is on its fixed scale (fewer than MIN_ACCOUNTS_FOR_PERCENTILES accounts to compare with). */
  fixedScale: boolean;
}

interface PartDraft {
  key: RatingPartKey;
  value: number | null;
  basis: RatingPartBasis;
  note: RatingNote;
}

function countBelow(sorted: readonly number[], value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = sorted[mid] ?? 0;
    if (item < value || (orEqual && item === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mid-rank percentile (0–100) of `value` in an ascending array; null for an empty array. */
export function percentileRank(sorted: readonly number[], value: number): number | null {
  if (sorted.length === 0) return null;
  const below = countBelow(sorted, value, false);
  const equal = countBelow(sorted, value, true) - below;
  return ((below + equal / 2) / sorted.length) * 100;
}

/** A distribution ready for computeRating: invalid values dropped, numbers sorted ascending. */
export function buildDistribution(values: Iterable<Count | null | undefined>): number[] {
  const numbers: number[] = [];
  for (const value of values) {
    const count = toCount(value);
    if (count !== null) numbers.push(count);
  }
  return numbers.sort((a, b) => a - b);
}

function scoreOnLogScale(value: number, scale: LogScale): number {
  if (value <= scale.from) return 0;
  if (value >= scale.to) return 100;
  return ((Math.log10(value) - Math.log10(scale.from)) / (Math.log10(scale.to) - Math.log10(scale.from))) * 100;
}

const PERCENTILE_NOTES = { reach: 'reachPercentile', likes: 'likesPercentile', engagement: 'engagementPercentile' } as const;
const SCALE_NOTES = { reach: 'reachScale', likes: 'likesScale' } as const;

/** The percentile of `value` among the stored accounts, or null when there are too few to rank among. */
function percentileAmong(value: number, distribution: readonly number[]): { percentile: number; values: { below: number; accounts: number } } | null {
  if (distribution.length < MIN_ACCOUNTS_FOR_PERCENTILES) return null;
  const percentile = percentileRank(distribution, value) ?? 0;
  // Floor, so the top of 1,204 accounts reads "more than 99%", never a rounded-up "100%".
  return { percentile, values: { below: Math.floor(percentile), accounts: distribution.length } };
}

function onScale(value: number, scale: LogScale): { points: number; values: { value: number; score: number; from: number; to: number } } {
  const points = scoreOnLogScale(value, scale);
  return { points, values: { value, score: Math.round(points), from: scale.from, to: scale.to } };
}

function draftCountPart(key: 'reach' | 'likes', value: number, distribution: readonly number[]): PartDraft {
  const ranked = percentileAmong(value, distribution);
  if (ranked) return { key, value: ranked.percentile, basis: 'percentile', note: { key: PERCENTILE_NOTES[key], values: ranked.values } };
  const scaled = onScale(value, FIXED_SCALES[key]);
  return { key, value: scaled.points, basis: 'fixed-scale', note: { key: SCALE_NOTES[key], values: scaled.values } };
}

function draftEngagementPart(engagement: number | null, followers: number, distribution: readonly number[]): PartDraft {
  if (engagement === null) return { key: 'engagement', value: null, basis: 'missing', note: { key: 'engagementMissing', values: {} } };
  const ranked = percentileAmong(engagement, distribution);
  if (ranked) return { key: 'engagement', value: ranked.percentile, basis: 'percentile', note: { key: 'engagementPercentile', values: ranked.values } };
  // Engagement falls as accounts grow, so an absolute scale would favour small accounts; the
  // band's typical value scores 50 and twice typical or more scores 100.
  const band = followerBand(followers);
  const ratio = engagement / band.typicalEngagementPercent;
  const points = Math.min(100, ratio * 50);
  return {
    key: 'engagement',
    value: points,
    basis: 'fixed-scale',
    note: {
      key: 'engagementScale',
      values: { engagement, typical: band.typicalEngagementPercent, ratio, score: Math.round(points), bandFrom: band.minFollowers, bandTo: band.maxFollowers },
    },
  };
}

function draftLivePart(value: number | null, unit: ValueUnit, distribution: readonly number[]): PartDraft {
  if (value === null) return { key: 'live', value: null, basis: 'missing', note: { key: 'liveMissing', values: { unit } } };
  const ranked = percentileAmong(value, distribution);
  if (ranked) return { key: 'live', value: ranked.percentile, basis: 'percentile', note: { key: 'livePercentile', values: { ...ranked.values, unit } } };
  const scaled = onScale(value, unit === 'gold' ? FIXED_SCALES.liveGold : FIXED_SCALES.live);
  return { key: 'live', value: scaled.points, basis: 'fixed-scale', note: { key: 'liveScale', values: { ...scaled.values, unit } } };
}

/** A part the platform gives no figures for: left out, its weight going to the others. */
function unavailablePart(key: 'likes' | 'engagement', platform: Platform): PartDraft {
  return { key, value: null, basis: 'missing', note: { key: key === 'likes' ? 'likesUnavailable' : 'engagementUnavailable', values: { platform } } };
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The rating of one account against the stored accounts of its platform (the distributions are the
 * caller's: TikTok's accounts for a TikTok account, Bilibili's channels for a Bilibili one). Invalid
 * followers or hearts count as 0; an invalid engagement or LIVE figure counts as unknown (the part is
 * left out, see above), and so do likes and engagement on a platform that publishes neither.
 */
export function computeRating(metrics: RatingMetrics, distributions: RatingDistributions): Rating {
  const platform = metrics.platform ?? 'tiktok';
  const unit = VALUE_UNIT[platform];
  const followers = toCount(metrics.followers) ?? 0;
  const rated = platform === 'tiktok';
  const drafts: PartDraft[] = [
    draftCountPart('reach', followers, distributions.followers),
    rated ? draftCountPart('likes', toCount(metrics.hearts) ?? 0, distributions.hearts ?? []) : unavailablePart('likes', platform),
    rated ? draftEngagementPart(toCount(metrics.engagementPercent), followers, distributions.engagement) : unavailablePart('engagement', platform),
    draftLivePart(toCount(metrics.liveDiamonds30d), unit, distributions.liveDiamonds30d),
  ];

  const availableWeight = drafts.reduce((sum, d) => sum + (d.value === null ? 0 : RATING_WEIGHTS[d.key]), 0);
  let total = 0;
  const parts: RatingPart[] = [];
  for (const draft of drafts) {
    const weight = draft.value === null || availableWeight === 0 ? 0 : RATING_WEIGHTS[draft.key] / availableWeight;
    const contribution = (draft.value ?? 0) * weight;
    total += contribution;
    parts.push({
      key: draft.key,
      weight,
      percentile: draft.value === null ? null : roundToTenth(draft.value),
      contribution: roundToTenth(contribution),
      basis: draft.basis,
      note: draft.note,
    });
  }

  const score = Math.min(100, Math.max(0, Math.round(total)));
  return { score, unit, parts, fixedScale: parts.some((part) => part.basis === 'fixed-scale') };
}
