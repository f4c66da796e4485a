// Reads what a growth report is generated from (see generate.ts): the account, its latest snapshot and
// recent history, the latest counts of the other accounts in its follower band, and its last 30 days
// of LIVE. Kept apart from the generator so the generator stays pure and testable without a database.
//
// A Bilibili channel (issue 20) has no profile snapshots: its followers come from the room API, kept as
// follower_samples at each stored lookup (room-lookup.ts), its band peers are the other Bilibili channels
// (their latest follower count on `channels`), and its value is in gold coins, worth USD_PER_GOLD each.
import 'server-only';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { USD_PER_GOLD } from '@/lib/platforms/units';
import type { ReportInput } from '@/lib/reports/types';
import { buildDiamondRate, followerBand } from '@/lib/stats/estimates';

const DAY_MS = 86_400_000;
const LIVE_WINDOW_DAYS = 30;

// Posting cadence and growth describe the account as it is now; a quarter is long enough to smooth
// out a quiet week and short enough not to average in a different phase of the account.
const HISTORY_DAYS = 90;
// Snapshots are taken at most a few times a day, so this covers the window; it bounds a runaway case.
const HISTORY_LIMIT = 1_000;
// A band's median and percentiles are stable long before this; the cap bounds the report's cost.
const BAND_PEERS_LIMIT = 5_000;

type PeerRow = { followers: bigint; hearts: bigint; videos: bigint };

async function findBandPeers(db: Db, accountId: string, followers: bigint): Promise<PeerRow[]> {
  const band = followerBand(followers);
  const upper = band.maxFollowers === null ? Prisma.empty : Prisma.sql`AND s.followers < ${BigInt(band.maxFollowers)}`;
  // Ordered by account id so the same database gives the same peers when the cap applies.
  return db.$queryRaw<PeerRow[]>`
    SELECT s.followers, s.hearts, s.videos
    FROM (
      SELECT DISTINCT ON (account_id) account_id, followers, hearts, videos
      FROM profile_snapshots
      ORDER BY account_id, fetched_at DESC
    ) s
    WHERE s.account_id <> ${accountId} AND s.followers >= ${BigInt(band.minFollowers)} ${upper}
    ORDER BY s.account_id
    LIMIT ${BAND_PEERS_LIMIT}`;
}

async function findBilibiliBandPeers(db: Db, accountId: string, followers: bigint): Promise<PeerRow[]> {
  const band = followerBand(followers);
  const rows = await db.channel.findMany({
    where: {
      platform: 'bilibili',
      id: { not: accountId },
      followers: { gte: BigInt(band.minFollowers), ...(band.maxFollowers === null ? {} : { lt: BigInt(band.maxFollowers) }) },
    },
    orderBy: { id: 'asc' },
    take: BAND_PEERS_LIMIT,
    select: { followers: true },
  });
  return rows.map((row) => ({ followers: row.followers ?? 0n, hearts: 0n, videos: 0n }));
}

/** What the 30-day LIVE part reads, the same on every platform (values in the platform's unit). */
async function collectLives(db: Db, accountId: string, now: Date) {
  const liveSince = new Date(now.getTime() - LIVE_WINDOW_DAYS * DAY_MS);
  const [lives, gifters] = await Promise.all([
    db.live.findMany({
      where: { accountId, startedAt: { gte: liveSince, lte: now } },
      orderBy: { startedAt: 'asc' },
      select: { startedAt: true, endedAt: true, diamonds: true, superChats: true, guards: true },
    }),
    db.$queryRaw<{ diamonds: bigint }[]>`
      SELECT SUM(diamonds)::bigint AS diamonds
      FROM gifter_stats
      WHERE account_id = ${accountId} AND day >= ${liveSince}::date AND day <= ${now}::date
      GROUP BY viewer_id
      ORDER BY diamonds DESC, viewer_id`,
  ]);
  return { lives, gifterDiamonds: gifters.map((row) => row.diamonds) };
}

/** A Bilibili channel's input: followers from its samples (else the channel's last count), no video figures. */
async function collectBilibiliInput(db: Db, channel: { id: string; handle: string; nickname: string | null; followers: bigint | null; lastFetchedAt: Date | null }, now: Date): Promise<ReportInput> {
  const accountId = channel.id;
  const [samples, { lives, gifterDiamonds }] = await Promise.all([
    db.followerSample.findMany({
      where: { accountId, fetchedAt: { gte: new Date(now.getTime() - HISTORY_DAYS * DAY_MS), lte: now } },
      orderBy: { fetchedAt: 'desc' },
      take: HISTORY_LIMIT,
      select: { fetchedAt: true, followers: true },
    }),
    collectLives(db, accountId, now),
  ]);
  const latest = samples[0] ?? (channel.followers !== null && channel.lastFetchedAt ? { fetchedAt: channel.lastFetchedAt, followers: channel.followers } : null);
  if (!latest) throw new Error(`Cannot build a report for Bilibili UID ${channel.handle}: LiveLens has no follower count of it yet.`);
  const zero = 0n;
  return {
    platform: 'bilibili',
    account: { handle: channel.handle, nickname: channel.nickname, verified: false, region: null, privateAccount: false },
    snapshot: { fetchedAt: latest.fetchedAt, followers: latest.followers, following: zero, hearts: zero, videos: zero, diggs: zero, friends: zero, avgViews: null },
    history: samples.reverse().map((row) => ({ at: row.fetchedAt, videos: zero, followers: row.followers, hearts: zero })),
    bandPeers: await findBilibiliBandPeers(db, accountId, latest.followers),
    collectedAt: now,
    lives,
    gifterDiamonds,
    usdPerDiamond: USD_PER_GOLD,
  };
}

/**
 * Everything generateReport needs for one channel, as of `now`.
 * Throws when the channel does not exist or LiveLens has never stored its numbers (a TikTok snapshot, a
 * Bilibili follower count): a report without numbers would have nothing to say.
 */
export async function collectReportInput(db: Db, accountId: string, now: Date): Promise<ReportInput> {
  const account = await db.channel.findUnique({
    where: { id: accountId },
    select: { platform: true, handle: true, nickname: true, verified: true, region: true, privateAccount: true, followers: true, lastFetchedAt: true },
  });
  if (!account) throw new Error(`Cannot build a report: no channel with id ${accountId}.`);
  if (account.platform === 'bilibili') return collectBilibiliInput(db, { id: accountId, ...account }, now);
  const snapshot = await db.profileSnapshot.findFirst({
    where: { accountId, fetchedAt: { lte: now } },
    orderBy: { fetchedAt: 'desc' },
    select: { fetchedAt: true, followers: true, following: true, hearts: true, videos: true, diggs: true, friends: true, avgViews: true },
  });
  if (!snapshot) throw new Error(`Cannot build a report for @${account.handle}: LiveLens has no profile snapshot of it yet.`);

  const [history, bandPeers, { lives, gifterDiamonds }] = await Promise.all([
    db.profileSnapshot.findMany({
      where: { accountId, fetchedAt: { gte: new Date(now.getTime() - HISTORY_DAYS * DAY_MS), lte: now } },
      // Newest first, so the cap (if ever reached) drops the oldest rows, not the latest.
      orderBy: { fetchedAt: 'desc' },
      take: HISTORY_LIMIT,
      select: { fetchedAt: true, videos: true, followers: true, hearts: true },
    }),
    findBandPeers(db, accountId, snapshot.followers),
    collectLives(db, accountId, now),
  ]);

  const { handle, nickname, verified, region, privateAccount } = account;
  return {
    platform: 'tiktok',
    account: { handle, nickname, verified, region, privateAccount },
    snapshot,
    history: history.reverse().map((row) => ({ at: row.fetchedAt, videos: row.videos, followers: row.followers, hearts: row.hearts })),
    bandPeers,
    collectedAt: now,
    lives,
    gifterDiamonds,
    usdPerDiamond: buildDiamondRate(getEnv().USD_PER_DIAMOND),
  };
}
