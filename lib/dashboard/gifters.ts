// A streamer's gifters: the leaderboard over 7 days, 30 days or all time, and one gifter's history with
// the streamer. Callers check first that the workspace watches the account (requireWatchedAccount).
//
// Reads stay cheap on large data: diamonds and gifts come from the per-day gifter_stats rollup (its key
// starts with account_id, day), and lives attended come from live_viewers through its viewer_id index,
// only for the gifters on the page being shown.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { buildPaged, normalisePaging, type Paged } from '@/lib/dashboard/paging';
import { Prisma } from '@/lib/generated/prisma/client';

export const GIFTER_PERIODS = ['7d', '30d', 'all'] as const;
export type GifterPeriod = (typeof GIFTER_PERIODS)[number];

export const GIFTERS_PAGE_SIZE = 25;
export const GIFTS_PAGE_SIZE = 25;
const PERIOD_DAYS: Record<Exclude<GifterPeriod, 'all'>, number> = { '7d': 7, '30d': 30 };
const DAY_MS = 86_400_000;
// Postgres bigint's upper bound: a longer "id" cannot name a viewer and must not reach BigInt() unchecked.
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export type { Paged } from '@/lib/dashboard/paging';

/** How often and when a viewer came to this streamer's lives (over all time, not just the period). */
export type Attendance = { livesAttended: number; firstSeenAt: string | null; lastSeenAt: string | null };

export type GifterIdentity = { viewerId: string; handle: string | null; nickname: string | null; avatarUrl: string | null };

export type LeaderboardRow = GifterIdentity & Attendance & { rank: number; diamonds: number; gifts: number };

export type GifterGift = { id: string; giftName: string; giftId: string; repeatCount: number; diamonds: number; createdAt: string; liveId: string; liveStartedAt: string };

export type GifterDetail = GifterIdentity & Attendance & { diamonds: number; giftCount: number; gifts: Paged<GifterGift> };

export type PageOptions = { page?: number; pageSize?: number };

/**
 * The first UTC day of the period as 'YYYY-MM-DD', or null for all time. "7d" is today and the six
 * days before it: gifter_stats keeps UTC calendar days, so a rolling 168 hours cannot be cut finer.
 */
export function periodStartDay(period: GifterPeriod, now: Date = new Date()): string | null {
  if (period === 'all') return null;
  const todayUtc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(todayUtc - (PERIOD_DAYS[period] - 1) * DAY_MS).toISOString().slice(0, 10);
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

type LeaderboardSqlRow = {
  viewer_id: bigint;
  diamonds: bigint;
  gifts: bigint;
  handle: string | null;
  nickname: string | null;
  avatar_url: string | null;
  lives: number;
  first_seen: Date | null;
  last_seen: Date | null;
};

/** Gifters of one streamer ranked by diamonds in the period (ties: more gifts, then the older viewer id). */
export async function gifterLeaderboard(
  db: Db,
  accountId: string,
  options: { period: GifterPeriod; now?: Date } & PageOptions,
): Promise<Paged<LeaderboardRow>> {
  const { page, pageSize } = normalisePaging(options.page, options.pageSize, GIFTERS_PAGE_SIZE);
  const since = periodStartDay(options.period, options.now);
  const dayFilter = since === null ? Prisma.empty : Prisma.sql`AND day >= ${since}::date`;
  const offset = (page - 1) * pageSize;

  const [countRows, rows] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(DISTINCT viewer_id) AS total FROM gifter_stats WHERE account_id = ${accountId} ${dayFilter}`,
    db.$queryRaw<LeaderboardSqlRow[]>`
      WITH ranked AS (
        -- SUM(bigint) is numeric in Postgres; the cast keeps it a bigint for the driver.
        SELECT viewer_id, SUM(diamonds)::bigint AS diamonds, SUM(gifts)::bigint AS gifts
        FROM gifter_stats
        WHERE account_id = ${accountId} ${dayFilter}
        GROUP BY viewer_id
        ORDER BY SUM(diamonds) DESC, SUM(gifts) DESC, viewer_id
        LIMIT ${pageSize} OFFSET ${offset}
      )
      SELECT r.viewer_id, r.diamonds, r.gifts, v.handle, v.nickname, v.avatar_url, a.lives, a.first_seen, a.last_seen
      FROM ranked r
      JOIN viewers v ON v.id = r.viewer_id
      CROSS JOIN LATERAL (
        SELECT COUNT(*)::int AS lives, MIN(lv.first_seen_at) AS first_seen, MAX(lv.first_seen_at) AS last_seen
        FROM live_viewers lv JOIN lives l ON l.id = lv.live_id
        WHERE lv.viewer_id = r.viewer_id AND l.account_id = ${accountId}
      ) a
      ORDER BY r.diamonds DESC, r.gifts DESC, r.viewer_id`,
  ]);

  const items = rows.map((r, i) => ({
    rank: offset + i + 1,
    viewerId: r.viewer_id.toString(),
    handle: r.handle,
    nickname: r.nickname,
    avatarUrl: r.avatar_url,
    diamonds: Number(r.diamonds),
    gifts: Number(r.gifts),
    livesAttended: r.lives,
    firstSeenAt: iso(r.first_seen),
    lastSeenAt: iso(r.last_seen),
  }));
  return buildPaged(items, page, pageSize, Number(countRows[0]?.total ?? 0n));
}

/** A viewer id from a URL as a bigint, or null when it cannot be one (not digits, or out of range). */
export function parseViewerId(raw: string): bigint | null {
  if (!/^\d{1,19}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id > 0n && id <= MAX_BIGINT ? id : null;
}

type GiftSqlRow = { id: bigint; gift_id: string; gift_name: string; repeat_count: number; diamonds: number; created_at: Date; live_id: bigint; live_started_at: Date };

/**
 * One gifter as this streamer knows them: totals, attendance and their gifts (newest first, paged).
 * NOT_FOUND when the id is malformed or the viewer never appeared in this streamer's lives.
 */
export async function getGifter(db: Db, accountId: string, viewerId: string, options: PageOptions = {}): Promise<GifterDetail> {
  const id = parseViewerId(viewerId);
  if (id === null) throw new AppError('NOT_FOUND', 'No such gifter.');
  const { page, pageSize } = normalisePaging(options.page, options.pageSize, GIFTS_PAGE_SIZE);

  const [attendanceRows, viewer] = await Promise.all([
    db.$queryRaw<{ lives: number; first_seen: Date | null; last_seen: Date | null }[]>`
      SELECT COUNT(*)::int AS lives, MIN(lv.first_seen_at) AS first_seen, MAX(lv.first_seen_at) AS last_seen
      FROM live_viewers lv JOIN lives l ON l.id = lv.live_id
      WHERE lv.viewer_id = ${id} AND l.account_id = ${accountId}`,
    db.viewer.findUnique({ where: { id }, select: { handle: true, nickname: true, avatarUrl: true } }),
  ]);
  const attendance = attendanceRows[0];
  if (!viewer || !attendance || attendance.lives === 0) throw new AppError('NOT_FOUND', 'No such gifter.');

  // Both read through the viewer_id indexes; the account filter is applied to that viewer's rows only.
  const [totals, giftTotal, giftRows] = await Promise.all([
    db.gifterStat.aggregate({ where: { viewerId: id, accountId }, _sum: { diamonds: true, gifts: true } }),
    db.gift.count({ where: { viewerId: id, accountId } }),
    db.$queryRaw<GiftSqlRow[]>`
      SELECT g.id, g.gift_id, g.gift_name, g.repeat_count, g.diamonds, g.created_at, g.live_id, l.started_at AS live_started_at
      FROM gifts g JOIN lives l ON l.id = g.live_id
      WHERE g.viewer_id = ${id} AND g.account_id = ${accountId}
      ORDER BY g.created_at DESC, g.id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);

  const gifts = giftRows.map((g) => ({
    id: g.id.toString(),
    giftId: g.gift_id,
    giftName: g.gift_name,
    repeatCount: g.repeat_count,
    diamonds: g.diamonds,
    createdAt: g.created_at.toISOString(),
    liveId: g.live_id.toString(),
    liveStartedAt: g.live_started_at.toISOString(),
  }));
  return {
    viewerId: id.toString(),
    handle: viewer.handle,
    nickname: viewer.nickname,
    avatarUrl: viewer.avatarUrl,
    livesAttended: attendance.lives,
    firstSeenAt: iso(attendance.first_seen),
    lastSeenAt: iso(attendance.last_seen),
    diamonds: Number(totals._sum.diamonds ?? 0n),
    giftCount: totals._sum.gifts ?? 0,
    gifts: buildPaged(gifts, page, pageSize, giftTotal),
  };
}
