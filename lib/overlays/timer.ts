// The subathon timer's arithmetic (browser-safe, shared by the API, the overlay page and its preview).
// What is stored is small: when the host started it, when it was paused and for how long in all, the
// time added by hand, and the account's LIVE counters at the start. Everything else is computed: the time
// earned is a function of what the LIVE counters gained since the start (diamonds with streaks already
// counted once by the worker, likes, follows), so every open copy of the overlay, and a reloaded one,
// shows the same time without anything being written per gift.
//
// Once it reaches 00:00 the subathon is over, as in TikFinity's and StreamElements' timers: gifts, likes and
// follows add nothing until the host starts it again (otherwise a late gift would bring an ended timer back
// to life). The first reader that sees it at 00:00 settles it into `ended` with its final length; while
// paused it cannot reach 00:00 by itself, and events keep adding time. A timer may reach 00:00 while no page
// is open and be read only after more gifts came: the server then settles it from the events' own times
// (`settleTimerFromEvents`), so what came after the moment it reached 00:00 does not count.
import { z } from 'zod';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { LiveCounters } from '@/lib/realtime/payloads';

type TimerSettings = Pick<OverlaySettingsByKind['TIMER'], 'startMinutes' | 'secondsPerDiamond' | 'likesPerStep' | 'secondsPerLikeStep' | 'secondsPerFollow' | 'capMinutes'>;

/** What earns time, summed over the LIVEs since the timer started. */
export type TimerTotals = { diamonds: number; likes: number; follows: number };
export const NO_TOTALS: TimerTotals = { diamonds: 0, likes: 0, follows: 0 };

const totalsSchema = z.object({ diamonds: z.number().min(0), likes: z.number().min(0), follows: z.number().min(0) });

export const timerStateSchema = z.object({
  status: z.enum(['idle', 'running', 'paused', 'ended']),
  /** When the host first pressed Start (ms since the epoch); null while idle. */
  startedAt: z.number().nullable(),
  /** When the current pause began; null unless paused. */
  pausedAt: z.number().nullable(),
  /** Paused time before the current pause, which does not count down. */
  pausedMs: z.number().min(0),
  /** Time the host added (or took off) by hand. */
  addedSeconds: z.number(),
  /** The LIVE running at the start and its counters then (what it had before does not earn time). */
  baseline: totalsSchema.extend({ liveId: z.string() }).nullable(),
  /** When it reached 00:00; null unless ended (states stored before this field read as not ended). */
  endedAt: z.number().nullable().default(null),
  /** Its whole length at the end, which later events no longer change; null unless ended. */
  finalSeconds: z.number().min(0).nullable().default(null),
  /**
   * The host's last action (start, pause, resume, add) and what had been counted then. Since that moment the
   * stored fields have not changed, and the timer had not reached 00:00 (every action settles it first), so
   * the end is searched for only after it. Null in states stored before these fields.
   */
  changedAt: z.number().nullable().default(null),
  changedTotals: totalsSchema.nullable().default(null),
});
export type TimerState = z.infer<typeof timerStateSchema>;

export const IDLE_TIMER: TimerState = { status: 'idle', startedAt: null, pausedAt: null, pausedMs: 0, addedSeconds: 0, baseline: null, endedAt: null, finalSeconds: null, changedAt: null, changedTotals: null };

/** Where the state sits inside the overlay's stored settings (outside the editor's schema, so saving the form keeps it). */
export const TIMER_STATE_KEY = 'timerState';

/** The stored state of an overlay's settings, or idle when there is none or it does not validate. */
export function readTimerState(storedSettings: unknown): TimerState {
  const value = storedSettings && typeof storedSettings === 'object' ? (storedSettings as Record<string, unknown>)[TIMER_STATE_KEY] : undefined;
  const parsed = timerStateSchema.safeParse(value);
  return parsed.success ? parsed.data : IDLE_TIMER;
}

/** The longest a host can add or take off at once: a day. */
export const MAX_ADD_SECONDS = 86_400;

export const timerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('reset') }),
  z.object({ action: z.literal('add'), seconds: z.number().int().min(-MAX_ADD_SECONDS).max(MAX_ADD_SECONDS) }),
]);
export type TimerAction = z.infer<typeof timerActionSchema>;

/**
 * The state after a host's action. Start begins an idle or ended timer afresh (remembering `live`'s
 * counters, so what came before does not count) or resumes a paused one; Pause stops the countdown (gifts
 * still add time); Reset forgets everything; Add changes the hand-added time, except on an ended timer
 * (the subathon is over: Start runs a new one). Settle the state first (`settleTimer`), so a timer that
 * reached 00:00 unseen is treated as ended. `totals`: what is counted now (the action's mark).
 */
export function applyTimerAction(state: TimerState, action: TimerAction, now: number, live: LiveCounters | null, totals: TimerTotals | null = null): TimerState {
  const mark = { changedAt: now, changedTotals: totals };
  switch (action.action) {
    case 'start':
      if (state.status === 'running') return state;
      if (state.status === 'paused' && state.pausedAt !== null) return { ...state, ...mark, status: 'running', pausedMs: state.pausedMs + Math.max(0, now - state.pausedAt), pausedAt: null };
      return { ...IDLE_TIMER, status: 'running', startedAt: now, baseline: live ? { liveId: live.liveId, diamonds: live.diamonds, likes: live.likes, follows: live.follows } : null, changedAt: now, changedTotals: NO_TOTALS };
    case 'pause':
      return state.status === 'running' ? { ...state, ...mark, status: 'paused', pausedAt: now } : state;
    case 'reset':
      return IDLE_TIMER;
    case 'add':
      return state.status === 'ended' ? state : { ...state, ...mark, addedSeconds: state.addedSeconds + action.seconds };
  }
}

/** Seconds earned by what the LIVEs gained (each rule rounded down on its own). */
export function earnedSeconds(settings: TimerSettings, totals: TimerTotals): number {
  const gifts = Math.floor(totals.diamonds * settings.secondsPerDiamond);
  const likes = Math.floor(totals.likes / settings.likesPerStep) * settings.secondsPerLikeStep;
  const follows = totals.follows * settings.secondsPerFollow;
  return gifts + likes + follows;
}

/** The timer's whole length: the start length, added and earned time, held to the cap (and never below zero). */
export function totalSeconds(settings: TimerSettings, state: TimerState, totals: TimerTotals): { seconds: number; capped: boolean } {
  const uncapped = Math.max(0, settings.startMinutes * 60 + state.addedSeconds + (state.status === 'idle' ? 0 : earnedSeconds(settings, totals)));
  const cap = settings.capMinutes * 60;
  return cap > 0 && uncapped >= cap ? { seconds: cap, capped: true } : { seconds: uncapped, capped: false };
}

/** How long the timer has counted down (not while paused, nothing while idle). */
export function elapsedMs(state: TimerState, now: number): number {
  if (state.status === 'idle' || state.startedAt === null) return 0;
  const until = state.status === 'paused' && state.pausedAt !== null ? state.pausedAt : now;
  return Math.max(0, until - state.startedAt - state.pausedMs);
}

export type TimerReading = { remainingMs: number; totalSeconds: number; capped: boolean; ended: boolean };

/** What the editor's host controls show: the state and the time left when the server read it (`at`). */
export type TimerView = TimerReading & { state: TimerState; at: number };

export function readTimer(settings: TimerSettings, state: TimerState, totals: TimerTotals, now: number): TimerReading {
  if (state.status === 'ended') {
    const final = state.finalSeconds ?? 0;
    return { remainingMs: 0, totalSeconds: final, capped: settings.capMinutes > 0 && final >= settings.capMinutes * 60, ended: true };
  }
  const total = totalSeconds(settings, state, totals);
  const remainingMs = Math.max(0, total.seconds * 1000 - elapsedMs(state, now));
  return { remainingMs, totalSeconds: total.seconds, capped: total.capped, ended: state.status !== 'idle' && remainingMs === 0 };
}

/**
 * The state with a timer that has reached 00:00 settled into `ended`, its length then kept as final; any
 * other state unchanged. `totals` are what was counted when it got there (a reader that was not watching
 * then sees the totals of now, which may hold a few later events: they can only have made it longer, so a
 * timer that reads 00:00 now was at 00:00 then too).
 */
export function settleTimer(settings: TimerSettings, state: TimerState, totals: TimerTotals, now: number): TimerState {
  if ((state.status !== 'running' && state.status !== 'paused') || state.startedAt === null) return state;
  const reading = readTimer(settings, state, totals, now);
  if (!reading.ended) return state;
  const endedAt = Math.min(state.pausedAt ?? now, state.startedAt + state.pausedMs + reading.totalSeconds * 1000);
  return { ...state, status: 'ended', pausedAt: null, endedAt, finalSeconds: reading.totalSeconds };
}

/** What one or more events added to the totals, at their own time (ms since the epoch). */
export type TimerIncrement = TimerTotals & { at: number };

/**
 * Whether a running timer may have reached 00:00 since the host's last action, judged from what was counted
 * then (events only add time): when not, there is no need to read the events.
 */
export function mayHaveEnded(settings: TimerSettings, state: TimerState, now: number): boolean {
  if (state.status !== 'running' || state.startedAt === null) return false;
  return readTimer(settings, state, state.changedTotals ?? NO_TOTALS, now).ended;
}

/**
 * `settleTimer` for a reader that was not watching: `totals` are what is counted now, `increments` the
 * events since the host's last action with their own times. Walking them in time order, the timer ends at
 * the first moment its time is up with what had come until then; the events after that moment do not
 * count, so gifts that come after 00:00 never bring it back, however long before the next read they came.
 */
export function settleTimerFromEvents(settings: TimerSettings, state: TimerState, totals: TimerTotals, increments: readonly TimerIncrement[], now: number): TimerState {
  if (state.status !== 'running' || state.startedAt === null) return settleTimer(settings, state, totals, now);
  const startedAt = state.startedAt;
  const from = state.changedAt ?? startedAt;
  const later = increments.filter((i) => i.at > from && i.at <= now).sort((a, b) => a.at - b.at);
  // What was counted before each event: now's totals without it and everything after it.
  let counted = later.reduce<TimerTotals>((sum, event) => gained(sum, event), totals);
  for (const event of later) {
    const length = totalSeconds(settings, state, counted).seconds;
    const deadline = startedAt + state.pausedMs + length * 1000;
    if (deadline <= event.at) return { ...state, status: 'ended', pausedAt: null, endedAt: deadline, finalSeconds: length };
    counted = plus(counted, event);
  }
  return settleTimer(settings, state, totals, now);
}

/** "1:02:03", "02:03": whole seconds, rounded up so the display reaches 0 only at the end. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

// ---- Counting what the LIVEs gained since the start ----

/**
 * What the page knows to count: totals of LIVEs that ended since the start (`before`), and the current
 * LIVE's counters at the start (`baseline`) and now (`last`).
 */
export type TimerTally = { before: TimerTotals; liveId: string | null; baseline: TimerTotals; last: TimerTotals };

const pick = (c: TimerTotals): TimerTotals => ({ diamonds: c.diamonds, likes: c.likes, follows: c.follows });
const plus = (a: TimerTotals, b: TimerTotals): TimerTotals => ({ diamonds: a.diamonds + b.diamonds, likes: a.likes + b.likes, follows: a.follows + b.follows });
const gained = (now: TimerTotals, from: TimerTotals): TimerTotals => ({ diamonds: Math.max(0, now.diamonds - from.diamonds), likes: Math.max(0, now.likes - from.likes), follows: Math.max(0, now.follows - from.follows) });

/**
 * A tally for the page's first paint or a timer just (re)started: the LIVE running at the start counts from
 * its counters then; any other LIVE on now began after the start, so all of it counts; idle counts nothing.
 */
export function freshTally(state: TimerState, live: LiveCounters | null): TimerTally {
  if (!live) return { before: NO_TOTALS, liveId: null, baseline: NO_TOTALS, last: NO_TOTALS };
  if (state.status === 'idle') return { before: NO_TOTALS, liveId: live.liveId, baseline: pick(live), last: pick(live) };
  const baseline = state.baseline?.liveId === live.liveId ? pick(state.baseline) : NO_TOTALS;
  return { before: NO_TOTALS, liveId: live.liveId, baseline, last: pick(live) };
}

/** New counters: the same LIVE moves on; a new LIVE banks what the old one earned and counts from zero. */
export function observeCounters(tally: TimerTally, counters: LiveCounters): TimerTally {
  if (counters.liveId === tally.liveId) return { ...tally, last: pick(counters) };
  return { before: plus(tally.before, gained(tally.last, tally.baseline)), liveId: counters.liveId, baseline: NO_TOTALS, last: pick(counters) };
}

export function countedTotals(tally: TimerTally): TimerTotals {
  return plus(tally.before, gained(tally.last, tally.baseline));
}
