// What the worker and the app publish about sessions (Pusher event "game" on the account's dashboard and
// overlay channels). Overlays keep only messages of their own overlay id.
import type { BoardRow } from '@/lib/games/board';
import type { GamePhase } from '@/lib/games/session';

export const BOARD_ROWS_PUBLISHED = 20;

export type GameBoardMessage = { type: 'board'; sessionId: string; overlayId: string | null; rows: BoardRow[]; at: number };
export type GameStateMessage = { type: 'state'; sessionId: string; overlayId: string | null; phase: GamePhase; freezeAt: number | null; serverNow: number };
export type GameWinner = { userId: string; handle: string; nickname: string; avatar: string | null; points: number };
export type GameWinnerMessage = { type: 'winner'; sessionId: string; overlayId: string | null; winner: GameWinner; question: string | null };
export type GameQuestionClearedMessage = { type: 'question-cleared'; sessionId: string; overlayId: string | null };

export type GameMessage = GameBoardMessage | GameStateMessage | GameWinnerMessage | GameQuestionClearedMessage;
