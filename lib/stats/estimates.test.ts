import { describe, expect, it } from 'vitest';
import { SPONSORED_POST_TIERS, USD_PER_DIAMOND } from '@/lib/stats/constants';
import {
  averageLikesPerVideo,
  buildDiamondRate,
  engagementPercent,
  estimateLiveEarnings,
  estimatePerVideoEarnings,
  followerBand,
  sponsoredTier,
  toCount,
  type UsdRange,
} from '@/lib/stats/estimates';

function expectRange(actual: UsdRange, expected: UsdRange): void {
  expect(actual.low).toBeCloseTo(expected.low, 6);
  expect(actual.mid).toBeCloseTo(expected.mid, 6);
  expect(actual.high).toBeCloseTo(expected.high, 6);
}

const ZERO = { low: 0, mid: 0, high: 0 };

describe('toCount', () => {
  it('accepts numbers and bigints, and treats negative or non-finite values as unknown', () => {
    expect(toCount(42)).toBe(42);
    expect(toCount(3_000_000_000n)).toBe(3_000_000_000);
    expect(toCount(0)).toBe(0);
    for (const bad of [-1, -1n, Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) expect(toCount(bad)).toBeNull();
  });
});

describe('estimateLiveEarnings', () => {
  it('multiplies diamonds by the default $0.004–$0.006 range', () => {
    // 10,000 × 0.004 = $40, × 0.005 = $50, × 0.006 = $60
    expectRange(estimateLiveEarnings(10_000), { low: 40, mid: 50, high: 60 });
    expectRange(estimateLiveEarnings(10_000n), { low: 40, mid: 50, high: 60 });
  });

  it('uses a configured rate', () => {
    // 1,000 × 0.003 = $3, × 0.0035 = $3.50, × 0.004 = $4
    expectRange(estimateLiveEarnings(1_000, { low: 0.003, mid: 0.0035, high: 0.004 }), { low: 3, mid: 3.5, high: 4 });
    // a single configured $0.01 keeps the ±20% spread: $0.008–$0.012; 500 diamonds → $4–$6, mid $5
    expectRange(estimateLiveEarnings(500, buildDiamondRate(0.01)), { low: 4, mid: 5, high: 6 });
  });

  it('returns zeros for zero or invalid diamonds', () => {
    for (const diamonds of [0, -5, Number.NaN, -1n]) expectRange(estimateLiveEarnings(diamonds), ZERO);
  });

  it('handles bigint counts above 2^53', () => {
    // (2^53 + 1) × 0.005 = 9,007,199,254,740,993 × 0.005 ≈ $45,035,996,273,704.97
    const result = estimateLiveEarnings(2n ** 53n + 1n);
    expect(result.mid).toBeCloseTo(45_035_996_273_704.97, -1);
    expect(Number.isFinite(result.high)).toBe(true);
  });
});

describe('buildDiamondRate', () => {
  it('falls back to the default range for a rate that is not a positive number', () => {
    for (const bad of [0, -0.005, Number.NaN]) expect(buildDiamondRate(bad)).toEqual({ ...USD_PER_DIAMOND });
  });
});

describe('averageLikesPerVideo', () => {
  it('divides total likes by videos', () => {
    // 1,000,000 / 200 = 5,000
    expect(averageLikesPerVideo(1_000_000, 200)).toBe(5_000);
    // 10^15 / 1,000 = 10^12, from bigint counts
    expect(averageLikesPerVideo(10n ** 15n, 1_000n)).toBe(1e12);
    expect(averageLikesPerVideo(0, 10)).toBe(0);
  });

  it('returns null without videos or with invalid counts', () => {
    expect(averageLikesPerVideo(1_000, 0)).toBeNull();
    expect(averageLikesPerVideo(1_000, -3)).toBeNull();
    expect(averageLikesPerVideo(-1, 10)).toBeNull();
    expect(averageLikesPerVideo(Number.NaN, 10)).toBeNull();
  });
});

describe('followerBand', () => {
  it('places counts in bands with inclusive lower bounds', () => {
    expect(followerBand(0)).toEqual({ id: 'under-10k', label: 'Under 10K', minFollowers: 0, maxFollowers: 10_000, typicalEngagementPercent: 6 });
    expect(followerBand(9_999).id).toBe('under-10k');
    expect(followerBand(10_000).id).toBe('10k-100k');
    expect(followerBand(999_999).id).toBe('100k-1m');
    expect(followerBand(1_000_000).id).toBe('1m-10m');
    expect(followerBand(10_000_000)).toMatchObject({ id: 'over-10m', label: 'Over 10M', maxFollowers: null });
    expect(followerBand(5_000_000_000n).id).toBe('over-10m');
  });

  it('treats invalid counts as 0', () => {
    expect(followerBand(-1).id).toBe('under-10k');
    expect(followerBand(Number.NaN).id).toBe('under-10k');
  });
});

describe('engagementPercent', () => {
  // 2,000,000 likes over 400 videos = 5,000 likes per video
  const account = { followers: 100_000, hearts: 2_000_000, videos: 400 };

  it('approximates from likes per video and followers when views are unknown', () => {
    // 5,000 / 100,000 × 100 = 5%
    const result = engagementPercent(account);
    expect(result?.percent).toBeCloseTo(5, 9);
    expect(result?.basis).toBe('followers-approximation');
    expect(result?.label).toMatch(/approximation/);
  });

  it('uses (likes + comments + shares) / views when views are known', () => {
    // (5,000 + 100 + 50) / 50,000 × 100 = 10.3%
    const result = engagementPercent({ ...account, avgViews: 50_000, avgComments: 100, avgShares: 50 });
    expect(result?.percent).toBeCloseTo(10.3, 9);
    expect(result?.basis).toBe('views');
    // unknown comments and shares count as 0: 5,000 / 50,000 × 100 = 10%
    expect(engagementPercent({ ...account, avgViews: 50_000n })?.percent).toBeCloseTo(10, 9);
  });

  it('falls back to the approximation when views are 0 or invalid', () => {
    expect(engagementPercent({ ...account, avgViews: 0 })?.basis).toBe('followers-approximation');
    expect(engagementPercent({ ...account, avgViews: -10 })?.percent).toBeCloseTo(5, 9);
  });

  it('returns null when it cannot be computed', () => {
    expect(engagementPercent({ ...account, videos: 0 })).toBeNull();
    expect(engagementPercent({ ...account, followers: 0 })).toBeNull();
    expect(engagementPercent({ ...account, followers: Number.NaN })).toBeNull();
    // zero followers do not matter when views are known: 5,000 / 20,000 × 100 = 25%
    expect(engagementPercent({ ...account, followers: 0, avgViews: 20_000 })?.percent).toBeCloseTo(25, 9);
  });
});

describe('estimatePerVideoEarnings', () => {
  it('derives views from likes when views are unknown', () => {
    // 5,000 likes per video × 10 views per like = 50,000 views
    // Creator Rewards: 50 × $0.40 / $0.70 / $1.00 = $20 / $35 / $50
    // engagement 5,000 / 100,000 = 5% vs typical 2.5% for 100K–1M → ratio 2, the cap
    // sponsored: mid-tier (50K–500K) $125–$3,000, likely price $600 × 2 = $1,200
    const result = estimatePerVideoEarnings({ followers: 100_000, hearts: 2_000_000, videos: 400 });
    expect(result).not.toBeNull();
    if (!result) return;
    expect(result.basis).toBe('likes');
    expect(result.basisLabel).toMatch(/1 like per 10 views/);
    expect(result.viewsPerVideo).toBe(50_000);
    expect(result.viewsPerLike).toBe(10);
    expectRange(result.rpmUsd, { low: 0.4, mid: 0.7, high: 1 });
    expect(result.creatorRewardsEligible).toBe(true);
    expectRange(result.creatorRewards, { low: 20, mid: 35, high: 50 });
    expect(result.engagementFactor).toBe(2);
    expect(result.sponsoredTier).toEqual({ id: 'mid-tier', minFollowers: 50_000, maxFollowers: 500_000, usd: { low: 125, mid: 600, high: 3_000 } });
    expectRange(result.sponsoredPost, { low: 125, mid: 1_200, high: 3_000 });
    expectRange(result.total, { low: 145, mid: 1_235, high: 3_050 });
  });

  it('prices a sponsored video from the follower tier, not at cents per follower (issue 19)', () => {
    // 313K followers, 31,333 likes per video: the page used to say "Earnings / video $6,329–$15.8K",
    // 313 × $10–$25 × 2. The published mid-tier range is $125–$3,000 per sponsored video.
    const result = estimatePerVideoEarnings({ followers: 313_000, hearts: 9_400_000, videos: 300 });
    expect(result?.sponsoredTier?.id).toBe('mid-tier');
    expect(result?.sponsoredPost.low).toBe(125);
    expect(result?.sponsoredPost.high).toBe(3_000);
    // Creator Rewards stay their own figure: 313,333 views × $0.40–$1.00 per 1,000 ≈ $125–$313.
    expect(result?.creatorRewards.low).toBeCloseTo(125.33, 1);
    expect(result?.creatorRewards.high).toBeCloseTo(313.33, 1);
  });

  it('uses average views when known', () => {
    // Creator Rewards: 80,000 views → 80 × $0.40 / $0.70 / $1.00 = $32 / $56 / $80
    // engagement 2,000 / 50,000 = 4% = typical 4% for 10K–100K → factor 1
    // sponsored: 50,000 followers is mid-tier → $125 / $600 / $3,000
    const result = estimatePerVideoEarnings({ followers: 50_000, hearts: 1_000_000, videos: 500, avgViews: 80_000 });
    expect(result?.basis).toBe('views');
    expect(result?.basisLabel).toBe('from average views per video');
    expect(result?.engagementFactor).toBeCloseTo(1, 9);
    expectRange(result?.creatorRewards ?? ZERO, { low: 32, mid: 56, high: 80 });
    expectRange(result?.sponsoredPost ?? ZERO, { low: 125, mid: 600, high: 3_000 });
  });

  it('gives no Creator Rewards below 10,000 followers', () => {
    // engagement 3,000 / 5,000 = 60% vs typical 6% → ratio 10, capped at 2
    // sponsored: nano $5–$75, likely $20 × 2 = $40
    const result = estimatePerVideoEarnings({ followers: 5_000, hearts: 300_000, videos: 100 });
    expect(result?.creatorRewardsEligible).toBe(false);
    expectRange(result?.creatorRewards ?? { low: 1, mid: 1, high: 1 }, ZERO);
    expectRange(result?.sponsoredPost ?? ZERO, { low: 5, mid: 40, high: 75 });
  });

  it('halves the likely sponsored price at most for weak engagement, staying inside the range', () => {
    // engagement 2,000 / 2,000,000 = 0.1% vs typical 1.5% → ratio 0.067, floored at 0.5
    // sponsored: mega $2,500–$25,000, likely $8,000 × 0.5 = $4,000
    // Creator Rewards: 2,000 × 10 = 20,000 views → 20 × $0.40 / $0.70 / $1.00 = $8 / $14 / $20
    const result = estimatePerVideoEarnings({ followers: 2_000_000n, hearts: 2_000_000n, videos: 1_000n });
    expect(result?.engagementFactor).toBe(0.5);
    expectRange(result?.sponsoredPost ?? ZERO, { low: 2_500, mid: 4_000, high: 25_000 });
    expectRange(result?.creatorRewards ?? ZERO, { low: 8, mid: 14, high: 20 });
    // A nano account at twice typical engagement: $20 × 2 = $40, inside $5–$75; a tier whose mid
    // would leave the range is held at its edge.
    const edge = estimatePerVideoEarnings({ followers: 5_000, hearts: 300_000, videos: 100 }, { sponsoredPostTiers: [{ id: 'nano', minFollowers: 1_000, usd: { low: 5, mid: 60, high: 75 } }] });
    expectRange(edge?.sponsoredPost ?? ZERO, { low: 5, mid: 75, high: 75 });
  });

  it('accepts rate overrides', () => {
    // 5,000 likes × 20 views per like = 100,000 views × $1 RPM = $100 at every point
    const result = estimatePerVideoEarnings(
      { followers: 100_000, hearts: 2_000_000, videos: 400 },
      { viewsPerLike: 20, creatorRewardsRpmUsd: { low: 1, mid: 1, high: 1 } },
    );
    expect(result?.basisLabel).toMatch(/1 like per 20 views/);
    expectRange(result?.creatorRewards ?? ZERO, { low: 100, mid: 100, high: 100 });
  });

  it('handles missing videos and zero followers', () => {
    expect(estimatePerVideoEarnings({ followers: 10_000, hearts: 0, videos: 0 })).toBeNull();
    // views known without videos: factor stays 1; 10 × RPM = $4 / $7 / $10; micro tier $25 / $95 / $350
    const viewsOnly = estimatePerVideoEarnings({ followers: 20_000, hearts: 0, videos: 0, avgViews: 10_000 });
    expect(viewsOnly?.engagementFactor).toBe(1);
    expectRange(viewsOnly?.creatorRewards ?? ZERO, { low: 4, mid: 7, high: 10 });
    expectRange(viewsOnly?.sponsoredPost ?? ZERO, { low: 25, mid: 95, high: 350 });
    // no followers: not eligible for Creator Rewards and nothing to sponsor
    const noFollowers = estimatePerVideoEarnings({ followers: 0, hearts: 100, videos: 10 });
    expect(noFollowers?.sponsoredTier).toBeNull();
    expectRange(noFollowers?.total ?? { low: 1, mid: 1, high: 1 }, ZERO);
    expect(estimatePerVideoEarnings({ followers: Number.NaN, hearts: 100, videos: 10 })?.sponsoredPost).toEqual(ZERO);
  });
});

describe('sponsoredTier', () => {
  it('follows the survey tiers: none below 1,000 followers, open-ended at the top', () => {
    expect(sponsoredTier(999)).toBeNull();
    expect(sponsoredTier(-5)).toBeNull();
    expect(sponsoredTier(1_000)?.id).toBe('nano');
    expect(sponsoredTier(49_999)).toMatchObject({ id: 'micro', minFollowers: 10_000, maxFollowers: 50_000 });
    expect(sponsoredTier(500_000)?.id).toBe('macro');
    expect(sponsoredTier(25_000_000n)).toMatchObject({ id: 'top', maxFollowers: null });
  });

  it('keeps every range ordered, rising with the tier, and at the published low ends', () => {
    // Influencer Marketing Hub's TikTok rates (2024): $5, $25, $125, $1,250 and $2,500 per post at the
    // bottom of nano, micro, mid-tier, macro and mega.
    expect(SPONSORED_POST_TIERS.slice(0, 5).map((tier) => tier.usd.low)).toEqual([5, 25, 125, 1_250, 2_500]);
    SPONSORED_POST_TIERS.forEach((tier, i) => {
      expect(tier.usd.low).toBeLessThanOrEqual(tier.usd.mid);
      expect(tier.usd.mid).toBeLessThanOrEqual(tier.usd.high);
      const previous = SPONSORED_POST_TIERS[i - 1];
      if (previous) {
        expect(tier.minFollowers).toBeGreaterThan(previous.minFollowers);
        expect(tier.usd.low).toBeGreaterThanOrEqual(previous.usd.low);
        expect(tier.usd.high).toBeGreaterThanOrEqual(previous.usd.high);
      }
    });
  });
});
