import { describe, expect, it } from 'vitest';
import { rankAccounts, ranksAnyone, rankRegions, type RankFigures, type RankInput } from '@/lib/stats/ranks';

const figures = (followers: number, extra: Partial<RankFigures> = {}): RankFigures => ({ followers, likes: followers * 10, engagement: null, liveDiamonds: null, ...extra });
const input = (accountId: string, region: string | null, now: RankFigures, weekAgo: RankFigures | null = null): RankInput => ({ accountId, region, now, weekAgo });

describe('rankAccounts', () => {
  const inputs = [
    input('a', 'TH', figures(500), figures(100)),
    input('b', 'US', figures(300), figures(300)),
    input('c', 'TH', figures(300), figures(200)),
    input('d', 'US', figures(900)),
    input('e', null, figures(50), figures(400)),
  ];

  it('ranks highest first, ties sharing a place, with places gained or lost since a week ago', () => {
    expect(rankAccounts(inputs, 'followers')).toEqual([
      { accountId: 'd', rank: 1, value: 900, previousRank: null, change: null },
      { accountId: 'a', rank: 2, value: 500, previousRank: 4, change: 2 },
      { accountId: 'b', rank: 3, value: 300, previousRank: 2, change: -1 },
      { accountId: 'c', rank: 3, value: 300, previousRank: 3, change: 0 },
      { accountId: 'e', rank: 5, value: 50, previousRank: 1, change: -4 },
    ]);
  });

  it('ranks within a region against that region only, then and now', () => {
    expect(rankAccounts(inputs, 'likes', 'TH').map((r) => [r.accountId, r.rank, r.value, r.change])).toEqual([
      ['a', 1, 5000, 1],
      ['c', 2, 3000, -1],
    ]);
  });

  it('leaves out accounts with nothing to rank by: no engagement, no LIVE earnings seen', () => {
    const live = [
      input('x', null, figures(1, { liveDiamonds: 0, engagement: 3.5 })),
      input('y', null, figures(1, { liveDiamonds: 1200, engagement: null }), figures(1, { liveDiamonds: 10 })),
      input('z', null, figures(1, { liveDiamonds: 800, engagement: 7 }), figures(1, { liveDiamonds: 90 })),
    ];
    expect(rankAccounts(live, 'earnings').map((r) => [r.accountId, r.rank, r.change])).toEqual([
      ['y', 1, 1],
      ['z', 2, -1],
    ]);
    expect(rankAccounts(live, 'engagement').map((r) => r.accountId)).toEqual(['z', 'x']);
  });
});

describe('ranksAnyone', () => {
  it('says whether rankAccounts would rank anyone, for each metric and region', () => {
    const inputs = [
      input('x', 'TH', figures(1, { liveDiamonds: 0, engagement: Number.NaN })),
      input('y', 'US', figures(2, { liveDiamonds: 500 })),
      input('z', null, figures(3, { engagement: 4 })),
    ];
    for (const metric of ['followers', 'likes', 'engagement', 'earnings'] as const) {
      for (const region of [null, 'TH', 'US', 'DE']) {
        expect(ranksAnyone(inputs, metric, region), `${metric} in ${region}`).toBe(rankAccounts(inputs, metric, region).length > 0);
      }
    }
    // Among them: earnings in Thailand (a zero is "not watched"), engagement in the US, anything in Germany.
    expect(ranksAnyone(inputs, 'earnings', 'TH')).toBe(false);
    expect(ranksAnyone(inputs, 'earnings', 'US')).toBe(true);
    expect(ranksAnyone(inputs, 'engagement', null)).toBe(true);
    expect(ranksAnyone(inputs, 'engagement', 'US')).toBe(false);
  });
});

describe('rankRegions', () => {
  it('lists regions by how many accounts they hold', () => {
    expect(rankRegions([input('a', 'TH', figures(1)), input('b', 'US', figures(1)), input('c', 'TH', figures(1)), input('d', null, figures(1)), input('e', 'BR', figures(1))])).toEqual([
      { region: 'TH', accounts: 2 },
      { region: 'BR', accounts: 1 },
      { region: 'US', accounts: 1 },
    ]);
  });
});
