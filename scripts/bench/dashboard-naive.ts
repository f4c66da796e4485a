// The dashboard's answers computed the naive way, from the raw event tables only (no running totals on
// `lives`, no live_viewers counters, no gifter_stats), for `npm run bench:dashboard` to time beside the real queries and to check
// them against: a difference means a rollup (or a reader of it) is wrong. The SQL is exported so the
// results section can show exactly what was run.
import type { Db } from '@/lib/db';
import type { LeaderboardRow } from '@/lib/dashboard/gifters';
import type { LiveSummary, LiveTotals, Paged, TopGifter } from '@/lib/dashboard/lives';

// Totals of one live from its raw rows; `l.id` is the live. Shared by the list queries below.
const LIVE_TOTALS_FROM_RAW = `
  CROSS JOIN LATERAL (SELECT COALESCE(max(viewers), 0)::int AS peak, count(*)::int AS samples, COALESCE(sum(viewers), 0)::bigint AS viewer_sum FROM viewer_samples WHERE live_id = l.id) s
  CROSS JOIN LATERAL (SELECT COALESCE(sum(count), 0)::bigint AS likes FROM like_buckets WHERE live_id = l.id) k
  CROSS JOIN LATERAL (SELECT count(*)::int AS comments FROM chats WHERE live_id = l.id) c
  CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE kind = 'FOLLOW')::int AS follows, count(*) FILTER (WHERE kind = 'SHARE')::int AS shares FROM social_events WHERE live_id = l.id) o`;

export const NAIVE_SQL = {
  /** Lives list by start: the page of lives first, then each one's totals from its raw rows. */
  livesByStart: `
SELECT l.id, s.peak, s.samples, s.viewer_sum, k.likes, g.diamonds, g.gifts, c.comments, o.follows, o.shares,
       (SELECT count(*)::int FROM lives WHERE account_id = $1) AS total
FROM (SELECT id, started_at FROM lives WHERE account_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2 OFFSET $3) l
CROSS JOIN LATERAL (SELECT COALESCE(sum(diamonds), 0)::bigint AS diamonds, count(*)::int AS gifts FROM gifts WHERE live_id = l.id) g
${LIVE_TOTALS_FROM_RAW}
ORDER BY l.started_at DESC, l.id DESC`,
  /** Lives list by diamonds: every live's gift total is needed before the page is known. */
  livesByDiamonds: `
WITH totals AS (
  SELECT l.id, COALESCE(sum(g.diamonds), 0)::bigint AS diamonds, count(g.id)::int AS gifts
  FROM lives l LEFT JOIN gifts g ON g.live_id = l.id
  WHERE l.account_id = $1
  GROUP BY l.id
)
SELECT l.id, s.peak, s.samples, s.viewer_sum, k.likes, l.diamonds, l.gifts, c.comments, o.follows, o.shares,
       (SELECT count(*)::int FROM totals) AS total
FROM (SELECT * FROM totals ORDER BY diamonds DESC, id DESC LIMIT $2 OFFSET $3) l
${LIVE_TOTALS_FROM_RAW}
ORDER BY l.diamonds DESC, l.id DESC`,
  /** A live's summary counters from its raw rows (title, times and account still come from `lives`). */
  liveSummary: `
SELECT g.diamonds, g.gifts, g.unique_gifters, k.likes, c.comments, o.follows, o.shares, s.peak, s.samples, s.viewer_sum
FROM (SELECT $1::bigint AS id) l
CROSS JOIN LATERAL (SELECT COALESCE(sum(diamonds), 0)::bigint AS diamonds, count(*)::int AS gifts, count(DISTINCT viewer_id)::int AS unique_gifters FROM gifts WHERE live_id = l.id) g
${LIVE_TOTALS_FROM_RAW}`,
  /** A live's top gifters from its gifts rows (as getLiveTopGifters read them before it used live_viewers). */
  liveTopGifters: `
SELECT v.id AS viewer_id, sum(g.diamonds)::bigint AS diamonds, count(*)::int AS gifts
FROM gifts g JOIN viewers v ON v.id = g.viewer_id
WHERE g.live_id = $1
GROUP BY v.id
ORDER BY sum(g.diamonds) DESC, v.id
LIMIT $2`,
  /** 30-day gifter leaderboard from gifts (UTC days of the gift's time, as gifter_stats keeps them).
   *  Lives attended still come from live_viewers: joins leave no other row, so it is the only record. */
  leaderboard: `
WITH period AS (
  SELECT viewer_id, diamonds FROM gifts WHERE account_id = $1 AND created_at >= $2::date
), ranked AS (
  SELECT viewer_id, sum(diamonds)::bigint AS diamonds, count(*)::bigint AS gifts
  FROM period GROUP BY viewer_id
  ORDER BY sum(diamonds) DESC, count(*) DESC, viewer_id
  LIMIT $3
)
SELECT r.viewer_id, r.diamonds, r.gifts, v.handle, v.nickname, v.avatar_url, a.lives, a.first_seen, a.last_seen,
       (SELECT count(DISTINCT viewer_id)::int FROM period) AS total
FROM ranked r
JOIN viewers v ON v.id = r.viewer_id
CROSS JOIN LATERAL (
  SELECT count(*)::int AS lives, min(lv.first_seen_at) AS first_seen, max(lv.first_seen_at) AS last_seen
  FROM live_viewers lv JOIN lives l ON l.id = lv.live_id
  WHERE lv.viewer_id = r.viewer_id AND l.account_id = $1
) a
ORDER BY r.diamonds DESC, r.gifts DESC, r.viewer_id`,
} as const;

type RawTotals = { peak: number; samples: number; viewer_sum: bigint; likes: bigint; diamonds: bigint; gifts: number; comments: number; follows: number; shares: number };
export type NaiveLiveRow = RawTotals & { id: bigint; total: number };
export type NaiveSummary = RawTotals & { unique_gifters: number };
export type NaiveTopGifter = { viewer_id: bigint; diamonds: bigint; gifts: number };
export type NaiveGifterRow = { viewer_id: bigint; diamonds: bigint; gifts: bigint; lives: number; total: number };

export async function naiveLivesPage(db: Db, accountId: string, sort: 'started' | 'diamonds', page: number, pageSize: number): Promise<NaiveLiveRow[]> {
  return db.$queryRawUnsafe<NaiveLiveRow[]>(sort === 'started' ? NAIVE_SQL.livesByStart : NAIVE_SQL.livesByDiamonds, accountId, pageSize, (page - 1) * pageSize);
}

export async function naiveLiveSummary(db: Db, liveId: bigint): Promise<NaiveSummary | undefined> {
  const [rows] = await Promise.all([
    db.$queryRawUnsafe<NaiveSummary[]>(NAIVE_SQL.liveSummary, liveId),
    db.live.findUnique({ where: { id: liveId }, select: { title: true, startedAt: true, endedAt: true, account: { select: { id: true, handle: true, nickname: true, avatarUrl: true } } } }),
  ]);
  return rows[0];
}

export async function naiveTopGifters(db: Db, liveId: bigint, take: number): Promise<NaiveTopGifter[]> {
  return db.$queryRawUnsafe<NaiveTopGifter[]>(NAIVE_SQL.liveTopGifters, liveId, take);
}

export async function naiveLeaderboard(db: Db, accountId: string, sinceDay: string, pageSize: number): Promise<NaiveGifterRow[]> {
  return db.$queryRawUnsafe<NaiveGifterRow[]>(NAIVE_SQL.leaderboard, accountId, sinceDay, pageSize);
}

const average = (t: RawTotals) => (t.samples > 0 ? Number(t.viewer_sum) / t.samples : null);

function diff(where: string, pairs: Record<string, [unknown, unknown]>): string[] {
  return Object.entries(pairs)
    .filter(([, [real, naive]]) => real !== naive)
    .map(([field, [real, naive]]) => `${where}: ${field} is ${String(real)} from the rollups, ${String(naive)} from the raw rows`);
}

function totalsPairs(real: LiveTotals, naive: RawTotals): Record<string, [unknown, unknown]> {
  return {
    diamonds: [real.diamonds, Number(naive.diamonds)],
    gifts: [real.gifts, naive.gifts],
    likes: [real.likes, Number(naive.likes)],
    comments: [real.comments, naive.comments],
    followers: [real.followers, naive.follows],
    shares: [real.shares, naive.shares],
    peakViewers: [real.peakViewers, naive.peak],
    averageViewers: [real.averageViewers, average(naive)],
  };
}

/** Differences between a page of listLives and the same page computed from raw rows (none: []). */
export function compareLivesPage(where: string, real: Paged<LiveTotals>, naive: NaiveLiveRow[]): string[] {
  const problems = diff(where, { total: [real.total, naive[0]?.total ?? 0], rows: [real.items.length, naive.length] });
  real.items.forEach((item, i) => {
    const row = naive[i];
    if (!row) return;
    problems.push(...diff(`${where}, row ${i + 1}`, { id: [item.id, row.id.toString()], ...totalsPairs(item, row) }));
  });
  return problems;
}

export function compareSummary(where: string, real: LiveSummary | null, naive: NaiveSummary | undefined): string[] {
  if (!real || !naive) return [`${where}: no summary (${real ? 'raw' : 'rollup'} side missing)`];
  return diff(where, { ...totalsPairs(real, naive), uniqueGifters: [real.uniqueGifters, naive.unique_gifters] });
}

export function compareTopGifters(where: string, real: TopGifter[], naive: NaiveTopGifter[]): string[] {
  const problems = diff(where, { rows: [real.length, naive.length] });
  real.forEach((item, i) => {
    const row = naive[i];
    if (!row) return;
    problems.push(...diff(`${where}, rank ${i + 1}`, { viewer: [item.viewerId, row.viewer_id.toString()], diamonds: [item.diamonds, Number(row.diamonds)], gifts: [item.gifts, row.gifts] }));
  });
  return problems;
}

export function compareLeaderboard(where: string, real: Paged<LeaderboardRow>, naive: NaiveGifterRow[]): string[] {
  const problems = diff(where, { total: [real.total, naive[0]?.total ?? 0], rows: [real.items.length, naive.length] });
  real.items.forEach((item, i) => {
    const row = naive[i];
    if (!row) return;
    problems.push(
      ...diff(`${where}, rank ${item.rank}`, {
        viewer: [item.viewerId, row.viewer_id.toString()],
        diamonds: [item.diamonds, Number(row.diamonds)],
        gifts: [item.gifts, Number(row.gifts)],
        livesAttended: [item.livesAttended, row.lives],
      }),
    );
  });
  return problems;
}
