// Everything the public profile page and GET /api/accounts/{handle} show about an account, built from
// what is stored: the latest counts, their history, the estimates and the rating, and LIVE statistics
// when LiveLens has watched the account's lives.
import 'server-only';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { Platform } from '@/lib/platforms/events';
import { buildDiamondRate, engagementPercent, estimateLiveEarnings, estimatePerVideoEarnings, averageLikesPerVideo, followerBand, type Engagement, type PerVideoEarnings, type UsdRange } from '@/lib/stats/estimates';
import { buildDistribution, computeRating, type Rating, type RatingDistributions } from '@/lib/stats/rating';
import type { DayPoint } from '@/lib/stats/history';
import { getAccountRanks, type AccountRanks } from '@/lib/stats/rank-data';
import { getDailyHistory } from '@/lib/stats/snapshot-history';
import type { StoredProfile } from '@/lib/tiktok/profile-store';

const DAY = 86_400_000;

export type ProfileStats = { followers: number; following: number; hearts: number; videos: number; diggs: number; friends: number };

export type LiveStats = {
  tracked: boolean;
  lives30d: number;
  hours30d: number;
  diamonds30d: number;
  earnings30d: UsdRange;
  lastLiveAt: string | null;
  liveNow: boolean;
  topGifters: { handle: string | null; nickname: string | null; avatarUrl: string | null; diamonds: number; gifts: number }[];
};

export type ProfileView = {
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  bio: string | null;
  verified: boolean;
  privateAccount: boolean;
  region: string | null;
  fetchedAt: string | null;
  stats: ProfileStats | null;
  averageLikesPerVideo: number | null;
  engagement: Engagement | null;
  perVideo: PerVideoEarnings | null;
  followerBand: { id: string; label: string };
  rating: Rating | null;
  live: LiveStats | null;
  /** One point per UTC day (that day's last snapshot), oldest first: the daily table, charts and projection. */
  daily: DayPoint[];
  /** Its place among all stored accounts and in its region, by followers, likes, engagement, LIVE earnings. */
  ranks: AccountRanks;
};

function toStats(snapshot: NonNullable<StoredProfile['snapshot']>): ProfileStats {
  return {
    followers: Number(snapshot.followers),
    following: Number(snapshot.following),
    hearts: Number(snapshot.hearts),
    videos: Number(snapshot.videos),
    diggs: Number(snapshot.diggs),
    friends: Number(snapshot.friends),
  };
}

const distributionCaches = new Map<Platform, { at: number; value: RatingDistributions }>();

/**
 * The comparison distributions of the rating among the stored channels of a platform (cached 10 min):
 * TikTok's from every account's latest snapshot, Bilibili's from every channel's follower count.
 */
export async function getRatingDistributions(db: Db, now = Date.now(), platform: Platform = 'tiktok'): Promise<RatingDistributions> {
  const cached = distributionCaches.get(platform);
  if (cached && now - cached.at >= 0 && now - cached.at < 600_000) return cached.value;
  const value = platform === 'bilibili' ? await bilibiliDistributions(db, now) : await tiktokDistributions(db, now);
  distributionCaches.set(platform, { at: now, value });
  return value;
}

async function tiktokDistributions(db: Db, now: number): Promise<RatingDistributions> {
  const rows = await db.$queryRaw<{ followers: bigint; hearts: bigint; videos: bigint; diamonds: bigint | null }[]>`
    SELECT s.followers, s.hearts, s.videos,
           (SELECT SUM(l.diamonds)::bigint FROM lives l WHERE l.account_id = s.account_id AND l.started_at >= ${new Date(now - 30 * DAY)}) AS diamonds
    FROM (SELECT DISTINCT ON (account_id) account_id, followers, hearts, videos FROM profile_snapshots ORDER BY account_id, fetched_at DESC) s`;
  const value: RatingDistributions = {
    followers: buildDistribution(rows.map((r) => r.followers)),
    hearts: buildDistribution(rows.map((r) => r.hearts)),
    engagement: buildDistribution(rows.map((r) => engagementPercent({ followers: r.followers, hearts: r.hearts, videos: r.videos })?.percent ?? null)),
    liveDiamonds30d: buildDistribution(rows.filter((r) => r.diamonds !== null).map((r) => r.diamonds)),
  };
  return value;
}

// Bilibili publishes no likes or videos: its distributions are followers and gold over 30 days.
async function bilibiliDistributions(db: Db, now: number): Promise<RatingDistributions> {
  const rows = await db.$queryRaw<{ followers: bigint; gold: bigint | null }[]>`
    SELECT c.followers,
           (SELECT SUM(l.diamonds)::bigint FROM lives l WHERE l.account_id = c.id AND l.started_at >= ${new Date(now - 30 * DAY)}) AS gold
    FROM channels c WHERE c.platform = 'bilibili' AND c.followers IS NOT NULL`;
  return {
    followers: buildDistribution(rows.map((r) => r.followers)),
    engagement: [],
    liveDiamonds30d: buildDistribution(rows.filter((r) => r.gold !== null).map((r) => r.gold)),
  };
}

export type ChannelStanding = { rating: Rating | null; ranks: AccountRanks };

/**
 * Whether LiveLens has watched a channel's lives over the 30 days its LIVE figures cover: it is (or was)
 * tracked, or it has lives in them. An unwatched channel's LIVE figures are unknown, not zero. One rule for
 * TikTok's LIVE statistics and Bilibili's rating.
 */
const liveWatched = (tracked: object | null, lives30d: number) => tracked !== null || lives30d > 0;

/**
 * A Bilibili channel's 0–100 rating and ranks among the stored Bilibili channels (issue 20): Reach from
 * its followers and LIVE from the gold its lives received in 30 days (left out when LiveLens neither
 * tracks it nor saw a live); no rating without a follower count.
 */
export async function getBilibiliStanding(db: Db, channel: { id: string; followers: bigint | number | null }, now = new Date()): Promise<ChannelStanding> {
  const since = new Date(now.getTime() - 30 * DAY);
  const [distributions, ranks, tracked, live] = await Promise.all([
    getRatingDistributions(db, now.getTime(), 'bilibili'),
    getAccountRanks(db, channel.id, { now, platform: 'bilibili' }),
    db.trackedAccount.findUnique({ where: { accountId: channel.id }, select: { accountId: true } }),
    db.live.aggregate({ where: { accountId: channel.id, startedAt: { gte: since } }, _sum: { diamonds: true }, _count: true }),
  ]);
  const rating =
    channel.followers === null
      ? null
      : computeRating({ platform: 'bilibili', followers: channel.followers, hearts: null, engagementPercent: null, liveDiamonds30d: liveWatched(tracked, live._count) ? (live._sum.diamonds ?? 0n) : null }, distributions);
  return { rating, ranks };
}

async function getLiveStats(db: Db, accountId: string, now: Date): Promise<LiveStats | null> {
  const since = new Date(now.getTime() - 30 * DAY);
  const [tracked, aggregate, last, gifters] = await Promise.all([
    db.trackedAccount.findUnique({ where: { accountId }, select: { enabled: true, state: true } }),
    db.$queryRaw<{ lives: number; hours: number | null; diamonds: bigint | null }[]>`
      SELECT count(*)::int AS lives, SUM(EXTRACT(EPOCH FROM (COALESCE(ended_at, ${now}) - started_at))) / 3600.0 AS hours, SUM(diamonds) AS diamonds
      FROM lives WHERE account_id = ${accountId} AND started_at >= ${since}`,
    db.live.findFirst({ where: { accountId }, orderBy: { startedAt: 'desc' }, select: { startedAt: true, endedAt: true } }),
    db.$queryRaw<{ handle: string | null; nickname: string | null; avatar_url: string | null; diamonds: bigint; gifts: number }[]>`
      SELECT v.handle, v.nickname, v.avatar_url, SUM(g.diamonds) AS diamonds, SUM(g.gifts)::int AS gifts
      FROM gifter_stats g JOIN viewers v ON v.id = g.viewer_id
      WHERE g.account_id = ${accountId} AND g.day >= ${since}::date
      GROUP BY v.id ORDER BY SUM(g.diamonds) DESC LIMIT 5`,
  ]);
  const row = aggregate[0];
  if (!liveWatched(tracked, row?.lives ?? 0)) return null;
  const diamonds = Number(row?.diamonds ?? 0);
  return {
    tracked: Boolean(tracked?.enabled),
    lives30d: row?.lives ?? 0,
    hours30d: Math.round((row?.hours ?? 0) * 10) / 10,
    diamonds30d: diamonds,
    earnings30d: estimateLiveEarnings(diamonds, buildDiamondRate(getEnv().USD_PER_DIAMOND)),
    lastLiveAt: last?.startedAt.toISOString() ?? null,
    liveNow: tracked?.state === 'LIVE' || (last !== null && last.endedAt === null),
    topGifters: gifters.map((g) => ({ handle: g.handle, nickname: g.nickname, avatarUrl: g.avatar_url, diamonds: Number(g.diamonds), gifts: g.gifts })),
  };
}

export async function buildProfileView(db: Db, stored: StoredProfile, now = new Date()): Promise<ProfileView> {
  const { account, snapshot } = stored;
  const [history, live, distributions, ranks] = await Promise.all([
    getDailyHistory(db, [account.id], now),
    getLiveStats(db, account.id, now),
    getRatingDistributions(db, now.getTime()),
    getAccountRanks(db, account.id, { now }),
  ]);
  const stats = snapshot ? toStats(snapshot) : null;
  const engagement = snapshot ? engagementPercent({ followers: snapshot.followers, hearts: snapshot.hearts, videos: snapshot.videos, avgViews: snapshot.avgViews ?? undefined }) : null;
  const band = followerBand(snapshot?.followers ?? 0);
  return {
    handle: account.handle,
    nickname: account.nickname,
    avatarUrl: account.avatarUrl,
    bio: account.bio,
    verified: account.verified,
    privateAccount: account.privateAccount,
    region: account.region,
    fetchedAt: snapshot?.fetchedAt.toISOString() ?? account.lastFetchedAt?.toISOString() ?? null,
    stats,
    averageLikesPerVideo: snapshot ? averageLikesPerVideo(snapshot.hearts, snapshot.videos) : null,
    engagement,
    perVideo: snapshot ? estimatePerVideoEarnings({ followers: snapshot.followers, hearts: snapshot.hearts, videos: snapshot.videos, avgViews: snapshot.avgViews ?? undefined }) : null,
    followerBand: { id: band.id, label: band.label },
    rating: snapshot
      ? computeRating({ followers: snapshot.followers, hearts: snapshot.hearts, engagementPercent: engagement?.percent ?? null, liveDiamonds30d: live ? live.diamonds30d : null }, distributions)
      : null,
    live,
    daily: history.get(account.id) ?? [],
    ranks,
  };
}
