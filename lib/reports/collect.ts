// Reads what a growth report is generated from (see generate.ts): the account, its latest snapshot and
// recent history, the latest counts of the other accounts in its follower band, and its last 30 days
// of LIVE. Kept apart from the generator so the generator stays pure and testable without a database.
import 'server-only';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
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

/**
 * Everything generateReport needs for one account, as of `now`.
 * Throws when the account does not exist or LiveLens has never stored a snapshot of it: a report
 * without numbers would have nothing to say.
 */
export async function collectReportInput(db: Db, accountId: string, now: Date): Promise<ReportInput> {
  const account = await db.channel.findUnique({
    where: { id: accountId },
    select: { handle: true, nickname: true, verified: true, region: true, privateAccount: true },
  });
  if (!account) throw new Error(`Cannot build a report: no TikTok account with id ${accountId}.`);
  const snapshot = await db.profileSnapshot.findFirst({
    where: { accountId, fetchedAt: { lte: now } },
    orderBy: { fetchedAt: 'desc' },
    select: { fetchedAt: true, followers: true, following: true, hearts: true, videos: true, diggs: true, friends: true, avgViews: true },
  });
  if (!snapshot) throw new Error(`Cannot build a report for @${account.handle}: LiveLens has no profile snapshot of it yet.`);

  const liveSince = new Date(now.getTime() - LIVE_WINDOW_DAYS * DAY_MS);
  const [history, bandPeers, lives, gifters] = await Promise.all([
    db.profileSnapshot.findMany({
      where: { accountId, fetchedAt: { gte: new Date(now.getTime() - HISTORY_DAYS * DAY_MS), lte: now } },
      // Newest first, so the cap (if ever reached) drops the oldest rows, not the latest.
      orderBy: { fetchedAt: 'desc' },
      take: HISTORY_LIMIT,
      select: { fetchedAt: true, videos: true, followers: true, hearts: true },
    }),
    findBandPeers(db, accountId, snapshot.followers),
    db.live.findMany({
      where: { accountId, startedAt: { gte: liveSince, lte: now } },
      orderBy: { startedAt: 'asc' },
      select: { startedAt: true, endedAt: true, diamonds: true },
    }),
    db.$queryRaw<{ diamonds: bigint }[]>`
      SELECT SUM(diamonds)::bigint AS diamonds
      FROM gifter_stats
      WHERE account_id = ${accountId} AND day >= ${liveSince}::date AND day <= ${now}::date
      GROUP BY viewer_id
      ORDER BY diamonds DESC, viewer_id`,
  ]);

  return {
    account,
    snapshot,
    history: history.reverse().map((row) => ({ at: row.fetchedAt, videos: row.videos, followers: row.followers, hearts: row.hearts })),
    bandPeers,
    collectedAt: now,
    lives,
    gifterDiamonds: gifters.map((row) => row.diamonds),
    usdPerDiamond: buildDiamondRate(getEnv().USD_PER_DIAMOND),
  };
}
