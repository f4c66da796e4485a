import { describe, expect, it } from 'vitest';
import { timerSettings } from '@/lib/overlays/settings';
import {
  applyTimerAction,
  countedTotals,
  earnedSeconds,
  formatCountdown,
  freshTally,
  IDLE_TIMER,
  mayHaveEnded,
  observeCounters,
  readTimer,
  readTimerState,
  settleTimer,
  settleTimerFromEvents,
  timerActionSchema,
  TIMER_STATE_KEY,
  type TimerState,
} from '@/lib/overlays/timer';
import type { LiveCounters } from '@/lib/realtime/payloads';

const T0 = Date.UTC(2026, 11, 3, 20, 0, 0);
const settings = timerSettings.parse({ startMinutes: 10, secondsPerDiamond: 2, likesPerStep: 100, secondsPerLikeStep: 5, secondsPerFollow: 30, capMinutes: 60 });
const counters = (liveId: string, diamonds: number, likes: number, follows: number): LiveCounters => ({ liveId, startedAt: T0 - 60_000, viewers: 50, likes, diamonds, gifts: 0, comments: 0, follows, shares: 0 });

describe('subathon timer arithmetic', () => {
  it('earns time per diamond, per whole step of likes and per follow', () => {
    expect(earnedSeconds(settings, { diamonds: 7, likes: 250, follows: 3 })).toBe(7 * 2 + 2 * 5 + 3 * 30);
    // Half a second per diamond: 5 diamonds give 2 s, not 2.5.
    expect(earnedSeconds({ ...settings, secondsPerDiamond: 0.5 }, { diamonds: 5, likes: 99, follows: 0 })).toBe(2);
  });

  it('counts down only while running, and holds still while paused', () => {
    const started = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    expect(readTimer(settings, started, { diamonds: 0, likes: 0, follows: 0 }, T0 + 61_000).remainingMs).toBe(600_000 - 61_000);
    const paused = applyTimerAction(started, { action: 'pause' }, T0 + 100_000, null);
    const later = readTimer(settings, paused, { diamonds: 0, likes: 0, follows: 0 }, T0 + 500_000);
    expect(later.remainingMs).toBe(500_000);
    const resumed = applyTimerAction(paused, { action: 'start' }, T0 + 400_000, null);
    expect(resumed.pausedMs).toBe(300_000);
    expect(readTimer(settings, resumed, { diamonds: 0, likes: 0, follows: 0 }, T0 + 410_000).remainingMs).toBe(490_000);
  });

  it('holds the whole length to the cap however much is earned or added', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    // 10 min start + 2,000 diamonds × 2 s = 76 min: capped at 60.
    const reading = readTimer(settings, running, { diamonds: 2000, likes: 0, follows: 0 }, T0 + 30 * 60_000);
    expect(reading.capped).toBe(true);
    expect(reading.totalSeconds).toBe(3600);
    expect(reading.remainingMs).toBe(30 * 60_000);
    const added = applyTimerAction(running, { action: 'add', seconds: 3600 }, T0, null);
    expect(readTimer(settings, added, { diamonds: 0, likes: 0, follows: 0 }, T0).totalSeconds).toBe(3600);
    // No cap: everything counts.
    expect(readTimer({ ...settings, capMinutes: 0 }, running, { diamonds: 2000, likes: 0, follows: 0 }, T0).totalSeconds).toBe(600 + 4000);
  });

  it('ends at zero, and taking time off never goes below zero', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    expect(readTimer(settings, running, { diamonds: 0, likes: 0, follows: 0 }, T0 + 600_000).ended).toBe(true);
    const cut = applyTimerAction(running, { action: 'add', seconds: -5000 }, T0, null);
    expect(readTimer(settings, cut, { diamonds: 0, likes: 0, follows: 0 }, T0)).toMatchObject({ totalSeconds: 0, remainingMs: 0, ended: true });
  });

  it('is over once it reaches 00:00: later gifts add nothing until the host starts it again', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, counters('1', 0, 0, 0));
    const none = { diamonds: 0, likes: 0, follows: 0 };
    // 10 minutes, nothing earned: at 10:05 it is at 00:00 and settles as ended at 10:00 sharp.
    const ended = settleTimer(settings, running, none, T0 + 605_000);
    expect(ended).toMatchObject({ status: 'ended', endedAt: T0 + 600_000, finalSeconds: 600 });
    // A 100-diamond gift after the end (200 s by the rules) would have revived the computed timer.
    expect(readTimer(settings, running, { diamonds: 100, likes: 0, follows: 0 }, T0 + 610_000).ended).toBe(false);
    expect(readTimer(settings, ended, { diamonds: 100, likes: 500, follows: 9 }, T0 + 610_000)).toEqual({ remainingMs: 0, totalSeconds: 600, capped: false, ended: true });
    // Settling again changes nothing; the host's "add time" does nothing either.
    expect(settleTimer(settings, ended, { diamonds: 100, likes: 0, follows: 0 }, T0 + 700_000)).toBe(ended);
    expect(applyTimerAction(ended, { action: 'add', seconds: 300 }, T0 + 700_000, null)).toBe(ended);
    expect(applyTimerAction(ended, { action: 'pause' }, T0 + 700_000, null)).toBe(ended);
    // Start runs a new subathon from the start length, counting from the LIVE's counters of that moment.
    const again = applyTimerAction(ended, { action: 'start' }, T0 + 800_000, counters('1', 100, 500, 9));
    expect(again).toMatchObject({ status: 'running', startedAt: T0 + 800_000, endedAt: null, finalSeconds: null, addedSeconds: 0, baseline: { liveId: '1', diamonds: 100 } });
    expect(readTimer(settings, again, none, T0 + 800_000)).toMatchObject({ remainingMs: 600_000, ended: false });
    // A timer still counting down is left as it is.
    expect(settleTimer(settings, running, none, T0 + 599_000)).toBe(running);
  });

  it('keeps adding time from events while paused (the countdown holds, the length grows)', () => {
    const started = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    const paused = applyTimerAction(started, { action: 'pause' }, T0 + 300_000, null);
    const before = readTimer(settings, paused, { diamonds: 0, likes: 0, follows: 0 }, T0 + 400_000);
    const after = readTimer(settings, paused, { diamonds: 30, likes: 200, follows: 1 }, T0 + 400_000);
    expect(before.remainingMs).toBe(300_000);
    expect(after.remainingMs - before.remainingMs).toBe((30 * 2 + 2 * 5 + 30) * 1000);
    expect(settleTimer(settings, paused, { diamonds: 30, likes: 200, follows: 1 }, T0 + 900_000)).toBe(paused);
    // Taken down to 00:00 by hand while paused, it is over too.
    const cut = applyTimerAction(paused, { action: 'add', seconds: -300 }, T0 + 400_000, null);
    expect(settleTimer(settings, cut, { diamonds: 0, likes: 0, follows: 0 }, T0 + 400_000)).toMatchObject({ status: 'ended', finalSeconds: 300, endedAt: T0 + 300_000 });
  });

  it('reads a state stored before the end was recorded as not ended', () => {
    const old = { status: 'running', startedAt: T0, pausedAt: null, pausedMs: 0, addedSeconds: 0, baseline: null };
    expect(readTimerState({ [TIMER_STATE_KEY]: old })).toEqual({ ...old, endedAt: null, finalSeconds: null, changedAt: null, changedTotals: null });
  });

  it('reached 00:00 with no page open: events after that moment do not count, those before it do', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, counters('1', 0, 0, 0));
    expect(running).toMatchObject({ changedAt: T0, changedTotals: { diamonds: 0, likes: 0, follows: 0 } });
    // 10 minutes; 50 diamonds at 5:00 (+100 s) make it 11:40; a follow at 11:39 (+30 s) makes it 12:10.
    // Then nothing until 14:00, when 1,000 diamonds come (capped at 60 minutes), and it is read at 15:00.
    const events = [
      { at: T0 + 300_000, diamonds: 50, likes: 0, follows: 0 },
      { at: T0 + 699_000, diamonds: 0, likes: 0, follows: 1 },
      { at: T0 + 840_000, diamonds: 1000, likes: 0, follows: 0 },
    ];
    const now = { diamonds: 1050, likes: 0, follows: 1 };
    // Read from today's totals alone, it would be running again (the bug this guards against).
    expect(settleTimer(settings, running, now, T0 + 900_000).status).toBe('running');
    expect(mayHaveEnded(settings, running, T0 + 900_000)).toBe(true);
    const settled = settleTimerFromEvents(settings, running, now, events, T0 + 900_000);
    expect(settled).toMatchObject({ status: 'ended', endedAt: T0 + 730_000, finalSeconds: 730 });
    expect(readTimer(settings, settled, now, T0 + 900_000)).toEqual({ remainingMs: 0, totalSeconds: 730, capped: false, ended: true });
    // Read before the big gift, or with the big gift before the end, it still runs.
    expect(settleTimerFromEvents(settings, running, { diamonds: 50, likes: 0, follows: 1 }, events.slice(0, 2), T0 + 720_000)).toBe(running);
    const early = [events[0], events[1], { at: T0 + 729_000, diamonds: 1000, likes: 0, follows: 0 }].filter((e) => e !== undefined);
    expect(settleTimerFromEvents(settings, running, now, early, T0 + 900_000)).toBe(running);
    // Without events it is settleTimer.
    expect(settleTimerFromEvents(settings, running, { diamonds: 0, likes: 0, follows: 0 }, [], T0 + 605_000)).toEqual(settleTimer(settings, running, { diamonds: 0, likes: 0, follows: 0 }, T0 + 605_000));
  });

  it('looks for the end only after the host’s last action, from what was counted then', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    // At 9:00, with 30 diamonds counted (+60 s), the host adds 2 minutes: 10 + 1 + 2 = 13 minutes.
    const added = applyTimerAction(running, { action: 'add', seconds: 120 }, T0 + 540_000, null, { diamonds: 30, likes: 0, follows: 0 });
    expect(added).toMatchObject({ changedAt: T0 + 540_000, changedTotals: { diamonds: 30, likes: 0, follows: 0 } });
    // Nothing needs reading while the time counted at the action is not up.
    expect(mayHaveEnded(settings, added, T0 + 779_000)).toBe(false);
    expect(mayHaveEnded(settings, added, T0 + 780_000)).toBe(true);
    // The gift before the action is in the totals already; one at 14:00 came after the end at 13:00.
    const events = [
      { at: T0 + 60_000, diamonds: 30, likes: 0, follows: 0 },
      { at: T0 + 840_000, diamonds: 100, likes: 300, follows: 0 },
    ];
    expect(settleTimerFromEvents(settings, added, { diamonds: 130, likes: 300, follows: 0 }, events, T0 + 850_000)).toMatchObject({ status: 'ended', endedAt: T0 + 780_000, finalSeconds: 780 });
    // Paused, it cannot reach 00:00 by itself: nothing to read.
    const paused = applyTimerAction(added, { action: 'pause' }, T0 + 600_000, null, { diamonds: 30, likes: 0, follows: 0 });
    expect(mayHaveEnded(settings, paused, T0 + 5_000_000)).toBe(false);
  });

  it('shows the start length while idle, whatever the LIVE earns', () => {
    expect(readTimer(settings, IDLE_TIMER, { diamonds: 500, likes: 0, follows: 0 }, T0)).toMatchObject({ remainingMs: 600_000, ended: false, capped: false });
  });

  it('counts only what the LIVE gained after the start, and banks a LIVE that ended', () => {
    const state = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, counters('1', 900, 10_000, 40));
    expect(state.baseline).toEqual({ liveId: '1', diamonds: 900, likes: 10_000, follows: 40 });
    let tally = freshTally(state, counters('1', 900, 10_000, 40));
    expect(countedTotals(tally)).toEqual({ diamonds: 0, likes: 0, follows: 0 });
    tally = observeCounters(tally, counters('1', 950, 10_300, 41));
    expect(countedTotals(tally)).toEqual({ diamonds: 50, likes: 300, follows: 1 });
    // A new LIVE: the first one's gains are kept, the new one counts from its own zero.
    tally = observeCounters(tally, counters('2', 10, 100, 0));
    expect(countedTotals(tally)).toEqual({ diamonds: 60, likes: 400, follows: 1 });
    expect(readTimer(settings, state, countedTotals(tally), T0).totalSeconds).toBe(600 + 60 * 2 + 4 * 5 + 30);
  });

  it('started with no LIVE on, a LIVE that begins later counts in full', () => {
    const state = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    expect(countedTotals(freshTally(state, counters('7', 30, 0, 2)))).toEqual({ diamonds: 30, likes: 0, follows: 2 });
    expect(countedTotals(observeCounters(freshTally(state, null), counters('7', 30, 0, 2)))).toEqual({ diamonds: 30, likes: 0, follows: 2 });
  });

  it('resets to idle, and reads a missing or broken stored state as idle', () => {
    const running = applyTimerAction(IDLE_TIMER, { action: 'start' }, T0, null);
    expect(applyTimerAction(running, { action: 'reset' }, T0, null)).toEqual(IDLE_TIMER);
    expect(readTimerState({})).toEqual(IDLE_TIMER);
    expect(readTimerState({ [TIMER_STATE_KEY]: { status: 'flying' } })).toEqual(IDLE_TIMER);
    const stored: TimerState = { ...running, addedSeconds: 60 };
    expect(readTimerState({ title: 'x', [TIMER_STATE_KEY]: stored })).toEqual(stored);
  });

  it('refuses adding part of a second or more than a day at once', () => {
    expect(timerActionSchema.safeParse({ action: 'add', seconds: 1.5 }).success).toBe(false);
    expect(timerActionSchema.safeParse({ action: 'add', seconds: 86_401 }).success).toBe(false);
    expect(timerActionSchema.safeParse({ action: 'add', seconds: -300 }).success).toBe(true);
  });

  it('formats the countdown rounding up to whole seconds', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
  });
});
