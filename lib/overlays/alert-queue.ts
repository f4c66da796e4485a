// The gift-alert queue of an overlay: alerts show one at a time, in the order they arrived, each for its
// full duration, with a short pause between two so an exit animation never overlaps the next entry.
// Nothing is dropped (a burst of gifts just makes the queue longer) and a gift announced twice (a
// redelivered message, a reconnect) is shown once. Pure functions over an immutable value, so a React
// reducer can hold it and tests can drive it with a fake clock.

export type AlertTiming = {
  /** How long each alert stays on screen, entry and exit animations included. */
  durationMs: number;
  /** The pause between one alert leaving and the next entering. */
  gapMs: number;
};

export type ActiveAlert<T> = { id: string; item: T; startedAt: number; endsAt: number };

export type AlertQueue<T> = {
  readonly current: ActiveAlert<T> | null;
  /** `durationMs`: this alert's own length (a variation's), else the timing's. */
  readonly waiting: readonly { id: string; item: T; durationMs?: number }[];
  /** Ids accepted so far (the latest SEEN_LIMIT), to drop repeats. */
  readonly seen: readonly string[];
  /** The next alert may start from this instant (the end of the previous one plus the gap). */
  readonly readyAt: number;
};

/** The pause between two alerts on an overlay, so one has left before the next enters. */
export const ALERT_GAP_MS = 250;

/** Enough to cover any redelivery window; older ids are forgotten so a long stream stays small. */
export const SEEN_LIMIT = 1000;

export function createAlertQueue<T>(): AlertQueue<T> {
  return { current: null, waiting: [], seen: [], readyAt: 0 };
}

/**
 * Adds an alert (unless its id was queued before) and starts it at once when nothing is showing.
 * Returns the same object when nothing changed, so React skips the render.
 */
export function enqueueAlert<T>(queue: AlertQueue<T>, id: string, item: T, now: number, timing: AlertTiming, durationMs?: number): AlertQueue<T> {
  if (queue.seen.includes(id)) return queue;
  const seen = queue.seen.length >= SEEN_LIMIT ? [...queue.seen.slice(queue.seen.length - SEEN_LIMIT + 1), id] : [...queue.seen, id];
  const entry = durationMs === undefined ? { id, item } : { id, item, durationMs };
  return advanceAlertQueue({ ...queue, waiting: [...queue.waiting, entry], seen }, now, timing);
}

/** Ends the current alert when its time is up and starts the next one once the gap has passed. */
export function advanceAlertQueue<T>(queue: AlertQueue<T>, now: number, timing: AlertTiming): AlertQueue<T> {
  let next = queue;
  if (next.current && now >= next.current.endsAt) {
    next = { ...next, current: null, readyAt: next.current.endsAt + Math.max(0, timing.gapMs) };
  }
  const [first, ...rest] = next.waiting;
  if (!next.current && first && now >= next.readyAt) {
    next = { ...next, current: { id: first.id, item: first.item, startedAt: now, endsAt: now + Math.max(1, first.durationMs ?? timing.durationMs) }, waiting: rest };
  }
  return next;
}

/** Ends the current alert `id` at `now` if that is sooner than planned (its video ended early); the gap still follows. */
export function finishAlert<T>(queue: AlertQueue<T>, id: string, now: number): AlertQueue<T> {
  if (!queue.current || queue.current.id !== id || now >= queue.current.endsAt) return queue;
  return { ...queue, current: { ...queue.current, endsAt: Math.max(queue.current.startedAt + 1, now) } };
}

/** When advanceAlertQueue has something to do next (null: nothing showing and nothing waiting). */
export function nextAlertChange<T>(queue: AlertQueue<T>): number | null {
  if (queue.current) return queue.current.endsAt;
  return queue.waiting.length > 0 ? queue.readyAt : null;
}
