// What a leaderboard or Q&A overlay shows of its session, as a reducer over the page's snapshot and the
// "game" messages of this overlay: the board, phase, freeze instant and shown winner, plus the
// "A overtook B" moments between two consecutive boards (lib/games/overtake.ts) that land on the rows the
// overlay shows.
import type { BoardRow } from '@/lib/games/board';
import { findOvertake } from '@/lib/games/overtake';
import type { GameMessage, GameWinner } from '@/lib/games/realtime';
import type { GamePhase } from '@/lib/games/session';
import type { WordFilter } from '@/lib/overlays/filter';
import type { GameSnapshot } from '@/lib/overlays/types';

export type ShownOvertake = { key: number; by: BoardRow; over: BoardRow };

export type GameState = {
  sessionId: string | null;
  rows: BoardRow[];
  phase: GamePhase | null;
  freezeAt: number | null;
  /** Server time of the latest snapshot or state message (what a countdown shows before its first tick). */
  clockAt: number;
  shown: { winner: GameWinner; question: string | null } | null;
  overtake: ShownOvertake | null;
  overtakes: number;
};

export type GameAction = { type: 'message'; message: GameMessage; size: number } | { type: 'overtake-shown'; key: number };

export function initialGameState({ snapshot, serverNow }: { snapshot: GameSnapshot | null; serverNow: number }): GameState {
  if (!snapshot) return { sessionId: null, rows: [], phase: null, freezeAt: null, clockAt: serverNow, shown: null, overtake: null, overtakes: 0 };
  return { sessionId: snapshot.sessionId, rows: snapshot.rows, phase: snapshot.phase, freezeAt: snapshot.freezeAt, clockAt: serverNow, shown: snapshot.shown, overtake: null, overtakes: 0 };
}

/** A different session: a fresh board, nothing shown, nobody overtaken. */
function switchSession(state: GameState, sessionId: string): GameState {
  if (state.sessionId === sessionId) return state;
  return { ...state, sessionId, rows: [], phase: 'active', freezeAt: null, shown: null, overtake: null };
}

export function reduceGame(state: GameState, action: GameAction): GameState {
  if (action.type === 'overtake-shown') return state.overtake?.key === action.key ? { ...state, overtake: null } : state;
  const { message, size } = action;
  const current = switchSession(state, message.sessionId);
  switch (message.type) {
    case 'board': {
      // The best-ranked overtake of the whole board, celebrated when it happened on the shown rows.
      const found = current.rows.length > 0 ? findOvertake(current.rows.map((r) => r.userId), message.rows.map((r) => r.userId)) : null;
      const visible = found && found.rank <= size ? found : null;
      const by = visible && message.rows.find((r) => r.userId === visible.by);
      const over = visible && message.rows.find((r) => r.userId === visible.over);
      const overtakes = by && over ? current.overtakes + 1 : current.overtakes;
      return { ...current, rows: message.rows, overtake: by && over ? { key: overtakes, by, over } : current.overtake, overtakes };
    }
    case 'state':
      return {
        ...current,
        phase: message.phase,
        freezeAt: message.freezeAt,
        clockAt: message.serverNow,
        shown: message.phase === 'active' || message.phase === 'ended' ? null : current.shown,
        rows: message.phase === 'ended' ? [] : current.rows,
      };
    case 'winner':
      return { ...current, shown: { winner: message.winner, question: message.question } };
    case 'question-cleared':
      return { ...current, shown: null };
  }
}

/**
 * What the winner card says under the winner: the host's question, a note that the word filter hid it,
 * or nothing at all when the host chose to show the winner without a question (the host panel says
 * "shown without a question", so the overlay must not claim a question is still being chosen).
 */
export type WinnerQuestion = { kind: 'question'; text: string } | { kind: 'hidden' } | { kind: 'none' };

export function winnerQuestion(question: string | null, filter: WordFilter): WinnerQuestion {
  if (question === null) return { kind: 'none' };
  // The host picked this question on purpose, but the overlay's blocked words still apply on air.
  const text = filter.message(question);
  return text === null ? { kind: 'hidden' } : { kind: 'question', text };
}
