// The time window in which a live's event rows lie, so that queries by live id on the event tables (which
// are partitioned by month of their time: migration partition_events) read only the partitions of the
// live's months instead of every month of history (docs/architecture.md, "Event partitions").
//
// A live's rows are never timed before its start: the writer lowers `lives.started_at` to the time of the
// earliest event of each batch in the same transaction that stores the batch (worker/writer-sql.ts,
// updateLives), and nothing raises it. The margin covers rows stored any other way (seeded or imported
// history, a start someone corrected by hand) and minute buckets (a like's minute is its time rounded
// down). A day is far more than any clock skew between TikTok's createTime and the room's start, and
// costs at most the partition of the month before when a live starts on the 1st.
import 'server-only';
import type { Db } from '@/lib/db';

/** How far before the live's start its event rows are still looked for. */
export const EVENT_WINDOW_MARGIN_MS = 24 * 60 * 60 * 1000;

/** The earliest time a row of a live that started at `startedAt` can have. */
export function eventWindowStart(startedAt: Date | number): Date {
  return new Date(new Date(startedAt).getTime() - EVENT_WINDOW_MARGIN_MS);
}

/** A live by id, or the live row a caller has already read (its start then costs no query). */
export type LiveRef = bigint | { id: bigint; startedAt: Date };

/** The live's id and window start; `since` is null when there is no such live (then it has no rows either). */
export async function liveEventWindow(db: Pick<Db, 'live'>, live: LiveRef): Promise<{ id: bigint; since: Date | null }> {
  if (typeof live !== 'bigint') return { id: live.id, since: eventWindowStart(live.startedAt) };
  const row = await db.live.findUnique({ where: { id: live }, select: { startedAt: true } });
  return { id: live, since: row ? eventWindowStart(row.startedAt) : null };
}
