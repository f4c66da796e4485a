import { describe, expect, it } from 'vitest';
import {
  buildDistribution,
  computeRating,
  MIN_ACCOUNTS_FOR_PERCENTILES,
  percentileRank,
  type RatingDistributions,
  type RatingMetrics,
} from '@/lib/stats/rating';

const tenSteps = (step: number, start = step) => Array.from({ length: 10 }, (_, i) => start + i * step);

// Ten accounts per metric, enough for percentiles.
const DISTRIBUTIONS: RatingDistributions = {
  followers: tenSteps(100), // 100, 200, …, 1,000
  hearts: tenSteps(1_000), // 1,000, 2,000, …, 10,000
  engagement: tenSteps(1), // 1, 2, …, 10
  liveDiamonds30d: tenSteps(10, 0), // 0, 10, …, 90
};

const EMPTY: RatingDistributions = { followers: [], engagement: [], liveDiamonds30d: [] };

const ACCOUNT: RatingMetrics = { followers: 750, hearts: 5_000, engagementPercent: 8, liveDiamonds30d: 95 };

function partOf(rating: ReturnType<typeof computeRating>, key: string) {
  const part = rating.parts.find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return part;
}

describe('percentileRank', () => {
  it('counts ties as half (mid-rank)', () => {
    // 1 below, 3 equal: (1 + 1.5) / 5 = 50%
    expect(percentileRank([1, 2, 2, 2, 3], 2)).toBe(50);
    expect(percentileRank([5, 5, 5], 5)).toBe(50);
    // 2 below, 0 equal: 2 / 4 = 50%
    expect(percentileRank([1, 2, 3, 4], 2.5)).toBe(50);
  });

  it('runs from 0 below everything to 100 above everything', () => {
    expect(percentileRank([1, 2, 3], 0)).toBe(0);
    expect(percentileRank([1, 2, 3], 4)).toBe(100);
    expect(percentileRank([], 1)).toBeNull();
  });
});

describe('buildDistribution', () => {
  it('drops invalid values and sorts ascending', () => {
    expect(buildDistribution([5, 3n, null, -1, Number.NaN, undefined, 10, 0])).toEqual([0, 3, 5, 10]);
  });
});

describe('computeRating with percentiles', () => {
  it('weights the four percentiles', () => {
    // reach: 750 beats 7 of 10 → 70%; likes: 5,000 has 4 below and 1 equal → (4 + 0.5) / 10 = 45%
    // engagement: 8 has 7 below and 1 equal → 75%; LIVE: 95 beats all 10 → 100%
    // score = 0.3 × 70 + 0.1 × 45 + 0.3 × 75 + 0.3 × 100 = 21 + 4.5 + 22.5 + 30 = 78
    const rating = computeRating(ACCOUNT, DISTRIBUTIONS);
    expect(rating.score).toBe(78);
    expect(rating.parts.map((p) => [p.key, p.weight, p.percentile, p.contribution, p.basis])).toEqual([
      ['reach', 0.3, 70, 21, 'percentile'],
      ['likes', 0.1, 45, 4.5, 'percentile'],
      ['engagement', 0.3, 75, 22.5, 'percentile'],
      ['live', 0.3, 100, 30, 'percentile'],
    ]);
    // each part has its own note (the page words it), with the percentile floored and the accounts compared
    expect(rating.parts.map((p) => p.note)).toEqual([
      { key: 'reachPercentile', values: { below: 70, accounts: 10 } },
      { key: 'likesPercentile', values: { below: 45, accounts: 10 } },
      { key: 'engagementPercentile', values: { below: 75, accounts: 10 } },
      { key: 'livePercentile', values: { below: 100, accounts: 10, unit: 'diamonds' } },
    ]);
    expect(rating.fixedScale).toBe(false);
  });

  it('shares the LIVE weight among the other parts when there is no LIVE data', () => {
    // weights become 0.3 / 0.7, 0.1 / 0.7, 0.3 / 0.7 = 42.9%, 14.3%, 42.9%
    // score = (21 + 4.5 + 22.5) / 0.7 = 48 / 0.7 = 68.57 → 69
    const rating = computeRating({ ...ACCOUNT, liveDiamonds30d: null }, DISTRIBUTIONS);
    expect(rating.score).toBe(69);
    expect(partOf(rating, 'reach').weight).toBeCloseTo(3 / 7, 12);
    expect(partOf(rating, 'likes').weight).toBeCloseTo(1 / 7, 12);
    expect(partOf(rating, 'live')).toEqual({ key: 'live', weight: 0, percentile: null, contribution: 0, basis: 'missing', note: { key: 'liveMissing', values: { unit: 'diamonds' } } });
    expect(partOf(rating, 'reach')).toMatchObject({ contribution: 30, note: { key: 'reachPercentile', values: { below: 70, accounts: 10 } } });
  });

  it('treats an untracked account as neutral: no better or worse than a tracked one at the median', () => {
    // every part at the 50th percentile (5.5 has 5 of 1…10 below it): leaving LIVE out must not move the score
    const flat: RatingDistributions = { followers: tenSteps(1), hearts: tenSteps(1), engagement: tenSteps(1), liveDiamonds30d: tenSteps(1) };
    const tracked = computeRating({ followers: 5.5, hearts: 5.5, engagementPercent: 5.5, liveDiamonds30d: 5.5 }, flat);
    const untracked = computeRating({ followers: 5.5, hearts: 5.5, engagementPercent: 5.5, liveDiamonds30d: null }, flat);
    expect(tracked.score).toBe(50);
    expect(untracked.score).toBe(50);
  });

  it('leaves out engagement when it is unknown', () => {
    // weights 0.3 / 0.7, 0.1 / 0.7, 0.3 / 0.7: (21 + 4.5 + 30) / 0.7 = 79.29 → 79
    const rating = computeRating({ ...ACCOUNT, engagementPercent: null }, DISTRIBUTIONS);
    expect(rating.score).toBe(79);
    expect(partOf(rating, 'engagement').basis).toBe('missing');
    expect(partOf(rating, 'engagement').note).toEqual({ key: 'engagementMissing', values: {} });
  });

  it('uses the fixed scale for likes when no hearts distribution is given', () => {
    // likes: log10(5,000) − log10(1,000) = 0.699 of 5 decades → 13.98; 0.1 × 13.98 = 1.4
    // score = 21 + 1.4 + 22.5 + 30 = 74.9 → 75
    const { hearts: _hearts, ...withoutHearts } = DISTRIBUTIONS;
    const rating = computeRating(ACCOUNT, withoutHearts);
    expect(rating.score).toBe(75);
    expect(partOf(rating, 'likes')).toMatchObject({ basis: 'fixed-scale', percentile: 14, contribution: 1.4 });
    expect(partOf(rating, 'likes').note).toEqual({ key: 'likesScale', values: { value: 5_000, score: 14, from: 1_000, to: 100_000_000 } });
    expect(partOf(rating, 'reach').note.key).toBe('reachPercentile');
    expect(rating.fixedScale).toBe(true);
  });

  it('floors the percentile in the explanation so the top account never reads "more than 100%" by rounding', () => {
    // 1,204 accounts with followers 1…1,204; an account tied with the top: (1,203 + 0.5) / 1,204 = 99.96%
    const followers = Array.from({ length: 1_204 }, (_, i) => i + 1);
    const rating = computeRating({ ...ACCOUNT, followers: 1_204 }, { ...DISTRIBUTIONS, followers });
    expect(partOf(rating, 'reach').note).toEqual({ key: 'reachPercentile', values: { below: 99, accounts: 1_204 } });
    expect(partOf(rating, 'reach').percentile).toBe(100);
  });
});

describe('computeRating notes', () => {
  it('gives every part a note of its own, named after the part', () => {
    const cases = [
      computeRating(ACCOUNT, DISTRIBUTIONS),
      computeRating(ACCOUNT, EMPTY),
      computeRating({ ...ACCOUNT, engagementPercent: null, liveDiamonds30d: null }, DISTRIBUTIONS),
    ];
    for (const rating of cases) {
      const keys = rating.parts.map((p) => p.note.key);
      expect(new Set(keys).size).toBe(4);
      for (const part of rating.parts) expect(part.note.key.startsWith(part.key)).toBe(true);
    }
    expect(cases[2]?.parts.map((p) => p.note.key)).toEqual(['reachPercentile', 'likesPercentile', 'engagementMissing', 'liveMissing']);
  });

  it('names the top band without an upper bound on the engagement scale', () => {
    const rating = computeRating({ followers: 20_000_000, hearts: 0, engagementPercent: 0.5, liveDiamonds30d: null }, EMPTY);
    expect(partOf(rating, 'engagement').note).toEqual({
      key: 'engagementScale',
      values: { engagement: 0.5, typical: 1, ratio: 0.5, score: 25, bandFrom: 10_000_000, bandTo: null },
    });
  });
});

describe('computeRating on a fresh install', () => {
  it('falls back to fixed scales when there are no stored accounts', () => {
    // reach: 1M followers, log10 6 on the 2…7 scale → (6 − 2) / 5 = 80
    // likes: 10M hearts, log10 7 on the 3…8 scale → 80
    // engagement: 3% vs typical 1.5% for 1M–10M → ratio 2 → 100
    // LIVE: 100,000 diamonds, log10 5 on the 2…7 scale → 60
    // score = 0.3 × 80 + 0.1 × 80 + 0.3 × 100 + 0.3 × 60 = 24 + 8 + 30 + 18 = 80
    const rating = computeRating({ followers: 1_000_000, hearts: 10_000_000n, engagementPercent: 3, liveDiamonds30d: 100_000 }, EMPTY);
    expect(rating.score).toBe(80);
    expect(rating.parts.map((p) => [p.percentile, p.basis])).toEqual([
      [80, 'fixed-scale'],
      [80, 'fixed-scale'],
      [100, 'fixed-scale'],
      [60, 'fixed-scale'],
    ]);
    expect(rating.fixedScale).toBe(true);
    expect(rating.parts.map((p) => p.note)).toEqual([
      { key: 'reachScale', values: { value: 1_000_000, score: 80, from: 100, to: 10_000_000 } },
      { key: 'likesScale', values: { value: 10_000_000, score: 80, from: 1_000, to: 100_000_000 } },
      { key: 'engagementScale', values: { engagement: 3, typical: 1.5, ratio: 2, score: 100, bandFrom: 1_000_000, bandTo: 10_000_000 } },
      { key: 'liveScale', values: { value: 100_000, score: 60, from: 100, to: 10_000_000, unit: 'diamonds' } },
    ]);
  });

  it('keeps the fixed scale until there are enough accounts', () => {
    const few = tenSteps(100).slice(0, MIN_ACCOUNTS_FOR_PERCENTILES - 1);
    expect(partOf(computeRating(ACCOUNT, { ...DISTRIBUTIONS, followers: few }), 'reach').basis).toBe('fixed-scale');
    expect(partOf(computeRating(ACCOUNT, DISTRIBUTIONS), 'reach').basis).toBe('percentile');
  });

  it('scores an empty account 0', () => {
    expect(computeRating({ followers: 0, hearts: 0, engagementPercent: 0, liveDiamonds30d: 0 }, EMPTY).score).toBe(0);
  });
});

// A fixed-seed generator, so the property checks below run the same cases every time.
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('computeRating properties', () => {
  const followerSteps = [0, 1, 99, 100, 101, 150, 999, 1_000, 5_000, 9_999, 10_000, 100_000, 999_999, 1_000_000, 9_999_999, 1e7, 1e8, 1e9];

  it('never lowers the score when followers grow, all else equal', () => {
    for (const distributions of [DISTRIBUTIONS, EMPTY]) {
      for (const base of [ACCOUNT, { ...ACCOUNT, liveDiamonds30d: null }, { ...ACCOUNT, engagementPercent: null }]) {
        const scores = followerSteps.map((followers) => computeRating({ ...base, followers }, distributions).score);
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1] ?? 0);
      }
    }
  });

  it('keeps every score an integer from 0 to 100 and never lowers it for more followers (random accounts)', () => {
    const random = createRandom(20_240_601);
    const logRandom = (decades: number) => Math.floor(10 ** (random() * decades));
    const stored = Array.from({ length: 200 }, () => ({ followers: logRandom(9), engagement: random() * 20, live: logRandom(7) }));
    const distributions: RatingDistributions = {
      followers: buildDistribution(stored.map((s) => s.followers)),
      engagement: buildDistribution(stored.map((s) => s.engagement)),
      liveDiamonds30d: buildDistribution(stored.map((s) => s.live)),
    };
    for (let i = 0; i < 300; i++) {
      const metrics: RatingMetrics = {
        followers: logRandom(9),
        hearts: logRandom(11),
        engagementPercent: random() < 0.1 ? null : random() * 25,
        liveDiamonds30d: random() < 0.3 ? null : logRandom(8),
      };
      for (const comparison of [distributions, EMPTY]) {
        const rating = computeRating(metrics, comparison);
        expect(Number.isInteger(rating.score)).toBe(true);
        expect(rating.score).toBeGreaterThanOrEqual(0);
        expect(rating.score).toBeLessThanOrEqual(100);
        const more = computeRating({ ...metrics, followers: Number(metrics.followers) * 3 + 1 }, comparison);
        expect(more.score).toBeGreaterThanOrEqual(rating.score);
      }
    }
  });

  it('stays within 0–100 for extreme and invalid inputs', () => {
    const extremes: RatingMetrics[] = [
      { followers: Number.NaN, hearts: -5, engagementPercent: Number.NaN, liveDiamonds30d: -1 },
      { followers: Number.POSITIVE_INFINITY, hearts: 10n ** 30n, engagementPercent: Number.POSITIVE_INFINITY, liveDiamonds30d: 10n ** 25n },
      { followers: 10n ** 20n, hearts: 10n ** 20n, engagementPercent: 1e9, liveDiamonds30d: 10n ** 20n },
      { followers: -1n, hearts: 0, engagementPercent: -3, liveDiamonds30d: null },
    ];
    for (const metrics of extremes) {
      for (const distributions of [DISTRIBUTIONS, EMPTY]) {
        const { score, parts } = computeRating(metrics, distributions);
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        for (const part of parts) expect(part.percentile === null || (part.percentile >= 0 && part.percentile <= 100)).toBe(true);
      }
    }
    // huge counts top every part, in both modes
    expect(computeRating(extremes[2] ?? ACCOUNT, DISTRIBUTIONS).score).toBe(100);
    expect(computeRating(extremes[2] ?? ACCOUNT, EMPTY).score).toBe(100);
  });

  it('is deterministic and does not modify its inputs', () => {
    const frozen: RatingDistributions = {
      followers: Object.freeze([...DISTRIBUTIONS.followers]),
      hearts: Object.freeze([...(DISTRIBUTIONS.hearts ?? [])]),
      engagement: Object.freeze([...DISTRIBUTIONS.engagement]),
      liveDiamonds30d: Object.freeze([...DISTRIBUTIONS.liveDiamonds30d]),
    };
    const first = computeRating(ACCOUNT, frozen);
    const second = computeRating({ ...ACCOUNT }, frozen);
    expect(second).toEqual(first);
    expect(frozen.followers).toEqual(DISTRIBUTIONS.followers);
  });
});

describe('computeRating for a Bilibili channel', () => {
  // Bilibili's room API gives followers but no likes or videos: Reach and LIVE (gold) only.
  const BILIBILI: RatingMetrics = { platform: 'bilibili', followers: 750, hearts: null, engagementPercent: null, liveDiamonds30d: 95 };

  it('rates reach and LIVE gold only, the likes and engagement weight shared between them', () => {
    const rating = computeRating(BILIBILI, DISTRIBUTIONS);
    expect(rating.unit).toBe('gold');
    expect(partOf(rating, 'likes')).toMatchObject({ basis: 'missing', weight: 0, percentile: null, note: { key: 'likesUnavailable', values: { platform: 'bilibili' } } });
    expect(partOf(rating, 'engagement')).toMatchObject({ basis: 'missing', weight: 0, note: { key: 'engagementUnavailable', values: { platform: 'bilibili' } } });
    // 0.3 and 0.3 of the 0.6 left: half each. Reach 70th percentile, LIVE 100th: 35 + 50.
    expect(partOf(rating, 'reach').weight).toBeCloseTo(0.5);
    expect(partOf(rating, 'live')).toMatchObject({ percentile: 100, contribution: 50, note: { key: 'livePercentile', values: { below: 100, accounts: 10, unit: 'gold' } } });
    expect(rating.score).toBe(85);
  });

  it('ignores likes and engagement figures passed for a platform that has none', () => {
    const withFigures = computeRating({ ...BILIBILI, hearts: 1_000_000, engagementPercent: 50 }, DISTRIBUTIONS);
    expect(withFigures).toEqual(computeRating(BILIBILI, DISTRIBUTIONS));
  });

  it('puts gold on its own fixed scale: ¥5 paid scores 0, ¥500,000 scores 100', () => {
    const gold = (value: number) => partOf(computeRating({ ...BILIBILI, liveDiamonds30d: value }, EMPTY), 'live');
    expect(gold(5_000).percentile).toBe(0);
    expect(gold(500_000_000).percentile).toBe(100);
    expect(gold(5_000_000)).toMatchObject({ percentile: 60, basis: 'fixed-scale', note: { key: 'liveScale', values: { value: 5_000_000, score: 60, from: 5_000, to: 500_000_000, unit: 'gold' } } });
    // On the diamond scale the same number scores 94.
    expect(partOf(computeRating({ ...ACCOUNT, liveDiamonds30d: 5_000_000 }, EMPTY), 'live').percentile).toBe(94);
  });

  it('leaves LIVE out, in gold words, for a channel LiveLens has not watched', () => {
    const rating = computeRating({ ...BILIBILI, liveDiamonds30d: null }, DISTRIBUTIONS);
    expect(partOf(rating, 'live')).toMatchObject({ basis: 'missing', note: { key: 'liveMissing', values: { unit: 'gold' } } });
    expect(partOf(rating, 'reach').weight).toBe(1);
    expect(rating.score).toBe(70);
  });
});
