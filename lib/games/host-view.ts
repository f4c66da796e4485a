// What the Q&A host panel shows, kept current from snapshots (GET, action answers) and realtime "game"
// messages. Pure, so the browser and the tests share it.
//
// - The countdown runs on the server's clock: every snapshot and state message carries the server's
//   time, and the panel keeps the difference to its own clock (`offsetMs`), so a tablet whose clock is
//   off still shows the seconds the overlay shows and the worker enforces.
// - Boards come from the worker about four times a second. A snapshot reads the stored board, which can
//   be half a second older than the last realtime one, so while realtime is connected a snapshot does
//   not replace a realtime board; boards also never go back in time (`at`).
// - A winner leaves the board for the rest of the session, so the panel hides winners even from a board
//   published a moment before the worker learned of the selection.
import type { BoardRow } from '@/lib/games/board';
import type { HostView } from '@/lib/games/host';
import type { GameMessage } from '@/lib/games/realtime';
import type { GamePhase } from '@/lib/games/session';

export type PanelState = {
  view: HostView;
  /** Server clock minus this device's clock, in ms. */
  offsetMs: number;
  /** Server time of the realtime board shown; null while the board comes from a snapshot. */
  boardAt: number | null;
};

/** Server time minus local time, from a server timestamp and when it was received here. */
export function clockOffset(serverNow: number, receivedAt: number): number {
  return serverNow - receivedAt;
}

/** A snapshot of the session (GET or an action's answer) merged into what the panel shows. */
export function mergeSnapshot(previous: PanelState | undefined, view: HostView, receivedAt: number, realtimeConnected: boolean): PanelState {
  const offsetMs = clockOffset(view.serverNow, receivedAt);
  const sameSession = previous?.view.session.sessionId === view.session.sessionId;
  if (previous && sameSession && realtimeConnected && previous.boardAt !== null) {
    return { view: { ...view, session: { ...view.session, rows: previous.view.session.rows } }, offsetMs, boardAt: previous.boardAt };
  }
  return { view, offsetMs, boardAt: null };
}

/** Applies one realtime message; messages of other sessions leave the state as it is (same object). */
export function applyGameMessage(state: PanelState, message: GameMessage, receivedAt: number): PanelState {
  const { view } = state;
  if (message.sessionId !== view.session.sessionId) return state;
  switch (message.type) {
    case 'board':
      if (state.boardAt !== null && message.at < state.boardAt) return state;
      return { ...state, view: { ...view, session: { ...view.session, rows: message.rows } }, boardAt: message.at };
    case 'state': {
      const ended = message.phase === 'ended';
      return {
        ...state,
        offsetMs: clockOffset(message.serverNow, receivedAt),
        view: {
          ...view,
          session: { ...view.session, phase: message.phase, freezeAt: message.freezeAt, status: statusOf(message.phase), endedAt: ended ? (view.session.endedAt ?? message.serverNow) : null },
        },
      };
    }
    case 'winner': {
      const known = view.winners.some((w) => w.winner.userId === message.winner.userId);
      const winners = known ? view.winners : [{ id: `new-${message.winner.userId}`, winner: message.winner, question: message.question, selectedAt: receivedAt + state.offsetMs }, ...view.winners];
      return { ...state, view: { ...view, winners, session: { ...view.session, shown: { winner: message.winner, question: message.question } } } };
    }
    case 'question-cleared':
      return { ...state, view: { ...view, session: { ...view.session, shown: null } } };
  }
}

function statusOf(phase: GamePhase): string {
  return phase === 'active' ? 'ACTIVE' : phase === 'countdown' ? 'COUNTDOWN' : phase === 'frozen' ? 'FROZEN' : 'ENDED';
}

/** The phase now: a countdown whose end has passed is frozen, whatever the last message said. */
export function currentPhase(phase: GamePhase, freezeAt: number | null, serverNow: number): GamePhase {
  return phase === 'countdown' && freezeAt !== null && serverNow >= freezeAt ? 'frozen' : phase;
}

/** Whole seconds left in the countdown (5, 4, … 1, then 0), on the server's clock. */
export function countdownLeft(freezeAt: number | null, serverNow: number): number {
  if (freezeAt === null) return 0;
  return Math.max(0, Math.ceil((freezeAt - serverNow) / 1000));
}

/** The board as the host sees it: winners of the session left out, ranks closed up, at most `limit` rows. */
export function visibleBoard(view: HostView, limit = 20): BoardRow[] {
  const winners = new Set(view.winners.map((w) => w.winner.userId));
  return view.session.rows
    .filter((row) => !winners.has(row.userId))
    .slice(0, limit)
    .map((row, i) => ({ ...row, rank: i + 1 }));
}

/** Which session actions apply in a phase (the API checks again and explains a refusal). */
export function availableActions(phase: GamePhase): { freeze: boolean; resume: boolean; end: boolean; continue: boolean; selectWinner: boolean } {
  return {
    freeze: phase === 'active',
    resume: phase === 'countdown' || phase === 'frozen',
    end: phase !== 'ended',
    continue: phase === 'ended',
    selectWinner: phase !== 'ended',
  };
}

/** What the host panel says about a failed request, in the page's language (useGameErrorWords builds it from the games catalogue). */
export type GameErrorWords = {
  unreachable: () => string;
  signedOut: () => string;
  /** The server's (already translated) "too many requests" message, with what to do. */
  rateLimited: (message: string) => string;
  serverError: () => string;
};

/** An API error as the host reads it: the server's message (already in the page's language), or what went wrong and what to do. */
export function explainError(error: { message: string; status?: number } | null, words: GameErrorWords): string | null {
  if (!error) return null;
  switch (error.status) {
    case undefined:
      return words.unreachable();
    case 401:
      return words.signedOut();
    case 429:
      return words.rateLimited(error.message);
    default:
      return error.status >= 500 ? words.serverError() : error.message;
  }
}
