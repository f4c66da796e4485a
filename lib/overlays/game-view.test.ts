import { describe, expect, it } from 'vitest';
import type { BoardRow } from '@/lib/games/board';
import type { GameMessage } from '@/lib/games/realtime';
import { initialGameState, reduceGame, type GameState } from '@/lib/overlays/game-view';

const row = (userId: string, points: number, rank: number): BoardRow => ({ rank, userId, handle: userId, nickname: userId.toUpperCase(), avatar: null, follower: false, points, likes: 0, diamonds: 0 });
const board = (sessionId: string, ...ids: string[]): GameMessage => ({ type: 'board', sessionId, overlayId: 'o1', rows: ids.map((id, i) => row(id, 100 - i, i + 1)), at: 0 });
const apply = (state: GameState, ...messages: GameMessage[]) => messages.reduce((s, message) => reduceGame(s, { type: 'message', message, size: 3 }), state);
const empty = initialGameState({ snapshot: null, serverNow: 1000 });

describe('game view of an overlay', () => {
  it('starts from the snapshot', () => {
    const state = initialGameState({ snapshot: { sessionId: 's1', overlayId: 'o1', name: null, phase: 'frozen', freezeAt: 900, startedAt: 0, rows: [row('a', 5, 1)], shown: null }, serverNow: 1000 });
    expect(state).toMatchObject({ sessionId: 's1', phase: 'frozen', freezeAt: 900, clockAt: 1000, rows: [{ userId: 'a' }], overtake: null });
  });

  it('finds "A overtook B" between two boards, and none on the first board', () => {
    let state = apply(empty, board('s1', 'a', 'b', 'c'));
    expect(state.overtake).toBeNull();
    state = apply(state, board('s1', 'a', 'c', 'b'));
    expect(state.overtake).toMatchObject({ key: 1, by: { userId: 'c' }, over: { userId: 'b' } });
    // Points changing without a change of order keep the banner that is up; an expired key is ignored.
    expect(reduceGame(state, { type: 'overtake-shown', key: 0 })).toBe(state);
    state = reduceGame(state, { type: 'overtake-shown', key: 1 });
    expect(state.overtake).toBeNull();
  });

  it('only looks at the rows the overlay shows', () => {
    const state = apply(empty, board('s1', 'a', 'b', 'c', 'd', 'e'), board('s1', 'a', 'b', 'c', 'e', 'd'));
    expect(state.overtake).toBeNull();
    expect(apply(state, board('s1', 'a', 'b', 'e', 'c', 'd')).overtake).toMatchObject({ by: { userId: 'e' }, over: { userId: 'c' } });
  });

  it('a removed winner moving everyone up is not an overtake', () => {
    const state = apply(empty, board('s1', 'a', 'b', 'c'), board('s1', 'b', 'c'));
    expect(state.overtake).toBeNull();
  });

  it('a new session starts a fresh board without an overtake and hides the winner', () => {
    let state = apply(empty, board('s1', 'a', 'b'), { type: 'winner', sessionId: 's1', overlayId: 'o1', winner: { userId: 'a', handle: 'a', nickname: 'A', avatar: null, points: 9 }, question: 'Why?' });
    expect(state.shown?.question).toBe('Why?');
    state = apply(state, board('s2', 'b', 'a'));
    expect(state).toMatchObject({ sessionId: 's2', phase: 'active', shown: null, overtake: null });
    expect(state.rows.map((r) => r.userId)).toEqual(['b', 'a']);
  });

  it('follows the countdown, the freeze, the winner and its clearing', () => {
    let state = apply(empty, board('s1', 'a', 'b'), { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'countdown', freezeAt: 6000, serverNow: 1000 });
    expect(state).toMatchObject({ phase: 'countdown', freezeAt: 6000, clockAt: 1000 });
    state = apply(state, { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'frozen', freezeAt: 6000, serverNow: 6001 });
    state = apply(state, { type: 'winner', sessionId: 's1', overlayId: 'o1', winner: { userId: 'a', handle: 'a', nickname: 'A', avatar: null, points: 9 }, question: 'Q?' });
    expect(state.shown).toMatchObject({ winner: { userId: 'a' }, question: 'Q?' });
    expect(apply(state, { type: 'question-cleared', sessionId: 's1', overlayId: 'o1' }).shown).toBeNull();
    expect(apply(state, { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'active', freezeAt: null, serverNow: 9000 }).shown).toBeNull();
    const ended = apply(state, { type: 'state', sessionId: 's1', overlayId: 'o1', phase: 'ended', freezeAt: 6000, serverNow: 9000 });
    expect(ended).toMatchObject({ phase: 'ended', rows: [], shown: null });
  });
});
