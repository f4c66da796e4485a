// The public lists: accounts looked up recently, trending lookups, and the top lists of /top (computed
// by the worker's top-lists job).
import 'server-only';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildDiamondRate, estimateLiveEarnings, type UsdRange } from '@/lib/stats/estimates';

export type AccountChip = { handle: string; nickname: string | null; avatarUrl: string | null; verified: boolean; followers: number | null };

async function chips(where: object, orderBy: object, limit: number): Promise<AccountChip[]> {
  const rows = await db.channel.findMany({
    where: { platform: 'tiktok', lastFetchStatus: 'ok', ...where },
    orderBy,
    take: limit,
    select: { handle: true, nickname: true, avatarUrl: true, verified: true, snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1, select: { followers: true } } },
  });
  return rows.map(({ snapshots, ...a }) => ({ ...a, followers: snapshots[0] ? Number(snapshots[0].followers) : null }));
}

export function recentLookups(limit = 8): Promise<AccountChip[]> {
  return chips({ lastLookedUpAt: { not: null } }, { lastLookedUpAt: 'desc' }, limit);
}

export function trendingLookups(limit = 8, now = new Date()): Promise<AccountChip[]> {
  return chips({ lastLookedUpAt: { gte: new Date(now.getTime() - 7 * 86_400_000) } }, [{ lookups: 'desc' }, { lastLookedUpAt: 'desc' }], limit);
}

export const TOP_PAGE_SIZE = 20;

export type TopCreator = { rank: number; handle: string; nickname: string | null; avatarUrl: string | null; verified: boolean; diamonds: number; earnings: UsdRange; lives: number; hoursLive: number };
export type TopGifter = { rank: number; handle: string | null; nickname: string | null; avatarUrl: string | null; diamonds: number; streamers: number };
export type Page<T> = { items: T[]; page: number; pages: number; total: number; computedAt: string | null };

export async function topCreators(period: 7 | 30, page: number): Promise<Page<TopCreator>> {
  const rate = buildDiamondRate(getEnv().USD_PER_DIAMOND);
  const [total, rows] = await Promise.all([
    db.topCreatorEntry.count({ where: { period } }),
    db.topCreatorEntry.findMany({ where: { period }, orderBy: { rank: 'asc' }, skip: (page - 1) * TOP_PAGE_SIZE, take: TOP_PAGE_SIZE, include: { account: true } }),
  ]);
  return {
    items: rows.map((r) => ({
      rank: r.rank,
      handle: r.account.handle,
      nickname: r.account.nickname,
      avatarUrl: r.account.avatarUrl,
      verified: r.account.verified,
      diamonds: Number(r.diamonds),
      earnings: estimateLiveEarnings(r.diamonds, rate),
      lives: r.lives,
      hoursLive: Math.round(r.hoursLive * 10) / 10,
    })),
    page,
    pages: Math.max(1, Math.ceil(total / TOP_PAGE_SIZE)),
    total,
    computedAt: rows[0]?.computedAt.toISOString() ?? null,
  };
}

export async function topGifters(period: 7 | 30, page: number): Promise<Page<TopGifter>> {
  const [total, rows] = await Promise.all([
    db.topGifterEntry.count({ where: { period } }),
    db.$queryRaw<{ rank: number; handle: string | null; nickname: string | null; avatar_url: string | null; diamonds: bigint; streamers: number; computed_at: Date }[]>`
      SELECT t.rank, v.handle, v.nickname, v.avatar_url, t.diamonds, t.streamers, t.computed_at
      FROM top_gifter_entries t JOIN viewers v ON v.id = t.viewer_id
      WHERE t.period = ${period} ORDER BY t.rank LIMIT ${TOP_PAGE_SIZE} OFFSET ${(page - 1) * TOP_PAGE_SIZE}`,
  ]);
  return {
    items: rows.map((r) => ({ rank: r.rank, handle: r.handle, nickname: r.nickname, avatarUrl: r.avatar_url, diamonds: Number(r.diamonds), streamers: r.streamers })),
    page,
    pages: Math.max(1, Math.ceil(total / TOP_PAGE_SIZE)),
    total,
    computedAt: rows[0]?.computed_at.toISOString() ?? null,
  };
}
