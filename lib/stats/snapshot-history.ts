// Reads the stored profile snapshots as one point per UTC day (lib/stats/history.ts works on these), for
// the account page's table, charts and projection and for /compare. Public data: accounts are looked up
// by anyone, so nothing here is scoped to a workspace.
import 'server-only';
import type { Db } from '@/lib/db';
import { engagementPercent } from '@/lib/stats/estimates';
import { utcDay, type DayPoint } from '@/lib/stats/history';
import { parseHandle } from '@/lib/tiktok/handle';

const DAY_MS = 86_400_000;
// "All" history on the page: three years of days is about 1,100 points (~60 KB in the page), enough for
// Social Blade's longest chart; older snapshots stay in the database.
export const HISTORY_MAX_DAYS = 3 * 366;
export const COMPARE_MAX_ACCOUNTS = 3;

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

/** Up to three distinct valid handles from `?h=a,b,c` (also `?h=a&h=b`), in the order given; the rest are dropped. */
export function parseCompareHandles(raw: string | readonly string[] | undefined): { handles: string[]; invalid: string[] } {
  const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const handles: string[] = [];
  const invalid: string[] = [];
  for (const value of values.slice(0, 10)) {
    const parsed = parseHandle(value);
    if (!parsed.ok) invalid.push(value.slice(0, 40));
    else if (!handles.includes(parsed.handle) && handles.length < COMPARE_MAX_ACCOUNTS) handles.push(parsed.handle);
  }
  return { handles, invalid };
}

export type ComparedAccount = {
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  verified: boolean;
  fetchedAt: string | null;
  latest: { followers: number; following: number; hearts: number; videos: number } | null;
  engagementPercent: number | null;
  daily: DayPoint[];
};

/**
 * The stored accounts among `handles`, in the order asked, with their latest counts and daily history,
 * and the handles LiveLens has no data for (never fetched here: the comparison reads what is stored).
 */
export async function getComparison(db: Db, handles: readonly string[], now = new Date()): Promise<{ accounts: ComparedAccount[]; missing: string[] }> {
  const rows = await db.channel.findMany({
    // NOT 'not_found' alone would drop accounts never fetched (NULL status) as well.
    where: { platform: 'tiktok', handle: { in: [...handles] }, OR: [{ lastFetchStatus: null }, { lastFetchStatus: { not: 'not_found' } }] },
    include: { snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1 } },
  });
  const history = await getDailyHistory(db, rows.map((r) => r.id), now);
  const accounts: ComparedAccount[] = [];
  const missing: string[] = [];
  for (const handle of handles) {
    const row = rows.find((r) => r.handle === handle);
    const snapshot = row?.snapshots[0];
    if (!row || !snapshot) {
      missing.push(handle);
      continue;
    }
    accounts.push({
      handle,
      nickname: row.nickname,
      avatarUrl: row.avatarUrl,
      verified: row.verified,
      fetchedAt: snapshot.fetchedAt.toISOString(),
      latest: { followers: Number(snapshot.followers), following: Number(snapshot.following), hearts: Number(snapshot.hearts), videos: Number(snapshot.videos) },
      engagementPercent: engagementPercent({ followers: snapshot.followers, hearts: snapshot.hearts, videos: snapshot.videos, avgViews: snapshot.avgViews ?? undefined })?.percent ?? null,
      daily: history.get(row.id) ?? [],
    });
  }
  return { accounts, missing };
}
