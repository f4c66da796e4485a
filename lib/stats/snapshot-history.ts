// Reads the stored profile snapshots as one point per UTC day (lib/stats/history.ts works on these), for
// the account page's table, charts and projection and for /compare (lib/stats/compare.ts). Public data: accounts are looked up
// by anyone, so nothing here is scoped to a workspace.
import 'server-only';
import type { Db } from '@/lib/db';
import { utcDay, type DayPoint } from '@/lib/stats/history';

const DAY_MS = 86_400_000;
// "All" history on the page: three years of days is about 1,100 points (~60 KB in the page), enough for
// Social Blade's longest chart; older snapshots stay in the database.
export const HISTORY_MAX_DAYS = 3 * 366;
/** Each account's last snapshot per UTC day over the last HISTORY_MAX_DAYS days, oldest first. */
export async function getDailyHistory(db: Db, accountIds: readonly string[], now = new Date()): Promise<Map<string, DayPoint[]>> {
  const history = new Map<string, DayPoint[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return history;
  const since = new Date(now.getTime() - HISTORY_MAX_DAYS * DAY_MS);
  // DISTINCT ON keeps the first row of each (account, day) in ORDER BY, i.e. the day's latest snapshot;
  // fetched_at is stored in UTC (timestamp without time zone), so ::date is the UTC day.
  const rows = await db.$queryRaw<{ account_id: string; day: Date; followers: bigint; hearts: bigint; videos: bigint }[]>`
    SELECT DISTINCT ON (account_id, fetched_at::date) account_id, fetched_at::date AS day, followers, hearts, videos
    FROM profile_snapshots
    WHERE account_id = ANY(${[...accountIds]}) AND fetched_at >= ${since} AND fetched_at <= ${now}
    ORDER BY account_id, fetched_at::date, fetched_at DESC`;
  for (const row of rows) {
    history.get(row.account_id)?.push({ day: utcDay(row.day), followers: Number(row.followers), hearts: Number(row.hearts), videos: Number(row.videos) });
  }
  return history;
}
