// Shapes of the game domain shared by the host panel, the overlays and the worker.
import type { BoardRow } from '@/lib/games/board';
import type { GameWinner } from '@/lib/games/realtime';
import type { GamePhase } from '@/lib/games/session';

/** A session's board as a page first draws it (then kept current by "game" messages). */
export type GameSnapshot = {
  sessionId: string;
  overlayId: string | null;
  name: string | null;
  phase: GamePhase;
  freezeAt: number | null;
  startedAt: number;
  rows: BoardRow[];
  /** The winner and question on screen, if the host is showing one. */
  shown: { winner: GameWinner; question: string | null } | null;
};
