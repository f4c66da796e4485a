// The public lists: accounts looked up recently, trending lookups, and the top lists of /top per platform
// (computed by the worker's top-lists job, lib/stats/top-lists.ts).
import 'server-only';
import { db } from '@/lib/db';
import { estimateValueUsd } from '@/lib/dashboard/value';
import type { Platform } from '@/lib/platforms/events';
import type { UsdRange } from '@/lib/stats/estimates';

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
/** The platforms /top lists, in the order its switch shows them (the first is the default). */
export const TOP_PLATFORMS = ['tiktok', 'bilibili'] as const satisfies readonly Platform[];

// `value` is in the platform's own unit (VALUE_UNIT: TikTok diamonds, Bilibili gold); `earnings` its
// worth to the creator in USD (TikTok's at the configured diamond rate, as /top always showed).
export type TopCreator = { rank: number; platform: Platform; handle: string; nickname: string | null; avatarUrl: string | null; verified: boolean; value: number; earnings: UsdRange; lives: number; hoursLive: number };
export type TopGifter = { rank: number; handle: string | null; nickname: string | null; avatarUrl: string | null; value: number; streamers: number };
export type Page<T> = { items: T[]; page: number; pages: number; total: number; computedAt: string | null };

export async function topCreators(platform: Platform, period: 7 | 30, page: number): Promise<Page<TopCreator>> {
  const where = { platform, period };
  const [total, rows] = await Promise.all([
    db.topCreatorEntry.count({ where }),
    db.topCreatorEntry.findMany({ where, orderBy: { rank: 'asc' }, skip: (page - 1) * TOP_PAGE_SIZE, take: TOP_PAGE_SIZE, include: { account: true } }),
  ]);
  return {
    items: rows.map((r) => ({
      rank: r.rank,
      platform: r.platform,
      handle: r.account.handle,
      nickname: r.account.nickname,
      avatarUrl: r.account.avatarUrl,
      verified: r.account.verified,
      value: Number(r.diamonds),
      earnings: estimateValueUsd(r.platform, r.diamonds),
      lives: r.lives,
      hoursLive: Math.round(r.hoursLive * 10) / 10,
    })),
    page,
    pages: Math.max(1, Math.ceil(total / TOP_PAGE_SIZE)),
    total,
    computedAt: rows[0]?.computedAt.toISOString() ?? null,
  };
}

export async function topGifters(platform: Platform, period: 7 | 30, page: number): Promise<Page<TopGifter>> {
  const [total, rows] = await Promise.all([
    db.topGifterEntry.count({ where: { platform, period } }),
    db.$queryRaw<{ rank: number; handle: string | null; nickname: string | null; avatar_url: string | null; diamonds: bigint; streamers: number; computed_at: Date }[]>`
      SELECT t.rank, v.handle, v.nickname, v.avatar_url, t.diamonds, t.streamers, t.computed_at
      FROM top_gifter_entries t JOIN viewers v ON v.id = t.viewer_id
      WHERE t.platform = ${platform}::platform AND t.period = ${period} ORDER BY t.rank LIMIT ${TOP_PAGE_SIZE} OFFSET ${(page - 1) * TOP_PAGE_SIZE}`,
  ]);
  return {
    items: rows.map((r) => ({ rank: r.rank, handle: r.handle, nickname: r.nickname, avatarUrl: r.avatar_url, value: Number(r.diamonds), streamers: r.streamers })),
    page,
    pages: Math.max(1, Math.ceil(total / TOP_PAGE_SIZE)),
    total,
    computedAt: rows[0]?.computed_at.toISOString() ?? null,
  };
}
