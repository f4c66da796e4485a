// A session's board and state as stored (the worker saves it every half second): first paint of the
// overlay and the host panel, and what winner selection reads once the board is frozen.
import 'server-only';
import type { Db } from '@/lib/db';
import type { BoardRow } from '@/lib/games/board';
import { BOARD_ROWS_PUBLISHED, type GameWinner } from '@/lib/games/realtime';
import { phaseOf, type GameStatus } from '@/lib/games/session';
import type { GameSnapshot } from '@/lib/games/types';

type SessionRow = { id: string; overlayId: string | null; name: string | null; status: GameStatus; freezeAt: Date | null; startedAt: Date; shownWinnerId: string | null };

export async function loadBoard(db: Db, sessionId: string, limit = BOARD_ROWS_PUBLISHED): Promise<BoardRow[]> {
  const rows = await db.gameScore.findMany({
    where: { sessionId, removedAt: null, points: { gt: 0 } },
    orderBy: [{ points: 'desc' }, { reachedAt: 'asc' }, { viewerId: 'asc' }],
    take: limit,
    include: { viewer: { select: { tiktokUserId: true, handle: true, nickname: true, avatarUrl: true } } },
  });
  return rows.map((r, i) => ({
    rank: i + 1,
    userId: r.viewer.tiktokUserId,
    handle: r.viewer.handle ?? '',
    nickname: r.viewer.nickname ?? r.viewer.handle ?? '',
    avatar: r.viewer.avatarUrl,
    follower: r.isFollower,
    points: r.points,
    likes: r.likes,
    diamonds: r.diamonds,
  }));
}

export async function loadWinner(db: Db, winnerId: string): Promise<{ winner: GameWinner; question: string | null } | null> {
  const row = await db.gameWinner.findUnique({ where: { id: winnerId }, include: { viewer: true } });
  if (!row) return null;
  return { winner: winnerOf(row.viewer, row.points), question: row.question };
}

export function winnerOf(viewer: { tiktokUserId: string; handle: string | null; nickname: string | null; avatarUrl: string | null }, points: number): GameWinner {
  return { userId: viewer.tiktokUserId, handle: viewer.handle ?? '', nickname: viewer.nickname ?? viewer.handle ?? '', avatar: viewer.avatarUrl, points };
}

export async function sessionSnapshot(db: Db, session: SessionRow, now = Date.now()): Promise<GameSnapshot> {
  const [rows, shown] = await Promise.all([loadBoard(db, session.id), session.shownWinnerId ? loadWinner(db, session.shownWinnerId) : Promise.resolve(null)]);
  return {
    sessionId: session.id,
    overlayId: session.overlayId,
    name: session.name,
    phase: phaseOf(session, now),
    freezeAt: session.freezeAt?.getTime() ?? null,
    startedAt: session.startedAt.getTime(),
    rows,
    shown,
  };
}

/** The session an overlay shows: its open one (none between sessions). */
export async function currentSessionOf(db: Db, overlayId: string): Promise<SessionRow | null> {
  const select = { id: true, overlayId: true, name: true, status: true, freezeAt: true, startedAt: true, shownWinnerId: true } as const;
  const open = await db.gameSession.findFirst({ where: { overlayId, status: { not: 'ENDED' } }, orderBy: { startedAt: 'desc' }, select });
  return open ?? null;
}
