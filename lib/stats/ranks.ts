// Ranks among every account LiveLens has stored, Social Blade style: by followers, likes, engagement or
// LIVE earnings, overall or within one region, with the change since a week earlier. Pure: the figures
// for now and for a week ago come from lib/stats/rank-data.ts.

import type { Platform } from '@/lib/platforms/events';

export const RANK_METRICS = ['followers', 'likes', 'engagement', 'earnings'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** What each platform's channels can be ranked by: Bilibili's room API gives followers but no likes or
 * videos, so its channels rank by followers and by the gold LiveLens saw them receive. */
export const PLATFORM_RANK_METRICS: Readonly<Record<Platform, readonly RankMetric[]>> = Object.freeze({
  tiktok: RANK_METRICS,
  bilibili: ['followers', 'earnings'],
});

/** One account's figures; null where there is nothing to rank it by (no snapshot then, no lives seen). */
export type RankFigures = { followers: number | null; likes: number | null; engagement: number | null; liveDiamonds: number | null };
export type RankInput = { accountId: string; region: string | null; now: RankFigures; weekAgo: RankFigures | null };
/** `change`: places gained since a week ago (negative: lost); null when it was not ranked then. */
export type RankedAccount = { accountId: string; rank: number; value: number; previousRank: number | null; change: number | null };

function valueOf(figures: RankFigures, metric: RankMetric): number | null {
  switch (metric) {
    case 'followers':
      return figures.followers;
    case 'likes':
      return figures.likes;
    case 'engagement':
      return figures.engagement;
    case 'earnings':
      // Only accounts LiveLens has seen earn on a LIVE are ranked: zero is "not watched", not last place.
      return figures.liveDiamonds !== null && figures.liveDiamonds > 0 ? figures.liveDiamonds : null;
  }
}

/** `metric`'s value in `figures` when it ranks the account by it; null when it leaves the account out. */
function rankValue(figures: RankFigures | null, metric: RankMetric): number | null {
  const value = figures ? valueOf(figures, metric) : null;
  return value === null || !Number.isFinite(value) ? null : value;
}

/**
 * Competition ranks (1, 2, 2, 4: ties share a place), highest value first; ties are listed by account
 * id so pages stay stable. Accounts without a value are left out.
 */
function competitionRanks(entries: { accountId: string; value: number }[]): Map<string, { rank: number; value: number }> {
  const sorted = [...entries].sort((a, b) => b.value - a.value || (a.accountId < b.accountId ? -1 : 1));
  const ranks = new Map<string, { rank: number; value: number }>();
  sorted.forEach((entry, index) => {
    const previous = sorted[index - 1];
    const rank = previous && previous.value === entry.value ? ranks.get(previous.accountId)!.rank : index + 1;
    ranks.set(entry.accountId, { rank, value: entry.value });
  });
  return ranks;
}

/** The accounts (of `region` when given) ranked by `metric`, best first, with their change since a week ago. */
export function rankAccounts(inputs: readonly RankInput[], metric: RankMetric, region: string | null = null): RankedAccount[] {
  const pool = region ? inputs.filter((i) => i.region === region) : inputs;
  const collect = (pick: (i: RankInput) => RankFigures | null) =>
    pool.flatMap((i) => {
      const value = rankValue(pick(i), metric);
      return value === null ? [] : [{ accountId: i.accountId, value }];
    });
  const current = competitionRanks(collect((i) => i.now));
  const before = competitionRanks(collect((i) => i.weekAgo));
  return [...current.entries()]
    .map(([accountId, { rank, value }]) => {
      const previousRank = before.get(accountId)?.rank ?? null;
      return { accountId, rank, value, previousRank, change: previousRank === null ? null : previousRank - rank };
    })
    .sort((a, b) => a.rank - b.rank || (a.accountId < b.accountId ? -1 : 1));
}

/** Whether rankAccounts(inputs, metric, region) ranks anyone, found without ranking (it stops at the first). */
export function ranksAnyone(inputs: readonly RankInput[], metric: RankMetric, region: string | null = null): boolean {
  return inputs.some((i) => (!region || i.region === region) && rankValue(i.now, metric) !== null);
}

/** The regions present, most accounts first (ties alphabetically), for the region choice. */
export function rankRegions(inputs: readonly RankInput[]): { region: string; accounts: number }[] {
  const counts = new Map<string, number>();
  for (const i of inputs) if (i.region) counts.set(i.region, (counts.get(i.region) ?? 0) + 1);
  return [...counts.entries()].map(([region, accounts]) => ({ region, accounts })).sort((a, b) => b.accounts - a.accounts || a.region.localeCompare(b.region));
}
