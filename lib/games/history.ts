// The winners and questions of past Q&A sessions, for the session history in the dashboard.
import 'server-only';
import type { Db } from '@/lib/db';
import type { GameWinner } from '@/lib/games/realtime';
import { winnerOf } from '@/lib/games/snapshot';

export type SessionWinner = { id: string; winner: GameWinner; question: string | null; selectedAt: number };

/** Winners of the given sessions (only of the workspace's own sessions), oldest first per session. */
export async function listSessionWinners(db: Db, workspaceId: string, sessionIds: readonly string[]): Promise<Map<string, SessionWinner[]>> {
  const bySession = new Map<string, SessionWinner[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db.gameWinner.findMany({
    where: { sessionId: { in: [...sessionIds] }, session: { workspaceId } },
    orderBy: { selectedAt: 'asc' },
    include: { viewer: true },
    take: 1000,
  });
  for (const row of rows) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push({ id: row.id, winner: winnerOf(row.viewer, row.points), question: row.question, selectedAt: row.selectedAt.getTime() });
    bySession.set(row.sessionId, list);
  }
  return bySession;
}
