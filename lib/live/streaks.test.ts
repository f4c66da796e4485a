import { describe, expect, it } from 'vitest';
import { StreakTracker } from '@/lib/live/streaks';

const frame = (key: string, at: number, repeatCount = 1, repeatEnd = false) => ({ key, at, repeatCount, repeatEnd, msgId: `${key}-${at}` });

describe('StreakTracker.expire', () => {
  it('closes each quiet streak exactly when its timeout passes, however the streaks were fed', () => {
    const tracker = new StreakTracker<string>(10_000);
    tracker.push(frame('a', 0), 'a');
    tracker.push(frame('b', 5_000), 'b');
    expect(tracker.expire(9_999)).toEqual([]);
    expect(tracker.expire(10_000).map((c) => c.payload)).toEqual(['a']);
    // b was updated after the last scan: its quiet period starts again.
    tracker.push(frame('b', 12_000, 3), 'b');
    expect(tracker.expire(15_000)).toEqual([]);
    // A streak seen late (an older frame arriving after newer ones) is due earlier than the others.
    tracker.push(frame('c', 4_000), 'c');
    expect(tracker.expire(14_000).map((c) => c.payload)).toEqual(['c']);
    const [b] = tracker.expire(22_000);
    expect(b).toMatchObject({ payload: 'b', repeatCount: 3, timeoutClosed: true, at: 12_000 });
    expect(tracker.openCount).toBe(0);
  });

  it('does not close a streak that ended with its end frame', () => {
    const tracker = new StreakTracker<string>(10_000);
    tracker.push(frame('a', 0), 'a');
    expect(tracker.push(frame('a', 1_000, 5, true), 'a')).toMatchObject({ repeatCount: 5, timeoutClosed: false });
    expect(tracker.expire(60_000)).toEqual([]);
  });
});
