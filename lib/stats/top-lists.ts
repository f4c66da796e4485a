// The public top lists (/top), one pair per platform: creators by the value they received and gifters by
// the value they sent, over the last 7 and 30 days. A list sums one platform's unit only (TikTok diamonds,
// Bilibili gold; lib/platforms/units.ts), and the channel decides which: a live counts for its channel's
// platform, a gift for the platform of the channel it was sent to (gifter_stats rows are per channel), so
// a viewer who gifted on two platforms is in each platform's list with that platform's sum. Recomputed by
// the worker's job and after seeding; readers only see whole lists because each period is replaced in
// one transaction.
import type { Db } from '@/lib/db';

export const TOP_PERIODS = [7, 30] as const;
/** Entries kept per platform and period. */
export const TOP_LIST_SIZE = 100;

export async function recomputeTopLists(db: Db, now: Date = new Date()): Promise<{ creators: number; gifters: number }> {
  let creators = 0;
  let gifters = 0;
  for (const days of TOP_PERIODS) {
    const since = new Date(now.getTime() - days * 86_400_000);
    // ROW_NUMBER partitioned by platform ranks each platform apart; rank <= size keeps its top entries.
    const [, creatorRows, , gifterRows] = await db.$transaction([
      db.$executeRaw`DELETE FROM top_creator_entries WHERE period = ${days}`,
      db.$executeRaw`
        INSERT INTO top_creator_entries (platform, period, rank, account_id, diamonds, lives, hours_live, computed_at)
        SELECT platform, ${days}, rank, account_id, value, lives, hours_live, ${now}
        FROM (
          SELECT a.platform, l.account_id, SUM(l.diamonds) AS value, COUNT(*) AS lives,
                 SUM(EXTRACT(EPOCH FROM (COALESCE(l.ended_at, ${now}) - l.started_at))) / 3600.0 AS hours_live,
                 ROW_NUMBER() OVER (PARTITION BY a.platform ORDER BY SUM(l.diamonds) DESC, l.account_id) AS rank
          FROM lives l JOIN channels a ON a.id = l.account_id
          WHERE l.started_at >= ${since} AND l.started_at <= ${now}
          GROUP BY a.platform, l.account_id
          HAVING SUM(l.diamonds) > 0
        ) ranked
        WHERE rank <= ${TOP_LIST_SIZE}`,
      db.$executeRaw`DELETE FROM top_gifter_entries WHERE period = ${days}`,
      db.$executeRaw`
        INSERT INTO top_gifter_entries (platform, period, rank, viewer_id, diamonds, streamers, computed_at)
        SELECT platform, ${days}, rank, viewer_id, value, streamers, ${now}
        FROM (
          SELECT a.platform, g.viewer_id, SUM(g.diamonds) AS value, COUNT(DISTINCT g.account_id) AS streamers,
                 ROW_NUMBER() OVER (PARTITION BY a.platform ORDER BY SUM(g.diamonds) DESC, g.viewer_id) AS rank
          FROM gifter_stats g JOIN channels a ON a.id = g.account_id
          WHERE g.day >= ${since}::date AND g.day <= ${now}::date
          GROUP BY a.platform, g.viewer_id
          HAVING SUM(g.diamonds) > 0
        ) ranked
        WHERE rank <= ${TOP_LIST_SIZE}`,
    ]);
    creators += creatorRows;
    gifters += gifterRows;
  }
  return { creators, gifters };
}
