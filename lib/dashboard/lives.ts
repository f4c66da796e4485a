// A streamer's lives in the dashboard: the history table, one live's totals, its per-minute series, its
// top gifters and gift breakdown. Chat search and CSV exports live beside this module and are
// re-exported here. Callers check first that the user manages the account or live (lib/dashboard/access).
//
// Totals come from the running counters on `lives` (kept by the worker), so the history table reads one
// row per live, and a live's top gifters from the worker's per-viewer counters on `live_viewers`; only a
// live's own page reads its gifts, samples and like buckets (series, gift breakdown, chat), and only from
// the live's window on (lib/live/event-window.ts), so that Postgres reads the partitions of its months alone.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import { requireWatchedLive } from '@/lib/dashboard/access';
import type { Db } from '@/lib/db';
import { eventWindowStart, liveEventWindow, type LiveRef } from '@/lib/live/event-window';
import { buildPaged, normalisePaging, type Paged } from '@/lib/dashboard/paging';
import { estimateValueUsd } from '@/lib/dashboard/value';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Platform } from '@/lib/platforms/events';
import type { UsdRange } from '@/lib/stats/estimates';

export { CHATS_PAGE_SIZE, searchChats, type ChatMessage } from '@/lib/dashboard/live-chats';
export { exportChatsCsv, exportGiftsCsv } from '@/lib/dashboard/live-export';
export type { Paged } from '@/lib/dashboard/paging';

export const LIVE_SORTS = ['started', 'duration', 'peak', 'diamonds', 'likes', 'comments', 'followers'] as const;
export type LiveSort = (typeof LIVE_SORTS)[number];
export type SortDir = 'asc' | 'desc';

export const LIVES_PAGE_SIZE = 20;
const MAX_TOP_GIFTERS = 100;
// A chart wider than this many points shows nothing more on any screen; longer lives are bucketed.
export const MAX_SERIES_POINTS = 720;
const MINUTE_MS = 60_000;
// Postgres bigint's upper bound. requireWatchedLive lets any 19 digits through, and Prisma throws (a 500)
// on a number above this instead of finding nothing.
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export type LiveTotals = {
  id: string;
  /** The platform; `diamonds` is in its unit (lib/platforms/units.ts VALUE_UNIT: Bilibili's is gold). */
  platform: Platform;
  title: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Seconds from start to end, or to now while the live runs. */
  durationSeconds: number;
  isLive: boolean;
  peakViewers: number;
  /** viewer_sum ÷ viewer_samples; null before the first sample. */
  averageViewers: number | null;
  likes: number;
  /** The live's value in the platform's unit (TikTok diamonds, Bilibili gold coins). */
  diamonds: number;
  earnings: UsdRange;
  gifts: number;
  /** Bilibili's Super Chats and guard purchases, counted apart from gifts (0 on TikTok). */
  superChats: number;
  guards: number;
  comments: number;
  followers: number;
  shares: number;
};

export type LiveSummary = LiveTotals & {
  account: { id: string; platform: Platform; handle: string; nickname: string | null; avatarUrl: string | null };
  uniqueGifters: number;
  joins: number;
  endReason: string | null;
};

export type SeriesPoint = { at: string; viewers: number | null; diamonds: number; likes: number };
/** Points are `bucketMinutes` apart; diamonds and likes are sums over each bucket, viewers its peak. */
export type LiveSeries = { bucketMinutes: number; points: SeriesPoint[] };

export type TopGifter = { viewerId: string; handle: string | null; nickname: string | null; avatarUrl: string | null; diamonds: number; gifts: number };

export type GiftBreakdownRow = { giftName: string; giftId: string; count: number; repeatTotal: number; diamonds: number; sharePercent: number };

// The counters of a live as Prisma returns them; the raw query in listLives aliases its columns to match.
type LiveCounters = {
  id: bigint;
  platform: Platform;
  title: string | null;
  startedAt: Date;
  endedAt: Date | null;
  peakViewers: number;
  viewerSamples: number;
  viewerSum: bigint;
  likes: bigint;
  diamonds: bigint;
  gifts: number;
  superChats: number;
  guards: number;
  comments: number;
  follows: number;
  shares: number;
};

function toLiveTotals(live: LiveCounters, now: Date): LiveTotals {
  const end = live.endedAt ?? now;
  return {
    id: live.id.toString(),
    platform: live.platform,
    title: live.title,
    startedAt: live.startedAt.toISOString(),
    endedAt: live.endedAt?.toISOString() ?? null,
    durationSeconds: Math.max(0, Math.round((end.getTime() - live.startedAt.getTime()) / 1000)),
    isLive: live.endedAt === null,
    peakViewers: live.peakViewers,
    averageViewers: live.viewerSamples > 0 ? Number(live.viewerSum) / live.viewerSamples : null,
    likes: Number(live.likes),
    diamonds: Number(live.diamonds),
    earnings: estimateValueUsd(live.platform, live.diamonds),
    gifts: live.gifts,
    superChats: live.superChats,
    guards: live.guards,
    comments: live.comments,
    followers: live.follows,
    shares: live.shares,
  };
}

/** requireWatchedLive (a live of an account the workspace watches, or NOT_FOUND) that also turns ids beyond
 *  the bigint range into NOT_FOUND. */
export async function requireOwnLive(db: Db, workspaceId: string, liveId: string) {
  if (/^\d{19}$/.test(liveId) && BigInt(liveId) > MAX_BIGINT) throw new AppError('NOT_FOUND', 'No such live.');
  return requireWatchedLive(db, workspaceId, liveId);
}

// Sort keys map to fixed SQL; nothing from the request reaches the ORDER BY as text.
function sortExpression(sort: LiveSort, now: Date): Prisma.Sql {
  switch (sort) {
    case 'started':
      return Prisma.sql`started_at`;
    case 'duration':
      return Prisma.sql`(COALESCE(ended_at, ${now}::timestamp) - started_at)`;
    case 'peak':
      return Prisma.sql`peak_viewers`;
    case 'diamonds':
      return Prisma.sql`diamonds`;
    case 'likes':
      return Prisma.sql`likes`;
    case 'comments':
      return Prisma.sql`comments`;
    case 'followers':
      return Prisma.sql`follows`;
  }
}

/** One account's lives, sorted and paged (ties broken by the live id in the same direction). */
export async function listLives(
  db: Db,
  accountId: string,
  options: { sort?: LiveSort; dir?: SortDir; page?: number; pageSize?: number; now?: Date } = {},
): Promise<Paged<LiveTotals>> {
  const { page, pageSize } = normalisePaging(options.page, options.pageSize, LIVES_PAGE_SIZE);
  const now = options.now ?? new Date();
  const direction = Prisma.raw(options.dir === 'asc' ? 'ASC' : 'DESC');
  const [total, rows] = await Promise.all([
    db.live.count({ where: { accountId } }),
    db.$queryRaw<LiveCounters[]>`
      SELECT id, platform::text AS platform, title, started_at AS "startedAt", ended_at AS "endedAt", peak_viewers AS "peakViewers", viewer_samples AS "viewerSamples",
             viewer_sum AS "viewerSum", likes, diamonds, gifts, super_chats AS "superChats", guards, comments, follows, shares
      FROM lives
      WHERE account_id = ${accountId}
      ORDER BY ${sortExpression(options.sort ?? 'started', now)} ${direction}, id ${direction}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const items = rows.map((live) => toLiveTotals(live, now));
  return buildPaged(items, page, pageSize, total);
}

/** A live's totals with its account; null when there is no such live. */
export async function getLiveSummary(db: Db, liveId: bigint, now: Date = new Date()): Promise<LiveSummary | null> {
  const live = await db.live.findUnique({
    where: { id: liveId },
    include: { account: { select: { id: true, platform: true, handle: true, nickname: true, avatarUrl: true } } },
  });
  if (!live) return null;
  return {
    ...toLiveTotals(live, now),
    account: live.account,
    uniqueGifters: live.uniqueGifters,
    joins: live.joins,
    endReason: live.endReason,
  };
}

type MinuteValue = { minute: number; value: bigint | number };

/**
 * Viewers (peak of the samples), diamonds and likes per minute from the live's start to its end (or its
 * last event while it runs). Minutes are counted in UTC epoch minutes by Postgres, so the session time
 * zone never shifts them. Lives longer than MAX_SERIES_POINTS minutes are bucketed into wider steps.
 */
export async function getLiveSeries(db: Db, liveId: bigint): Promise<LiveSeries> {
  const live = await db.live.findUnique({ where: { id: liveId }, select: { startedAt: true, endedAt: true, lastEventAt: true } });
  if (!live) return { bucketMinutes: 1, points: [] };
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = eventWindowStart(live.startedAt);
  const [viewers, diamonds, likes] = await Promise.all([
    db.$queryRaw<MinuteValue[]>`
      SELECT floor(extract(epoch FROM at) / 60)::int AS minute, max(viewers)::int AS value
      FROM viewer_samples WHERE live_id = ${liveId} AND at >= ${since} GROUP BY 1`,
    db.$queryRaw<MinuteValue[]>`
      SELECT floor(extract(epoch FROM created_at) / 60)::int AS minute, sum(diamonds)::bigint AS value
      FROM gifts WHERE live_id = ${liveId} AND created_at >= ${since} GROUP BY 1`,
    db.$queryRaw<MinuteValue[]>`
      SELECT floor(extract(epoch FROM minute) / 60)::int AS minute, sum(count)::bigint AS value
      FROM like_buckets WHERE live_id = ${liveId} AND minute >= ${since} GROUP BY 1`,
  ]);
  const end = live.endedAt ?? live.lastEventAt ?? live.startedAt;
  const dataMinutes = [...viewers, ...diamonds, ...likes].map((r) => r.minute);
  // Events stamped a little before the start or after the end (clock skew) still get a point.
  const first = Math.min(Math.floor(live.startedAt.getTime() / MINUTE_MS), ...dataMinutes);
  const last = Math.max(Math.floor(end.getTime() / MINUTE_MS), ...dataMinutes);
  const minutes = last - first + 1;
  const bucketMinutes = Math.max(1, Math.ceil(minutes / MAX_SERIES_POINTS));
  const points: SeriesPoint[] = Array.from({ length: Math.ceil(minutes / bucketMinutes) }, (_, i) => ({
    at: new Date((first + i * bucketMinutes) * MINUTE_MS).toISOString(),
    viewers: null,
    diamonds: 0,
    likes: 0,
  }));
  const pointAt = (minute: number) => points[Math.floor((minute - first) / bucketMinutes)];
  for (const row of viewers) {
    const point = pointAt(row.minute);
    if (point) point.viewers = Math.max(point.viewers ?? 0, Number(row.value));
  }
  for (const row of diamonds) {
    const point = pointAt(row.minute);
    if (point) point.diamonds += Number(row.value);
  }
  for (const row of likes) {
    const point = pointAt(row.minute);
    if (point) point.likes += Number(row.value);
  }
  return { bucketMinutes, points };
}

/**
 * The live's biggest gifters by diamonds (a streak counts as one gift), ties by the older viewer.
 *
 * Read from the live's rollup rows, not its gifts: the writer adds each stored gift to its sender's
 * live_viewers row in the same transaction (one gift and its diamonds, and for a streak corrected by its
 * late end frame only the difference: worker/writer.ts), so `gifts` and `diamonds` there are count(*) and
 * sum(diamonds) of the live's gifts rows per viewer (lib/dashboard/lives.test.ts checks this against the
 * gifts table). The partial index live_viewers_top_gifters_idx (gifters only, in this order) gives the
 * first N rows directly, and only those N viewers are looked up: aggregating every gift of a big live and
 * looking up each gift's viewer made this the slowest read of the live page (docs/benchmarks.md).
 */
export async function getLiveTopGifters(db: Db, live: LiveRef, limit = 10): Promise<TopGifter[]> {
  const take = Number.isFinite(limit) ? Math.min(MAX_TOP_GIFTERS, Math.max(1, Math.floor(limit))) : 10;
  const liveId = typeof live === 'bigint' ? live : live.id;
  const rows = await db.$queryRaw<{ viewer_id: bigint; handle: string | null; nickname: string | null; avatar_url: string | null; diamonds: bigint; gifts: number }[]>`
    SELECT v.id AS viewer_id, v.handle, v.nickname, v.avatar_url, t.diamonds, t.gifts
    FROM (
      SELECT viewer_id, diamonds, gifts FROM live_viewers
      WHERE live_id = ${liveId} AND gifts > 0
      ORDER BY diamonds DESC, viewer_id
      LIMIT ${take}
    ) t
    JOIN viewers v ON v.id = t.viewer_id
    ORDER BY t.diamonds DESC, t.viewer_id`;
  return rows.map((r) => ({ viewerId: r.viewer_id.toString(), handle: r.handle, nickname: r.nickname, avatarUrl: r.avatar_url, diamonds: Number(r.diamonds), gifts: r.gifts }));
}

/** Per gift name: rows (a streak is one), units sent, diamonds and their share of the live's diamonds. */
export async function getGiftBreakdown(db: Db, live: LiveRef): Promise<GiftBreakdownRow[]> {
  const { id: liveId, since } = await liveEventWindow(db, live);
  if (!since) return [];
  const rows = await db.$queryRaw<{ gift_name: string; gift_id: string; count: number; repeat_total: bigint; diamonds: bigint }[]>`
    SELECT gift_name, max(gift_id) AS gift_id, count(*)::int AS count, sum(repeat_count)::bigint AS repeat_total, sum(diamonds)::bigint AS diamonds
    FROM gifts WHERE live_id = ${liveId} AND created_at >= ${since}
    GROUP BY gift_name
    ORDER BY sum(diamonds) DESC, gift_name`;
  const total = rows.reduce((sum, r) => sum + Number(r.diamonds), 0);
  return rows.map((r) => ({
    giftName: r.gift_name,
    giftId: r.gift_id,
    count: r.count,
    repeatTotal: Number(r.repeat_total),
    diamonds: Number(r.diamonds),
    sharePercent: total > 0 ? (Number(r.diamonds) / total) * 100 : 0,
  }));
}
