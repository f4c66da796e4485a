import { describe, expect, it } from 'vitest';
import type { OverlayEvent } from '@/lib/overlays/events';
import { OverlayBus } from '@/lib/overlays/events';
import { PreviewSamples, readEditorMessage } from '@/lib/overlays/preview';
import type { KindSettings } from '@/lib/overlays/settings';
import { initialSettings } from '@/lib/overlays/default-texts';
import { OVERLAY_KINDS, readSettings, timerSettings } from '@/lib/overlays/settings';
import { addGifterGift, countGoalGift, gifterBoardStart, giftGoalStart, topGifter } from '@/lib/overlays/gift-tally';
import { countedTotals, earnedSeconds, freshTally, IDLE_TIMER, observeCounters } from '@/lib/overlays/timer';

const origin = 'http://127.0.0.1:3100';

describe('editor → preview messages', () => {
  it('accepts only the editor protocol from the same origin', () => {
    expect(readEditorMessage({ origin, data: { source: 'livelens-editor', type: 'test' } }, origin)).toEqual({ source: 'livelens-editor', type: 'test' });
    expect(readEditorMessage({ origin, data: { source: 'livelens-editor', type: 'settings', settings: { accent: '#00ff00' } } }, origin)).toEqual({ source: 'livelens-editor', type: 'settings', settings: { accent: '#00ff00' } });
    expect(readEditorMessage({ origin: 'https://evil.example', data: { source: 'livelens-editor', type: 'test' } }, origin)).toBeNull();
    expect(readEditorMessage({ origin: 'null', data: { source: 'livelens-editor', type: 'test' } }, origin)).toBeNull();
    expect(readEditorMessage({ origin, data: { source: 'someone-else', type: 'test' } }, origin)).toBeNull();
    expect(readEditorMessage({ origin, data: { source: 'livelens-editor', type: 'reload' } }, origin)).toBeNull();
    expect(readEditorMessage({ origin, data: 'test' }, origin)).toBeNull();
  });
});

describe('preview samples', () => {
  const clock = () => 1_700_000_000_000;
  // A new overlay of the kind, as the dashboard creates it (a wheel starts with example segments).
  const of = <K extends KindSettings['kind']>(kind: K) => ({ kind, settings: readSettings(kind, initialSettings(kind, 'en')) }) as KindSettings;

  it('fires a test alert that passes the overlay threshold', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    const overlay: KindSettings = { kind: 'GIFT_ALERTS', settings: readSettings('GIFT_ALERTS', { minDiamonds: 250 }) };
    const [first] = samples.test(overlay);
    expect(first?.event.name).toBe('gift');
    if (first?.event.name !== 'gift') return;
    expect(first.event.data.diamonds).toBeGreaterThanOrEqual(250);
    const [second] = samples.test(overlay);
    expect(second?.event.name === 'gift' && second.event.data.id).not.toBe(first.event.data.id);
  });

  it('plays a board where the test makes the last viewer overtake the first', () => {
    const samples = new PreviewSamples('o1', 's1', clock);
    const first = samples.initial(of('LEADERBOARD'))[0];
    expect(first?.name).toBe('game');
    const [boost] = samples.test(of('LEADERBOARD'));
    const rows = boost?.event.name === 'game' && boost.event.data.type === 'board' ? boost.event.data.rows : [];
    const initialRows = first?.name === 'game' && first.data.type === 'board' ? first.data.rows : [];
    expect(rows[0]?.userId).toBe(initialRows[initialRows.length - 1]?.userId);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(boost?.event.data).toMatchObject({ overlayId: 'o1', sessionId: 's1' });
  });

  it('runs a Q&A round: countdown, frozen, winner, cleared', () => {
    const samples = new PreviewSamples('o1', 's1', clock);
    samples.initial(of('QA_GAME'));
    const script = samples.test({ kind: 'QA_GAME', settings: readSettings('QA_GAME', { countdownSeconds: 3 }) });
    const steps = script.map(({ afterMs, event }) => (event.name === 'game' ? `${afterMs}:${event.data.type}${event.data.type === 'state' ? `:${event.data.phase}` : ''}` : event.name));
    expect(steps).toEqual(['0:state:countdown', '3000:state:frozen', '4500:winner', '12500:question-cleared', '12500:state:active']);
    const countdown = script[0]?.event;
    expect(countdown?.name === 'game' && countdown.data.type === 'state' && countdown.data.freezeAt).toBe(clock() + 3000);
  });

  it('takes a goal to its target on test', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    const overlay: KindSettings = { kind: 'GOAL', settings: readSettings('GOAL', { metric: 'diamonds', target: 5000 }) };
    const [start] = samples.initial(overlay);
    expect(start?.name === 'counters' && start.data.diamonds).toBe(2000);
    const [test] = samples.test(overlay);
    expect(test?.event.name === 'counters' && test.event.data.diamonds).toBe(5000);
  });

  it('fills a "100 Roses" goal with that gift: 40 at first, the target on test', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    const overlay: KindSettings = { kind: 'GOAL', settings: readSettings('GOAL', { metric: 'gift', giftId: '5655', giftName: 'Rose', target: 100 }) };
    let count = giftGoalStart(null);
    const feed = (events: OverlayEvent[]) => {
      for (const e of events) if (e.name === 'gift') count = countGoalGift(count, e.data, '5655');
    };
    feed(samples.initial(overlay));
    expect(count.count).toBe(40);
    feed(samples.tick(overlay));
    expect(count.count).toBeGreaterThan(40);
    feed(samples.test(overlay).map((s) => s.event));
    expect(count.count).toBeGreaterThanOrEqual(100);
    // No gift chosen yet: nothing to count, rather than another gift's numbers.
    expect(samples.initial({ kind: 'GOAL', settings: { ...readSettings('GOAL', {}), metric: 'gift' } })).toEqual([]);
  });

  it('crowns a top gifter, and the test gift takes the crown', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    let board = gifterBoardStart(null);
    for (const e of samples.initial(of('TOP_GIFTER'))) if (e.name === 'gift') board = addGifterGift(board, e.data);
    expect(topGifter(board)).not.toBeNull();
    const [test] = samples.test(of('TOP_GIFTER'));
    if (test?.event.name !== 'gift') throw new Error('expected a gift');
    board = addGifterGift(board, test.event.data);
    expect(topGifter(board)?.user.id).toBe(test.event.data.user.id);
  });

  it('gives the timer sample counters whose test adds time by the rules', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    const settings = timerSettings.parse({ secondsPerDiamond: 1, secondsPerFollow: 30 });
    const script = [...samples.test({ kind: 'TIMER', settings }).map((s) => s.event)];
    let tally = freshTally(IDLE_TIMER, null);
    for (const e of script) if (e.name === 'counters') tally = tally.liveId === null ? freshTally(IDLE_TIMER, e.data) : observeCounters(tally, e.data);
    expect(countedTotals(tally)).toMatchObject({ diamonds: 100, follows: 1 });
    expect(earnedSeconds(settings, countedTotals(tally))).toBeGreaterThanOrEqual(130);
  });

  it('gives every kind something to show, with the activity kinds the overlay keeps', () => {
    const samples = new PreviewSamples('o1', 'preview', clock);
    for (const kind of OVERLAY_KINDS) {
      expect(samples.initial(of(kind)).length, kind).toBeGreaterThan(0);
      expect(samples.test(of(kind)).length, kind).toBeGreaterThan(0);
    }
    const followsOnly: KindSettings = { kind: 'ACTIVITY', settings: readSettings('ACTIVITY', { shares: false, gifts: false, joins: false }) };
    const events: OverlayEvent[] = Array.from({ length: 20 }, () => samples.tick(followsOnly)).flat();
    expect(events.every((e) => e.name === 'social' && e.data.kind === 'follow')).toBe(true);
  });
});

describe('overlay bus', () => {
  it('delivers events by name until unsubscribed', () => {
    const bus = new OverlayBus();
    const seen: string[] = [];
    const off = bus.on('chat', (chat) => seen.push(chat.content));
    bus.emit({ name: 'chat', data: { liveId: 'l', id: '1', user: { id: 'u', handle: 'h', nickname: 'n', avatar: null, follower: false }, content: 'hi', moderator: false, at: 0 } });
    bus.emit({ name: 'social', data: { liveId: 'l', id: '2', kind: 'follow', user: { id: 'u', handle: 'h', nickname: 'n', avatar: null, follower: false }, at: 0 } });
    off();
    bus.emit({ name: 'chat', data: { liveId: 'l', id: '3', user: { id: 'u', handle: 'h', nickname: 'n', avatar: null, follower: false }, content: 'again', moderator: false, at: 0 } });
    expect(seen).toEqual(['hi']);
  });
});
