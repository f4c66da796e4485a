import { describe, expect, it } from 'vitest';
import type { BoardRow } from '@/lib/games/board';
import type { HostView } from '@/lib/games/host';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';
import { gameErrorWords } from '@/app/[locale]/(site)/dashboard/games/_components/error-words';
import { applyGameMessage, availableActions, countdownLeft, currentPhase, explainError, mergeSnapshot, visibleBoard, type PanelState } from '@/lib/games/host-view';
import type { GameWinner } from '@/lib/games/realtime';

const row = (userId: string, points: number, rank = 1): BoardRow => ({ rank, userId, handle: `fan${userId}`, nickname: `Fan ${userId}`, avatar: null, follower: false, points, likes: points * 15, diamonds: 0 });
const winner = (userId: string, points: number): GameWinner => ({ userId, handle: `fan${userId}`, nickname: `Fan ${userId}`, avatar: null, points });

function hostView(overrides: Partial<HostView['session']> = {}, serverNow = 1_000_000): HostView {
  return {
    session: { sessionId: 's1', overlayId: 'o1', name: 'Evening', phase: 'active', freezeAt: null, startedAt: serverNow - 60_000, rows: [], shown: null, status: 'ACTIVE', endedAt: null, countdownSeconds: 5, ...overrides },
    overlay: { id: 'o1', name: 'Q&A', kind: 'QA_GAME', token: 'tok', revoked: false, size: 5 },
    account: { id: 'a1', platform: 'tiktok', handle: 'luna', nickname: null },
    channel: 'private-workspace-w1',
    winners: [],
    serverNow,
  };
}

describe('countdown on the server clock', () => {
  it('counts whole seconds down from freezeAt, corrected by the clock offset', () => {
    // The tablet's clock is 2.5 s behind the server: the offset puts its "now" back on server time.
    const state = mergeSnapshot(undefined, hostView({ phase: 'countdown', status: 'COUNTDOWN', freezeAt: 1_005_000 }), 997_500, true);
    expect(state.offsetMs).toBe(2_500);
    const serverNow = (local: number) => local + state.offsetMs;
    expect(countdownLeft(1_005_000, serverNow(997_500))).toBe(5);
    expect(countdownLeft(1_005_000, serverNow(997_501))).toBe(5);
    expect(countdownLeft(1_005_000, serverNow(998_600))).toBe(4);
    expect(countdownLeft(1_005_000, serverNow(1_002_499))).toBe(1);
    expect(countdownLeft(1_005_000, serverNow(1_002_500))).toBe(0);
    expect(countdownLeft(1_005_000, serverNow(1_009_000))).toBe(0);
    expect(countdownLeft(null, 5)).toBe(0);
  });

  it('turns a countdown into frozen at freezeAt without waiting for a message', () => {
    expect(currentPhase('countdown', 2_000, 1_999)).toBe('countdown');
    expect(currentPhase('countdown', 2_000, 2_000)).toBe('frozen');
    expect(currentPhase('active', null, 5_000)).toBe('active');
    expect(currentPhase('ended', 2_000, 1_000)).toBe('ended');
  });

  it('takes the offset of each state message', () => {
    const state = mergeSnapshot(undefined, hostView(), 1_000_000, true);
    const next = applyGameMessage(state, { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'countdown', freezeAt: 1_010_000, serverNow: 1_005_000 }, 1_004_000);
    expect(next.offsetMs).toBe(1_000);
    expect(next.view.session).toMatchObject({ phase: 'countdown', freezeAt: 1_010_000, status: 'COUNTDOWN' });
  });
});

describe('phase labels and actions', () => {
  it('names each phase with what to do next, in each language (the games catalogue)', async () => {
    const en = createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: 'games' });
    expect(en('phase.countdownLabel', { seconds: 3 })).toBe('Countdown 3 s');
    expect(en('phase.frozenHint')).toContain('Select the winner');
    expect(en('phase.freeze', { seconds: 5 })).toBe('Freeze (5 s countdown)');
    const ru = createTranslator({ locale: 'ru', messages: await loadMessages('ru'), namespace: 'games' });
    expect(ru('phase.countdownLabel', { seconds: 3 })).toBe('Обратный отсчёт: 3 с');
    const th = createTranslator({ locale: 'th', messages: await loadMessages('th'), namespace: 'games' });
    expect(th('phase.freeze', { seconds: 5 })).toBe('หยุดนับ (นับถอยหลัง 5 วินาที)');
  });

  it('offers only the actions that apply', () => {
    expect(availableActions('active')).toEqual({ freeze: true, resume: false, end: true, continue: false, selectWinner: true });
    expect(availableActions('countdown')).toMatchObject({ freeze: false, resume: true });
    expect(availableActions('frozen')).toMatchObject({ freeze: false, resume: true, selectWinner: true });
    expect(availableActions('ended')).toEqual({ freeze: false, resume: false, end: false, continue: true, selectWinner: false });
  });

  it('explains errors with what to do, in the page’s language', async () => {
    const en = gameErrorWords(createTranslator({ locale: 'en', messages: await loadMessages('en'), namespace: 'games' }));
    expect(explainError(null, en)).toBeNull();
    expect(explainError(Object.assign(new Error('This session is already frozen.'), { status: 409 }), en)).toBe('This session is already frozen.');
    expect(explainError(new TypeError('Failed to fetch'), en)).toMatch(/Check the connection/);
    expect(explainError({ message: 'x', status: 401 }, en)).toMatch(/sign in again/);
    expect(explainError({ message: 'boom', status: 500 }, en)).toMatch(/Try again in a moment/);
    expect(explainError({ message: 'Too many requests; try again in 1 minute.', status: 429 }, en)).toBe('Too many requests; try again in 1 minute. Wait a moment, then try again.');
    const ru = gameErrorWords(createTranslator({ locale: 'ru', messages: await loadMessages('ru'), namespace: 'games' }));
    expect(explainError(new TypeError('Failed to fetch'), ru)).toBe('Не удалось связаться с LiveLens. Проверьте подключение и попробуйте ещё раз.');
    // The server's message is already in the page's language and passes through.
    expect(explainError({ message: 'Эта сессия уже заморожена.', status: 409 }, ru)).toBe('Эта сессия уже заморожена.');
    const zh = gameErrorWords(createTranslator({ locale: 'zh-CN', messages: await loadMessages('zh-CN'), namespace: 'games' }));
    expect(explainError({ message: 'boom', status: 503 }, zh)).toBe('我们这边出了点问题，请稍后再试。');
  });
});

describe('merging board messages', () => {
  const start = (): PanelState => mergeSnapshot(undefined, hostView({ rows: [row('1', 10)] }), 1_000_000, true);

  it('keeps the boards of its own session, newest first, and ignores other sessions', () => {
    const state = start();
    const other = applyGameMessage(state, { type: 'board', sessionId: 'other', overlayId: 'o1', rows: [row('9', 99)], at: 1_000_100 }, 1_000_100);
    expect(other).toBe(state);
    const fresh = applyGameMessage(state, { type: 'board', sessionId: 's1', overlayId: 'o1', rows: [row('2', 30), row('1', 12, 2)], at: 1_000_250 }, 1_000_250);
    expect(fresh.view.session.rows.map((r) => r.userId)).toEqual(['2', '1']);
    expect(fresh.boardAt).toBe(1_000_250);
    // A board that was overtaken on the way is dropped.
    const stale = applyGameMessage(fresh, { type: 'board', sessionId: 's1', overlayId: 'o1', rows: [row('1', 11)], at: 1_000_200 }, 1_000_300);
    expect(stale).toBe(fresh);
  });

  it('keeps the realtime board over a snapshot while connected, and takes the snapshot when not', () => {
    const live = applyGameMessage(start(), { type: 'board', sessionId: 's1', overlayId: 'o1', rows: [row('2', 30)], at: 1_000_250 }, 1_000_250);
    const snapshot = hostView({ rows: [row('1', 10)], phase: 'countdown', status: 'COUNTDOWN', freezeAt: 1_005_000 }, 1_000_400);
    const connected = mergeSnapshot(live, snapshot, 1_000_400, true);
    expect(connected.view.session.rows.map((r) => r.userId)).toEqual(['2']);
    expect(connected.view.session.phase).toBe('countdown');
    const polling = mergeSnapshot(live, snapshot, 1_000_400, false);
    expect(polling.view.session.rows.map((r) => r.userId)).toEqual(['1']);
    expect(polling.boardAt).toBeNull();
    // A snapshot of another session (the host opened another one) replaces everything.
    expect(mergeSnapshot(live, { ...snapshot, session: { ...snapshot.session, sessionId: 's2' } }, 1_000_400, true).view.session.rows.map((r) => r.userId)).toEqual(['1']);
  });

  it('shows a winner, lists it once, hides it from the board, and clears the question', () => {
    const state = applyGameMessage(start(), { type: 'board', sessionId: 's1', overlayId: 'o1', rows: [row('2', 30), row('1', 12, 2), row('3', 5, 3)], at: 1_000_100 }, 1_000_100);
    const won = applyGameMessage(state, { type: 'winner', sessionId: 's1', overlayId: 'o1', winner: winner('2', 30), question: 'Favourite cake?' }, 1_000_200);
    expect(won.view.session.shown).toEqual({ winner: winner('2', 30), question: 'Favourite cake?' });
    expect(won.view.winners.map((w) => [w.winner.userId, w.question])).toEqual([['2', 'Favourite cake?']]);
    // The worker published this board before it heard of the winner: the winner still stays off.
    const late = applyGameMessage(won, { type: 'board', sessionId: 's1', overlayId: 'o1', rows: [row('2', 30), row('1', 12, 2), row('3', 5, 3)], at: 1_000_300 }, 1_000_300);
    expect(visibleBoard(late.view).map((r) => [r.rank, r.userId])).toEqual([[1, '1'], [2, '3']]);
    expect(visibleBoard(late.view, 1)).toHaveLength(1);
    const again = applyGameMessage(late, { type: 'winner', sessionId: 's1', overlayId: 'o1', winner: winner('2', 30), question: 'Favourite cake?' }, 1_000_400);
    expect(again.view.winners).toHaveLength(1);
    const cleared = applyGameMessage(again, { type: 'question-cleared', sessionId: 's1', overlayId: 'o1' }, 1_000_500);
    expect(cleared.view.session.shown).toBeNull();
    expect(cleared.view.winners).toHaveLength(1);
  });

  it('marks the session ended, and running again on continue', () => {
    const ended = applyGameMessage(start(), { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'ended', freezeAt: 1_000_000, serverNow: 1_000_050 }, 1_000_050);
    expect(ended.view.session).toMatchObject({ phase: 'ended', status: 'ENDED', endedAt: 1_000_050 });
    const continued = applyGameMessage(ended, { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'active', freezeAt: null, serverNow: 1_000_090 }, 1_000_090);
    expect(continued.view.session).toMatchObject({ phase: 'active', status: 'ACTIVE', endedAt: null, freezeAt: null });
  });
});
