// The figures lib/stats/ranks.ts ranks, for every stored account, now and a week ago, and one page of a
// ranking with the accounts' names. Public data (every account anyone looked up), so not workspace-scoped.
import 'server-only';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Platform } from '@/lib/platforms/events';
import { USD_PER_UNIT } from '@/lib/platforms/units';
import { buildDiamondRate, engagementPercent, estimateLiveEarnings, type UsdRange } from '@/lib/stats/estimates';
import { PLATFORM_RANK_METRICS, rankAccounts, ranksAnyone, rankRegions, type RankedAccount, type RankFigures, type RankInput, type RankMetric } from '@/lib/stats/ranks';

const DAY_MS = 86_400_000;
export const RANK_PAGE_SIZE = 20;
// LIVE earnings are ranked over the last 30 days, as on the account page and /top.
const LIVE_WINDOW_DAYS = 30;

type Row = {
  id: string;
  region: string | null;
  followers: bigint;
  hearts: bigint;
  videos: bigint;
  prev_followers: bigint | null;
  prev_hearts: bigint | null;
  prev_videos: bigint | null;
  diamonds: bigint | null;
  prev_diamonds: bigint | null;
};

/** Each channel's latest row of `table` (its `columns`) at or before `at`: a CTE's body. */
const latestSample = (table: 'profile_snapshots' | 'follower_samples', columns: 'followers, hearts, videos' | 'followers', at: Date) =>
  Prisma.sql`SELECT DISTINCT ON (account_id) account_id, ${Prisma.raw(columns)} FROM ${Prisma.raw(table)}
    WHERE fetched_at <= ${at} ORDER BY account_id, fetched_at DESC`;

/** What each `platform` channel's lives received (diamonds or gold) in the 30 days up to `at`, as `value`: a CTE's body. */
const liveValue = (platform: Platform, at: Date) =>
  Prisma.sql`SELECT account_id, SUM(diamonds)::bigint AS value FROM lives
    WHERE platform = ${platform}::platform AND started_at > ${new Date(at.getTime() - LIVE_WINDOW_DAYS * DAY_MS)} AND started_at <= ${at}
    GROUP BY account_id`;

function figuresOf(followers: bigint | null, hearts: bigint | null, videos: bigint | null, diamonds: bigint | null): RankFigures {
  const counted = followers !== null && hearts !== null && videos !== null;
  return {
    followers: followers === null ? null : Number(followers),
    likes: hearts === null ? null : Number(hearts),
    engagement: counted ? (engagementPercent({ followers, hearts, videos })?.percent ?? null) : null,
    liveDiamonds: diamonds === null ? null : Number(diamonds),
  };
}

/** Each stored TikTok account's latest figures at `now` and at `now` minus 7 days (null when it had none then). */
async function getTiktokRankInputs(db: Db, now: Date): Promise<RankInput[]> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const rows = await db.$queryRaw<Row[]>`
    WITH cur AS (${latestSample('profile_snapshots', 'followers, hearts, videos', now)}),
    prev AS (${latestSample('profile_snapshots', 'followers, hearts, videos', weekAgo)}),
    live_cur AS (${liveValue('tiktok', now)}),
    live_prev AS (${liveValue('tiktok', weekAgo)})
    SELECT a.id, a.region, cur.followers, cur.hearts, cur.videos,
           prev.followers AS prev_followers, prev.hearts AS prev_hearts, prev.videos AS prev_videos,
           live_cur.value AS diamonds, live_prev.value AS prev_diamonds
    FROM channels a
    JOIN cur ON cur.account_id = a.id
    LEFT JOIN prev ON prev.account_id = a.id
    LEFT JOIN live_cur ON live_cur.account_id = a.id
    LEFT JOIN live_prev ON live_prev.account_id = a.id
    WHERE a.platform = 'tiktok' AND a.last_fetch_status IS DISTINCT FROM 'not_found'`;
  return rows.map((r) => ({
    accountId: r.id,
    region: r.region ? r.region.toUpperCase() : null,
    now: figuresOf(r.followers, r.hearts, r.videos, r.diamonds),
    // LIVE earnings a week ago are known from lives even for an account first looked up since.
    weekAgo: r.prev_followers !== null || r.prev_diamonds !== null ? figuresOf(r.prev_followers, r.prev_hearts, r.prev_videos, r.prev_diamonds) : null,
  }));
}

type BilibiliRow = { id: string; followers: bigint; prev_followers: bigint | null; gold: bigint | null; prev_gold: bigint | null };

/**
 * Each stored Bilibili channel's follower count (its follower samples, one per room lookup) and the gold
 * its lives received over 30 days, at `now` and a week before. Bilibili gives no likes or videos, and no
 * region, so those figures stay null and its channels are ranked among themselves only.
 */
async function getBilibiliRankInputs(db: Db, now: Date): Promise<RankInput[]> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const rows = await db.$queryRaw<BilibiliRow[]>`
    WITH cur AS (${latestSample('follower_samples', 'followers', now)}),
    prev AS (${latestSample('follower_samples', 'followers', weekAgo)}),
    live_cur AS (${liveValue('bilibili', now)}),
    live_prev AS (${liveValue('bilibili', weekAgo)})
    SELECT a.id, cur.followers, prev.followers AS prev_followers, live_cur.value AS gold, live_prev.value AS prev_gold
    FROM channels a
    JOIN cur ON cur.account_id = a.id
    LEFT JOIN prev ON prev.account_id = a.id
    LEFT JOIN live_cur ON live_cur.account_id = a.id
    LEFT JOIN live_prev ON live_prev.account_id = a.id
    WHERE a.platform = 'bilibili' AND a.last_fetch_status IS DISTINCT FROM 'not_found'`;
  const figures = (followers: bigint | null, gold: bigint | null): RankFigures => ({
    followers: followers === null ? null : Number(followers),
    likes: null,
    engagement: null,
    liveDiamonds: gold === null ? null : Number(gold),
  });
  return rows.map((r) => ({
    accountId: r.id,
    region: null,
    now: figures(r.followers, r.gold),
    weekAgo: r.prev_followers !== null || r.prev_gold !== null ? figures(r.prev_followers, r.prev_gold) : null,
  }));
}

/** Each stored channel of `platform` with its latest figures at `now` and at `now` minus 7 days. */
export async function getRankInputs(db: Db, now = new Date(), platform: Platform = 'tiktok'): Promise<RankInput[]> {
  return platform === 'bilibili' ? getBilibiliRankInputs(db, now) : getTiktokRankInputs(db, now);
}

// Ranking every account takes one pass over all latest snapshots; the lists change slowly (snapshots
// arrive at most daily per account), so one computation serves every reader for ten minutes. What a
// reader needs may be missing from it: a channel looked up since (its page asks for it by id), or every
// value of a ranking (a fresh database's first LIVE earnings arrive a minute after the first read). Then
// the lists are read again, at most once a minute, so the new figures show within a minute rather than ten.
const CACHE_MS = 600_000;
const MISSING_REFRESH_MS = 60_000;
type RankCache = { at: number; inputs: RankInput[]; ids: Set<string> };
const caches = new Map<Platform, RankCache>();

async function cachedInputs(db: Db, now: Date, platform: Platform, lacks?: (cache: RankCache) => boolean): Promise<RankInput[]> {
  const cache = caches.get(platform);
  const age = cache ? now.getTime() - cache.at : -1;
  const missing = lacks !== undefined && cache !== undefined && age >= MISSING_REFRESH_MS && lacks(cache);
  if (cache && age >= 0 && age < CACHE_MS && !missing) return cache.inputs;
  const inputs = await getRankInputs(db, now, platform);
  caches.set(platform, { at: now.getTime(), inputs, ids: new Set(inputs.map((i) => i.accountId)) });
  return inputs;
}

function inputsFor(db: Db, options: { now?: Date; fresh?: boolean; platform?: Platform }, lacks?: (cache: RankCache) => boolean): { platform: Platform; inputs: Promise<RankInput[]> } {
  const now = options.now ?? new Date();
  const platform = options.platform ?? 'tiktok';
  return { platform, inputs: options.fresh ? getRankInputs(db, now, platform) : cachedInputs(db, now, platform, lacks) };
}

export type RankRow = {
  platform: Platform;
  rank: number;
  change: number | null;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  verified: boolean;
  region: string | null;
  value: number;
  /** LIVE earnings in US dollars (from diamonds or gold), for the earnings ranking only. */
  earnings: UsdRange | null;
};

export type RankPage = { items: RankRow[]; page: number; pages: number; total: number; regions: { region: string; accounts: number }[] };

/**
 * One page of the ranking of `platform`'s channels (TikTok by default) by `metric`, within `region` when
 * given. `fresh` skips the shared cache (tests).
 */
export async function getRankPage(db: Db, options: { metric: RankMetric; region: string | null; page: number; now?: Date; fresh?: boolean; platform?: Platform }): Promise<RankPage> {
  const { platform, inputs: pending } = inputsFor(db, options, (cache) => !ranksAnyone(cache.inputs, options.metric, options.region));
  const inputs = await pending;
  const ranked = rankAccounts(inputs, options.metric, options.region);
  const pages = Math.max(1, Math.ceil(ranked.length / RANK_PAGE_SIZE));
  const page = Math.min(options.page, pages);
  const slice = ranked.slice((page - 1) * RANK_PAGE_SIZE, page * RANK_PAGE_SIZE);
  const accounts = await db.channel.findMany({
    where: { id: { in: slice.map((r) => r.accountId) } },
    select: { id: true, handle: true, nickname: true, avatarUrl: true, verified: true, region: true },
  });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const rate = options.metric !== 'earnings' ? null : platform === 'tiktok' ? buildDiamondRate(getEnv().USD_PER_DIAMOND) : USD_PER_UNIT[platform];
  const items = slice.flatMap((r) => {
    const account = byId.get(r.accountId);
    if (!account) return [];
    return [{ platform, rank: r.rank, change: r.change, handle: account.handle, nickname: account.nickname, avatarUrl: account.avatarUrl, verified: account.verified, region: account.region, value: r.value, earnings: rate ? estimateLiveEarnings(r.value, rate) : null }];
  });
  return { items, page, pages, total: ranked.length, regions: rankRegions(inputs) };
}

export type RankPlace = { rank: number; of: number; change: number | null };
export type AccountRanks = { platform: Platform; region: string | null; places: { metric: RankMetric; overall: RankPlace | null; inRegion: RankPlace | null }[] };

/** Where one channel stands in each ranking of its platform, among all stored channels and within its region. */
export async function getAccountRanks(db: Db, accountId: string, options: { now?: Date; fresh?: boolean; platform?: Platform } = {}): Promise<AccountRanks> {
  const { platform, inputs: pending } = inputsFor(db, options, (cache) => !cache.ids.has(accountId));
  const inputs = await pending;
  const region = inputs.find((i) => i.accountId === accountId)?.region ?? null;
  const placeIn = (ranked: RankedAccount[]): RankPlace | null => {
    const entry = ranked.find((r) => r.accountId === accountId);
    return entry ? { rank: entry.rank, of: ranked.length, change: entry.change } : null;
  };
  return {
    platform,
    region,
    places: PLATFORM_RANK_METRICS[platform].map((metric) => ({ metric, overall: placeIn(rankAccounts(inputs, metric)), inRegion: region ? placeIn(rankAccounts(inputs, metric, region)) : null })),
  };
}
