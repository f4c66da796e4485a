// The game manager's statements, beside the writer's (worker/writer-sql.ts): reading open sessions and
// boards back, and saving scores and comments. Viewers are upserted by the writer's own statement.
import type pg from 'pg';
import type { GameStatus } from '@/lib/games/session';
import { upsertViewers, type Client } from '@/worker/writer-sql';

type Pool = Pick<pg.Pool, 'query' | 'connect'>;

/** Runs `body` in a transaction on one pooled connection (committed, or rolled back on any error). */
export async function inTransaction<T>(pool: Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export type SessionRow = { id: string; workspace_id: string; account_id: string; overlay_id: string | null; kind: 'LEADERBOARD' | 'QA_GAME' | null; live_id: string | null; status: GameStatus; rules: unknown; freeze_at: Date | null; updated_at: Date };

export async function readOpenSessions(pool: Pool, accountIds: string[]): Promise<SessionRow[]> {
  const { rows } = await pool.query<SessionRow>(
    `SELECT s.id, s.workspace_id, s.account_id, s.overlay_id, o.kind::text AS kind, s.live_id::text, s.status::text AS status, s.rules, s.freeze_at, s.updated_at
       FROM game_sessions s LEFT JOIN overlays o ON o.id = s.overlay_id
      WHERE s.account_id = ANY($1::text[]) AND s.status <> 'ENDED'`,
    [accountIds],
  );
  return rows;
}

export type LeaderboardOverlayRow = { id: string; account_id: string; settings: unknown; open_live: string | null; has_open: boolean };

/** Live leaderboard overlays of these accounts whose workspace still watches them, with their open session. */
export async function readLeaderboardOverlays(pool: Pool, accountIds: string[]): Promise<LeaderboardOverlayRow[]> {
  const { rows } = await pool.query<LeaderboardOverlayRow>(
    `SELECT o.id, o.account_id, o.settings,
            (SELECT s.live_id::text FROM game_sessions s WHERE s.overlay_id = o.id AND s.status <> 'ENDED' ORDER BY s.started_at DESC LIMIT 1) AS open_live,
            EXISTS (SELECT 1 FROM game_sessions s WHERE s.overlay_id = o.id AND s.status <> 'ENDED') AS has_open
       FROM overlays o
      WHERE o.account_id = ANY($1::text[]) AND o.kind = 'LEADERBOARD' AND o.revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM workspace_accounts wa WHERE wa.workspace_id = o.workspace_id AND wa.account_id = o.account_id)`,
    [accountIds],
  );
  return rows;
}

export type ScoreRow = { tiktok_user_id: string; handle: string | null; nickname: string | null; avatar_url: string | null; is_follower: boolean; likes: number; diamonds: number; gift_points: number; points: number; reached_at: Date; removed_at: Date | null };

export async function readScores(pool: Pool, sessionId: string): Promise<ScoreRow[]> {
  const { rows } = await pool.query<ScoreRow>(
    `SELECT v.tiktok_user_id, v.handle, v.nickname, v.avatar_url, g.is_follower, g.likes, g.diamonds, g.gift_points, g.points, g.reached_at, g.removed_at
       FROM game_scores g JOIN viewers v ON v.id = g.viewer_id WHERE g.session_id = $1`,
    [sessionId],
  );
  return rows;
}

/** TikTok user ids of the viewers who won and left the board. */
export async function readRemovedViewers(pool: Pool, sessionId: string): Promise<string[]> {
  const { rows } = await pool.query<{ tiktok_user_id: string }>(
    `SELECT v.tiktok_user_id FROM game_scores g JOIN viewers v ON v.id = g.viewer_id WHERE g.session_id = $1 AND g.removed_at IS NOT NULL`,
    [sessionId],
  );
  return rows.map((r) => r.tiktok_user_id);
}

export type ScoreWrite = { viewerId: string; points: number; giftPoints: number; likes: number; diamonds: number; follower: boolean; reachedAt: string };

export async function upsertScores(client: Client, sessionId: string, scores: ScoreWrite[]): Promise<void> {
  if (scores.length === 0) return;
  await client.query(
    `INSERT INTO game_scores (session_id, viewer_id, points, gift_points, likes, diamonds, is_follower, reached_at, updated_at)
     SELECT $1, i.viewer_id, i.points, i.gift_points, i.likes, i.diamonds, i.is_follower, i.reached_at, now()
       FROM unnest($2::bigint[], $3::float8[], $4::float8[], $5::int[], $6::int[], $7::bool[], $8::timestamp(3)[])
            AS i(viewer_id, points, gift_points, likes, diamonds, is_follower, reached_at)
     ON CONFLICT (session_id, viewer_id) DO UPDATE SET points = EXCLUDED.points, gift_points = EXCLUDED.gift_points,
       likes = EXCLUDED.likes, diamonds = EXCLUDED.diamonds, is_follower = EXCLUDED.is_follower,
       reached_at = EXCLUDED.reached_at, updated_at = now()`,
    [
      sessionId,
      scores.map((s) => s.viewerId),
      scores.map((s) => s.points),
      scores.map((s) => s.giftPoints),
      scores.map((s) => Math.min(s.likes, 2_147_483_647)),
      scores.map((s) => Math.min(s.diamonds, 2_147_483_647)),
      scores.map((s) => s.follower),
      scores.map((s) => s.reachedAt),
    ],
  );
}

export type CommentWrite = { viewerId: string; msgId: string; content: string; at: string };

export async function insertComments(client: Client, sessionId: string, comments: CommentWrite[]): Promise<void> {
  if (comments.length === 0) return;
  await client.query(
    `INSERT INTO game_comments (session_id, viewer_id, msg_id, content, created_at)
     SELECT $1, i.viewer_id, i.msg_id, i.content, i.created_at
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamp(3)[]) AS i(viewer_id, msg_id, content, created_at)
     ON CONFLICT (session_id, msg_id) DO NOTHING`,
    [sessionId, comments.map((c) => c.viewerId), comments.map((c) => c.msgId), comments.map((c) => c.content), comments.map((c) => c.at)],
  );
}

/** Everything the worker received before `at` is in game_scores (winner selection waits for it). */
export async function markScoresAt(client: Client, sessionId: string, at: string): Promise<void> {
  await client.query(`UPDATE game_sessions SET scores_at = $2 WHERE id = $1`, [sessionId, at]);
}

export type Person = { handle: string; nickname: string; avatar: string | null };

/**
 * Our viewer ids for the people on a board or in its comments, creating the viewers the write pipeline has
 * not stored yet. Their names are what the board knows, which may be older than what the writer stored:
 * marked as placeholders, so they never replace a stored name (and a viewer made here is renamed by the
 * writer when its events come through).
 */
export async function viewerIdsOf(client: Client, people: Map<string, Person>): Promise<Map<string, string>> {
  return upsertViewers(
    client,
    [...people].map(([userId, p]) => ({ userId, handle: p.handle, nickname: p.nickname, avatarUrl: p.avatar, placeholder: true, isFollower: false })),
  );
}
