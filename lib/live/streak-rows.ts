// The "in progress" streak rows of Live now ("Kolu 108 · TikTok ×15…"). Progress updates arrive on their
// own, coalesced, so one can come after its streak's finished gift, or after the live has ended; and a
// page left open carries its rows into the next live. A row is shown only while its live is the one on
// the page, that live is running, and its streak has not finished.
import type { RealtimeGift, RealtimeGiftProgress } from '@/lib/realtime/payloads';

export type StreakRows = Readonly<Record<string, RealtimeGiftProgress>>;

/** What the page currently knows: its live (if any, and whether it is running) and the finished gifts. */
export type StreakContext = { liveId: string | null; running: boolean; gifts: readonly Pick<RealtimeGift, 'id' | 'liveId'>[] };

const rowKey = (liveId: string, id: string) => `${liveId}|${id}`;

/** A progress update stored (or replaced, by its streak), unless its streak has already finished. */
export function addProgress(rows: StreakRows, progress: RealtimeGiftProgress, context: StreakContext): StreakRows {
  if (context.gifts.some((g) => g.id === progress.id && g.liveId === progress.liveId)) return rows;
  return { ...rows, [rowKey(progress.liveId, progress.id)]: progress };
}

/** The finished gift replaces its streak's row. */
export function finishStreak(rows: StreakRows, gift: Pick<RealtimeGift, 'id' | 'liveId'>): StreakRows {
  const key = rowKey(gift.liveId, gift.id);
  if (!(key in rows)) return rows;
  const { [key]: _finished, ...rest } = rows;
  return rest;
}

/** Rows of other lives dropped (all of them when there is no live): the store does not grow live after live. */
export function keepLive(rows: StreakRows, liveId: string | null): StreakRows {
  const kept = Object.entries(rows).filter(([, row]) => row.liveId === liveId);
  return kept.length === Object.keys(rows).length ? rows : Object.fromEntries(kept);
}

/** The rows to draw, newest update first. */
export function visibleStreakRows(rows: StreakRows, context: StreakContext): RealtimeGiftProgress[] {
  if (!context.running || context.liveId === null) return [];
  const finished = new Set(context.gifts.map((g) => rowKey(g.liveId, g.id)));
  return Object.values(rows)
    .filter((row) => row.liveId === context.liveId && !finished.has(rowKey(row.liveId, row.id)))
    .sort((a, b) => b.at - a.at);
}
