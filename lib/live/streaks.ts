// Gift streaks, counted once. A streakable gift (gift.type === 1) arrives as one frame per tap with a
// growing repeatCount and repeatEnd 0, then a final frame with repeatEnd 1: only the final frame counts,
// as repeatCount × diamondCount. A streak whose end frame never arrives is closed after a quiet period
// with the last count seen, flagged `timeoutClosed`. An end frame that arrives after such a close with a
// higher count is emitted again under the same dedupe key, so storage can correct the total.
//
// Time is the events' own clock (TikTok's createTime), advanced by the caller, so replays at any speed
// close the same streaks at the same points.
import { trimOldest } from '@/lib/bounded';

export type StreakFrame = {
  key: string;
  repeatCount: number;
  repeatEnd: boolean;
  at: number;
  msgId: string;
};

export type StreakClose<T> = { payload: T; repeatCount: number; msgId: string; at: number; timeoutClosed: boolean };

type OpenStreak<T> = { payload: T; repeatCount: number; lastAt: number; msgId: string };

export const DEFAULT_STREAK_TIMEOUT_MS = 10_000;
const CLOSED_MEMORY = 20_000;

export class StreakTracker<T> {
  private readonly open = new Map<string, OpenStreak<T>>();
  /** Recently closed streaks and the count they were closed with (bounded, oldest forgotten first). */
  private readonly closed = new Map<string, { repeatCount: number; timeoutClosed: boolean }>();
  /** No open streak can time out before this (a lower bound), so expire() is called on every message
   *  but scans the open streaks only when one may actually be due. */
  private nextDueAt = Infinity;

  constructor(private readonly timeoutMs: number = DEFAULT_STREAK_TIMEOUT_MS) {}

  get openCount(): number {
    return this.open.size;
  }

  /**
   * Feeds one frame of a streakable gift. Returns the completed streak when this frame ends it (or
   * corrects a timed-out one), otherwise undefined (the streak is still running).
   */
  push(frame: StreakFrame, payload: T): StreakClose<T> | undefined {
    const previous = this.closed.get(frame.key);
    if (previous) {
      // Late frames of a finished streak never count again; a late *end* with a higher count corrects a
      // streak we had to close on timeout.
      if (frame.repeatEnd && previous.timeoutClosed && frame.repeatCount > previous.repeatCount) {
        this.remember(frame.key, frame.repeatCount, false);
        return { payload, repeatCount: frame.repeatCount, msgId: frame.msgId, at: frame.at, timeoutClosed: false };
      }
      return undefined;
    }
    const current = this.open.get(frame.key);
    const repeatCount = Math.max(frame.repeatCount, current?.repeatCount ?? 0);
    if (frame.repeatEnd) {
      this.open.delete(frame.key);
      this.remember(frame.key, repeatCount, false);
      return { payload, repeatCount, msgId: frame.msgId, at: frame.at, timeoutClosed: false };
    }
    const lastAt = Math.max(frame.at, current?.lastAt ?? 0);
    this.open.set(frame.key, { payload, repeatCount, lastAt, msgId: frame.msgId });
    // A streak's quiet period only grows when it is updated, so the bound stays valid; a new one may lower it.
    this.nextDueAt = Math.min(this.nextDueAt, lastAt + this.timeoutMs);
    return undefined;
  }

  /** Closes every streak quiet for longer than the timeout at time `now`. */
  expire(now: number): StreakClose<T>[] {
    if (now < this.nextDueAt) return [];
    const closedNow: StreakClose<T>[] = [];
    let nextDueAt = Infinity;
    for (const [key, streak] of this.open) {
      if (now - streak.lastAt >= this.timeoutMs) closedNow.push(this.closeOpen(key, streak));
      else nextDueAt = Math.min(nextDueAt, streak.lastAt + this.timeoutMs);
    }
    this.nextDueAt = nextDueAt;
    return closedNow;
  }

  /** Closes every open streak (stream end, disconnect, shutdown). */
  closeAll(): StreakClose<T>[] {
    return [...this.open].map(([key, streak]) => this.closeOpen(key, streak));
  }

  private closeOpen(key: string, streak: OpenStreak<T>): StreakClose<T> {
    this.open.delete(key);
    this.remember(key, streak.repeatCount, true);
    return { payload: streak.payload, repeatCount: streak.repeatCount, msgId: streak.msgId, at: streak.lastAt, timeoutClosed: true };
  }

  private remember(key: string, repeatCount: number, timeoutClosed: boolean): void {
    this.closed.delete(key);
    this.closed.set(key, { repeatCount, timeoutClosed });
    trimOldest(this.closed, CLOSED_MEMORY);
  }
}
