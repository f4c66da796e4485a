// A channel's follower counts as one point per UTC day, from follower_samples (platforms without profile
// snapshots: Bilibili, whose room lookups store them, lib/platforms/bilibili/room-lookup.ts). The public
// channel page charts them as the TikTok page charts its snapshots (lib/stats/snapshot-history.ts). Public
// data: channels are looked up by anyone, so nothing here is scoped to a workspace.
import 'server-only';
import type { Db } from '@/lib/db';
import { utcDay, type DayPoint } from '@/lib/stats/history';
import { HISTORY_MAX_DAYS } from '@/lib/stats/snapshot-history';

const DAY_MS = 86_400_000;

/** The channel's last follower count per UTC day over the last HISTORY_MAX_DAYS days, oldest first (likes and videos 0: not known). */
export async function getFollowerHistory(db: Db, channelId: string, now = new Date()): Promise<DayPoint[]> {
  const since = new Date(now.getTime() - HISTORY_MAX_DAYS * DAY_MS);
  // DISTINCT ON keeps each day's first row in ORDER BY, the latest sample; fetched_at is stored in UTC.
  const rows = await db.$queryRaw<{ day: Date; followers: bigint }[]>`
    SELECT DISTINCT ON (fetched_at::date) fetched_at::date AS day, followers
    FROM follower_samples
    WHERE account_id = ${channelId} AND fetched_at >= ${since} AND fetched_at <= ${now}
    ORDER BY fetched_at::date, fetched_at DESC`;
  return rows.map((row) => ({ day: utcDay(row.day), followers: Number(row.followers), hearts: 0, videos: 0 }));
}
