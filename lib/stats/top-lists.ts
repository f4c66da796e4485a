// The public top lists (/top): TikTok creators by diamonds received and gifters by diamonds sent, over the
// last 7 and 30 days. Recomputed by the worker's job and after seeding; readers only see whole lists
// because each period is replaced in one transaction.
import type { Db } from '@/lib/db';

export const TOP_PERIODS = [7, 30] as const;
export const TOP_LIST_SIZE = 100;

export async function recomputeTopLists(db: Db, now: Date = new Date()): Promise<{ creators: number; gifters: number }> {
  let creators = 0;
  let gifters = 0;
  for (const days of TOP_PERIODS) {
    const since = new Date(now.getTime() - days * 86_400_000);
    const [, creatorRows, , gifterRows] = await db.$transaction([
      db.$executeRaw`DELETE FROM top_creator_entries WHERE period = ${days}`,
      db.$executeRaw`
        INSERT INTO top_creator_entries (period, rank, account_id, diamonds, lives, hours_live, computed_at)
        SELECT ${days}, ROW_NUMBER() OVER (ORDER BY SUM(diamonds) DESC, account_id), account_id, SUM(diamonds), COUNT(*),
               SUM(EXTRACT(EPOCH FROM (COALESCE(ended_at, ${now}) - started_at))) / 3600.0, ${now}
        FROM lives
        WHERE started_at >= ${since} AND started_at <= ${now} AND platform = 'tiktok'
        GROUP BY account_id
        HAVING SUM(diamonds) > 0
        ORDER BY SUM(diamonds) DESC, account_id
        LIMIT ${TOP_LIST_SIZE}`,
      db.$executeRaw`DELETE FROM top_gifter_entries WHERE period = ${days}`,
      db.$executeRaw`
        INSERT INTO top_gifter_entries (period, rank, viewer_id, diamonds, streamers, computed_at)
        SELECT ${days}, ROW_NUMBER() OVER (ORDER BY SUM(diamonds) DESC, viewer_id), viewer_id, SUM(diamonds), COUNT(DISTINCT account_id), ${now}
        FROM gifter_stats
        WHERE day >= ${since}::date AND day <= ${now}::date
        GROUP BY viewer_id
        HAVING SUM(diamonds) > 0
        ORDER BY SUM(diamonds) DESC, viewer_id
        LIMIT ${TOP_LIST_SIZE}`,
    ]);
    creators += creatorRows;
    gifters += gifterRows;
  }
  return { creators, gifters };
}
