import { describe, expect, it } from 'vitest';
import { advanceAlertQueue, createAlertQueue, enqueueAlert, nextAlertChange, SEEN_LIMIT, type AlertQueue, type AlertTiming } from '@/lib/overlays/alert-queue';

const timing: AlertTiming = { durationMs: 5000, gapMs: 300 };

/** Runs the queue like the overlay does (a timer at each nextAlertChange) and records what was on screen. */
function playOut<T>(start: AlertQueue<T>, from: number, arrivals: { at: number; id: string; item: T }[] = [], t: AlertTiming = timing) {
  let queue = start;
  let now = from;
  const shown: { id: string; from: number; to: number }[] = [];
  const pending = [...arrivals].sort((a, b) => a.at - b.at);
  const record = (before: AlertQueue<T>, after: AlertQueue<T>, at: number) => {
    if (before.current && before.current !== after.current) {
      const last = shown[shown.length - 1];
      if (last) last.to = at;
    }
    if (after.current && after.current !== before.current) shown.push({ id: after.current.id, from: at, to: Number.NaN });
  };
  for (let guard = 0; guard < 10_000; guard++) {
    const timer = nextAlertChange(queue);
    const arrival = pending[0];
    if (timer === null && !arrival) break;
    if (arrival && (timer === null || arrival.at <= timer)) {
      pending.shift();
      now = Math.max(now, arrival.at);
      const after = enqueueAlert(queue, arrival.id, arrival.item, now, t);
      record(queue, after, now);
      queue = after;
    } else if (timer !== null) {
      now = Math.max(now, timer);
      const after = advanceAlertQueue(queue, now, t);
      record(queue, after, now);
      queue = after;
    }
  }
  return { queue, shown };
}

describe('gift alert queue', () => {
  it('shows the first alert at once, for its full duration', () => {
    const queue = enqueueAlert(createAlertQueue<string>(), 'a', 'Rose', 1000, timing);
    expect(queue.current).toEqual({ id: 'a', item: 'Rose', startedAt: 1000, endsAt: 6000 });
    expect(queue.waiting).toEqual([]);
    expect(nextAlertChange(queue)).toBe(6000);
    expect(advanceAlertQueue(queue, 5999, timing)).toBe(queue);
  });

  it('plays a burst one at a time, in arrival order, never overlapping, with the gap between two', () => {
    const arrivals = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ at: 1000 + i * 10, id, item: id.toUpperCase() }));
    const { queue, shown } = playOut(createAlertQueue<string>(), 0, arrivals);
    expect(shown.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const [i, alert] of shown.entries()) {
      expect(alert.to - alert.from).toBe(timing.durationMs);
      const next = shown[i + 1];
      if (next) expect(next.from - alert.to).toBe(timing.gapMs);
    }
    expect(queue.current).toBeNull();
    expect(queue.waiting).toEqual([]);
    expect(nextAlertChange(queue)).toBeNull();
  });

  it('shows a gift announced twice only once, even after it has been shown', () => {
    let queue = enqueueAlert(createAlertQueue<string>(), 'a', 'first', 0, timing);
    const again = enqueueAlert(queue, 'a', 'again', 10, timing);
    expect(again).toBe(queue);
    queue = enqueueAlert(queue, 'b', 'B', 20, timing);
    queue = advanceAlertQueue(queue, 6000, timing);
    expect(queue.current?.id).toBe('b');
    expect(enqueueAlert(queue, 'a', 'late repeat', 6001, timing)).toBe(queue);
    expect(enqueueAlert(queue, 'b', 'repeat of current', 6001, timing)).toBe(queue);
  });

  it('drops nothing in a long burst and remembers a bounded number of ids', () => {
    const arrivals = Array.from({ length: SEEN_LIMIT + 200 }, (_, i) => ({ at: i, id: `g${i}`, item: i }));
    const { shown, queue } = playOut(createAlertQueue<number>(), 0, arrivals, { durationMs: 1000, gapMs: 0 });
    expect(shown).toHaveLength(SEEN_LIMIT + 200);
    expect(shown.map((s) => s.id)).toEqual(arrivals.map((a) => a.id));
    expect(queue.seen.length).toBeLessThanOrEqual(SEEN_LIMIT);
    expect(queue.seen[queue.seen.length - 1]).toBe(`g${SEEN_LIMIT + 199}`);
  });

  it('starts a gift that arrives during the gap when the gap is over', () => {
    let queue = enqueueAlert(createAlertQueue<string>(), 'a', 'A', 0, timing);
    queue = advanceAlertQueue(queue, 5000, timing);
    expect(queue.current).toBeNull();
    expect(queue.readyAt).toBe(5300);
    queue = enqueueAlert(queue, 'b', 'B', 5100, timing);
    expect(queue.current).toBeNull();
    expect(nextAlertChange(queue)).toBe(5300);
    queue = advanceAlertQueue(queue, 5300, timing);
    expect(queue.current).toMatchObject({ id: 'b', startedAt: 5300, endsAt: 10_300 });
  });

  it('gives each alert its full time even when the timer fires late', () => {
    let queue = enqueueAlert(createAlertQueue<string>(), 'a', 'A', 0, timing);
    queue = enqueueAlert(queue, 'b', 'B', 1, timing);
    // The page was busy: the timer fires long after the first alert's end.
    queue = advanceAlertQueue(queue, 60_000, timing);
    expect(queue.current).toMatchObject({ id: 'b', startedAt: 60_000, endsAt: 65_000 });
  });

  it('uses a changed duration from the next alert on', () => {
    let queue = enqueueAlert(createAlertQueue<string>(), 'a', 'A', 0, timing);
    queue = enqueueAlert(queue, 'b', 'B', 1, { durationMs: 2000, gapMs: 0 });
    expect(queue.current?.endsAt).toBe(5000);
    queue = advanceAlertQueue(queue, 5000, { durationMs: 2000, gapMs: 0 });
    expect(queue.current).toMatchObject({ id: 'b', startedAt: 5000, endsAt: 7000 });
  });
});
