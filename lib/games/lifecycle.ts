// The one rule for ending an overlay's open sessions and starting a new one, used by the host panel ("New
// session", "Continue", a leaderboard's "Reset board": lib/games/host.ts) and by the worker (a fresh board
// for each LIVE: worker/games.ts), each inside its own transaction that holds the overlay's row lock.
//
// Ending a session: it accepts no more points (freeze_at is set if it was not), shows no winner's
// question any more, and is ENDED.
import { randomUUID } from 'node:crypto';

/** Runs one statement in the caller's transaction (a pg client, or Prisma's $executeRawUnsafe). */
export type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

/** Takes the overlay's row lock for the rest of the transaction (serialises host and worker). */
export const LOCK_OVERLAY_SQL = `SELECT id FROM overlays WHERE id = $1 FOR UPDATE`;

export async function endOpenSessions(execute: Execute, overlayId: string, exceptSessionId: string | null = null): Promise<void> {
  await execute(
    `UPDATE game_sessions SET status = 'ENDED', ended_at = now(), freeze_at = COALESCE(freeze_at, now()), shown_winner_id = NULL, updated_at = now()
      WHERE overlay_id = $1 AND status <> 'ENDED' AND ($2::text IS NULL OR id <> $2::text)`,
    [overlayId, exceptSessionId],
  );
}

export type NewSession = {
  workspaceId: string;
  accountId: string;
  overlayId: string;
  /** The host who started it; null for a board the worker opened for a new LIVE. */
  createdById: string | null;
  name: string;
  rules: unknown;
  liveId: string | bigint | null;
};

/** Ends the overlay's open sessions and inserts the new one; returns its id. */
export async function replaceOpenSessions(execute: Execute, session: NewSession): Promise<string> {
  await endOpenSessions(execute, session.overlayId);
  const id = randomUUID();
  await execute(
    `INSERT INTO game_sessions (id, workspace_id, created_by_id, account_id, overlay_id, name, status, rules, live_id, started_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7::jsonb, $8::bigint, now(), now())`,
    [id, session.workspaceId, session.createdById, session.accountId, session.overlayId, session.name, JSON.stringify(session.rules ?? {}), session.liveId === null ? null : String(session.liveId)],
  );
  return id;
}
