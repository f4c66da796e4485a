// Outside facts the estimates rest on, in one place so each can be checked against its source and
// updated when TikTok or the market moves. None of these numbers is published by TikTok as a rate;
// each comment says where the figure comes from and when it was checked, and the pages present
// every result built from them as an estimate with its range.
//
// Money ranges are { low, mid, high }. `mid` is the single figure most sources quote, not always
// the arithmetic centre of the range.

export interface ValueRange {
  low: number;
  mid: number;
  high: number;
}

// USD a creator receives per diamond from LIVE gifts.
// Source: TikTok's Virtual Items Policy and LIVE Gifts help pages (checked 2025) — viewers buy
// coins at roughly $0.010–$0.015 each depending on pack size, platform and region; a gift worth
// N coins credits the creator N diamonds; TikTok does not publish the diamond payout, and the
// figure commonly cited by creator guides and agencies (2023–2025) is about $0.005 per diamond,
// i.e. the creator keeps about half of what the viewer paid. The range covers pack pricing,
// app-store fees, regional payouts and agency splits.
export const USD_PER_DIAMOND: Readonly<ValueRange> = Object.freeze({ low: 0.004, mid: 0.005, high: 0.006 });

// USD per 1,000 qualified views in TikTok's Creator Rewards Program.
// Source: TikTok Creator Rewards Program (announced 2024; TikTok publishes no RPM); $0.40–$1.00
// per 1,000 qualified views is the range creators and trade press reported through 2024–2025
// (e.g. Influencer Marketing Hub's Creator Rewards coverage, 2025). Mid is the centre of the range.
export const CREATOR_REWARDS_RPM_USD: Readonly<ValueRange> = Object.freeze({ low: 0.4, mid: 0.7, high: 1.0 });

// Creator Rewards eligibility: at least 10,000 followers (plus 100,000 views in 30 days, age 18+
// and videos over one minute, which LiveLens cannot see).
// Source: TikTok Creator Rewards Program eligibility, TikTok newsroom and Creator Academy, 2024.
export const CREATOR_REWARDS_MIN_FOLLOWERS = 10_000;

// The price brands pay for one sponsored TikTok video, per follower tier, in USD per video. Approximate:
// these are published survey and rate-guide figures (not checked against the live pages here, which had
// no network), and real deals vary with niche, audience country, usage rights and exclusivity.
// Sources:
// - Influencer Marketing Hub, "Influencer Rates: How Much Do Influencers Really Cost?" (2024),
//   https://influencermarketinghub.com/influencer-rates/ — TikTok nano (1K–10K followers) $5–$25, micro
//   (10K–50K) $25–$125, mid-tier (50K–500K) $125–$1,250, macro (500K–1M) $1,250–$2,500, mega (1M+)
//   $2,500+ per post. These give the `low` ends.
// - SponsorRate, "TikTok Influencer Rates in 2026: What Creators Charge" (2026),
//   https://sponsorrate-com.pages.dev/blog/tiktok-rates — nano $20–$75, micro $75–$350, mid-tier
//   $350–$3,000, macro $3,000–$7,000, mega $7,000+ per video. These give the `high` ends.
// - Lumanu creator-payment data as cited by Stackmatix, "TikTok Influencer Rates in 2026",
//   https://www.stackmatix.com/blog/tiktok-influencer-rates-2026 — an average TikTok creator payment of
//   $2,049 in early 2025, which falls inside the mid-tier and macro ranges below.
// Above 1M followers the surveys give only a floor ("$2,500+", "$7,000+"): the 1M–10M row stops at
// $25,000 and the 10M+ row spans $25,000–$100,000 from trade-press reports of top creators charging
// six figures; these two rows are the least certain. `mid` is about the geometric centre of each range,
// because prices within a tier spread over an order of magnitude. Below 1,000 followers the surveys
// list no sponsorship market, so there is no price.
export const SPONSORED_POST_TIERS = Object.freeze([
  { id: 'nano', minFollowers: 1_000, usd: { low: 5, mid: 20, high: 75 } },
  { id: 'micro', minFollowers: 10_000, usd: { low: 25, mid: 95, high: 350 } },
  { id: 'mid-tier', minFollowers: 50_000, usd: { low: 125, mid: 600, high: 3_000 } },
  { id: 'macro', minFollowers: 500_000, usd: { low: 1_250, mid: 3_000, high: 7_000 } },
  { id: 'mega', minFollowers: 1_000_000, usd: { low: 2_500, mid: 8_000, high: 25_000 } },
  { id: 'top', minFollowers: 10_000_000, usd: { low: 25_000, mid: 50_000, high: 100_000 } },
] as const satisfies readonly { id: string; minFollowers: number; usd: ValueRange }[]);

export type SponsoredTierId = (typeof SPONSORED_POST_TIERS)[number]['id'];

// Views per like, used only when a profile's views are unknown (the public profile has likes, not views).
// Source: creator-growth guides (2024–2025) treat a like-to-view ratio of 5–10% as normal and
// "one like per ten views" as the rule of thumb; 10 takes the top of that band, so view-based
// figures derived from likes lean conservative.
export const VIEWS_PER_LIKE = 10;

// Follower bands used for typical engagement, report comparisons and the absolute rating scale.
// Source: the nano / micro / mid / macro / mega tiers of influencer-marketing guides (2023–2025),
// merged into decades so every band boundary is a round power of ten.
export const FOLLOWER_BANDS = [
  { id: 'under-10k', label: 'Under 10K', minFollowers: 0 },
  { id: '10k-100k', label: '10K–100K', minFollowers: 10_000 },
  { id: '100k-1m', label: '100K–1M', minFollowers: 100_000 },
  { id: '1m-10m', label: '1M–10M', minFollowers: 1_000_000 },
  { id: 'over-10m', label: 'Over 10M', minFollowers: 10_000_000 },
] as const;

export type FollowerBandId = (typeof FOLLOWER_BANDS)[number]['id'];

// Typical engagement per video as a percentage of followers (average likes per video ÷ followers),
// the same measure as LiveLens's followers approximation, so an account can be compared with it.
// Source: 2023–2024 TikTok benchmarks — calculatecreator.com "TikTok Engagement Rate Benchmarks"
// (under 5K 5.6%, 20K–100K 3.1%, 100K–1M 1.9%, 1M+ 1.2%) and tier tables in influencer-marketing
// guides (nano 5–8%, micro 3–5%, mid 2–3%, macro 1–2%, mega 0.5–1%). Rounded to one figure per band;
// sources differ on whether they divide by followers or views, so treat these as rough.
export const TYPICAL_ENGAGEMENT_PERCENT: Readonly<Record<FollowerBandId, number>> = Object.freeze({
  'under-10k': 6,
  '10k-100k': 4,
  '100k-1m': 2.5,
  '1m-10m': 1.5,
  'over-10m': 1,
});

// Every rate an estimate uses, so the app can override any of them (e.g. a configured diamond rate)
// without the estimate functions reading settings themselves.
export interface EstimateRates {
  usdPerDiamond: Readonly<ValueRange>;
  creatorRewardsRpmUsd: Readonly<ValueRange>;
  sponsoredPostTiers: readonly { id: SponsoredTierId; minFollowers: number; usd: Readonly<ValueRange> }[];
  viewsPerLike: number;
}

export const DEFAULT_ESTIMATE_RATES: Readonly<EstimateRates> = Object.freeze({
  usdPerDiamond: USD_PER_DIAMOND,
  creatorRewardsRpmUsd: CREATOR_REWARDS_RPM_USD,
  sponsoredPostTiers: SPONSORED_POST_TIERS,
  viewsPerLike: VIEWS_PER_LIKE,
});
