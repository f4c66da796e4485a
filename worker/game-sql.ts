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

/**
 * An open session as one worker scores it: `channel_id` is the channel whose events this board takes. A
 * leaderboard drawing from a cluster (`cluster_id` set) has one row per channel of the cluster this worker
 * asked about, each scored apart and summed in game_scores (upsertChannelScores).
 */
export type SessionRow = { id: string; workspace_id: string; account_id: string; overlay_id: string | null; kind: 'LEADERBOARD' | 'QA_GAME' | null; live_id: string | null; status: GameStatus; rules: unknown; freeze_at: Date | null; updated_at: Date; channel_id: string; cluster_id: string | null };

// The cluster a session's leaderboard overlay draws from: one of its workspace's clusters that holds the
// overlay's own channel (the rule of lib/overlays/sources.ts), else null.
const SESSION_CLUSTER = `(SELECT c.id FROM clusters c
    WHERE o.kind = 'LEADERBOARD' AND o.revoked_at IS NULL AND c.id = o.settings->>'clusterId' AND c.workspace_id = s.workspace_id
      AND EXISTS (SELECT 1 FROM cluster_accounts h WHERE h.cluster_id = c.id AND h.account_id = s.account_id))`;

// The leaderboard overlays (o) drawing from a cluster (c) that holds one of $1's channels (m) other than the
// overlay's own: the cluster belongs to the overlay's workspace and holds the overlay's channel, and that
// workspace still watches m (the rule of lib/overlays/sources.ts). A session's account is its overlay's.
const MEMBER_LEADERBOARDS_FROM = `cluster_accounts m
       JOIN clusters c ON c.id = m.cluster_id
       JOIN overlays o ON o.workspace_id = c.workspace_id AND o.kind = 'LEADERBOARD' AND o.revoked_at IS NULL AND o.settings->>'clusterId' = c.id AND o.account_id <> m.account_id`;
const MEMBER_LEADERBOARDS_WHERE = `m.account_id = ANY($1::text[])
        AND EXISTS (SELECT 1 FROM cluster_accounts h WHERE h.cluster_id = c.id AND h.account_id = o.account_id)
        AND EXISTS (SELECT 1 FROM workspace_accounts wa WHERE wa.workspace_id = c.workspace_id AND wa.account_id = m.account_id)`;

/**
 * The open sessions that score these channels' events: each channel's own, and the cluster leaderboards of
 * other channels that hold it in their cluster (while the overlay's workspace still watches it).
 */
export async function readOpenSessions(pool: Pool, accountIds: string[]): Promise<SessionRow[]> {
  const columns = `s.id, s.workspace_id, s.account_id, s.overlay_id, o.kind::text AS kind, s.live_id::text, s.status::text AS status, s.rules, s.freeze_at, s.updated_at`;
  const { rows } = await pool.query<SessionRow>(
    `SELECT ${columns}, s.account_id AS channel_id, ${SESSION_CLUSTER} AS cluster_id
       FROM game_sessions s LEFT JOIN overlays o ON o.id = s.overlay_id
      WHERE s.account_id = ANY($1::text[]) AND s.status <> 'ENDED'
     UNION ALL
     SELECT ${columns}, m.account_id AS channel_id, c.id AS cluster_id
       FROM ${MEMBER_LEADERBOARDS_FROM}
       JOIN game_sessions s ON s.overlay_id = o.id AND s.status <> 'ENDED'
      WHERE ${MEMBER_LEADERBOARDS_WHERE}`,
    [accountIds],
  );
  return rows;
}

export type LeaderboardOverlayRow = { id: string; account_id: string; settings: unknown; open_live: string | null; has_open: boolean; via_cluster: boolean };

/**
 * Live leaderboard overlays of these accounts whose workspace still watches them, with their open session;
 * and (`via_cluster`) the cluster leaderboards of other channels whose cluster holds one of these accounts.
 */
export async function readLeaderboardOverlays(pool: Pool, accountIds: string[]): Promise<LeaderboardOverlayRow[]> {
  const open = `(SELECT s.live_id::text FROM game_sessions s WHERE s.overlay_id = o.id AND s.status <> 'ENDED' ORDER BY s.started_at DESC LIMIT 1) AS open_live,
            EXISTS (SELECT 1 FROM game_sessions s WHERE s.overlay_id = o.id AND s.status <> 'ENDED') AS has_open`;
  const { rows } = await pool.query<LeaderboardOverlayRow>(
    `SELECT o.id, o.account_id, o.settings, ${open}, false AS via_cluster
       FROM overlays o
      WHERE o.account_id = ANY($1::text[]) AND o.kind = 'LEADERBOARD' AND o.revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM workspace_accounts wa WHERE wa.workspace_id = o.workspace_id AND wa.account_id = o.account_id)
     UNION ALL
     SELECT DISTINCT ON (o.id) o.id, o.account_id, o.settings, ${open}, true AS via_cluster
       FROM ${MEMBER_LEADERBOARDS_FROM}
      WHERE ${MEMBER_LEADERBOARDS_WHERE}
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

/**
 * One channel's part of a cluster board. The first time a session is scored by parts, the channel of the
 * overlay (`seed`) starts from the board as stored, so points made before the cluster was chosen stay.
 */
export async function readChannelScores(pool: Pool, sessionId: string, accountId: string, seed: boolean): Promise<{ rows: ScoreRow[]; seeded: boolean }> {
  const { rows } = await pool.query<ScoreRow>(
    `SELECT v.tiktok_user_id, v.handle, v.nickname, v.avatar_url, p.is_follower, p.likes, p.diamonds, p.gift_points, p.points, p.reached_at, g.removed_at
       FROM game_channel_scores p JOIN viewers v ON v.id = p.viewer_id
       LEFT JOIN game_scores g ON g.session_id = p.session_id AND g.viewer_id = p.viewer_id
      WHERE p.session_id = $1 AND p.account_id = $2`,
    [sessionId, accountId],
  );
  if (rows.length > 0 || !seed) return { rows, seeded: false };
  const parts = await pool.query(`SELECT 1 FROM game_channel_scores WHERE session_id = $1 LIMIT 1`, [sessionId]);
  if (parts.rowCount) return { rows, seeded: false };
  return { rows: await readScores(pool, sessionId), seeded: true };
}

/** Saves one channel's part of these viewers' scores, then their sums over every channel into game_scores. */
export async function upsertChannelScores(client: Client, sessionId: string, accountId: string, scores: ScoreWrite[]): Promise<void> {
  if (scores.length === 0) return;
  // Two workers saving parts of one viewer at once: the second sums after the first has committed.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('game_channel_scores:' || $1))`, [sessionId]);
  await client.query(
    `INSERT INTO game_channel_scores (session_id, account_id, viewer_id, points, gift_points, likes, diamonds, is_follower, reached_at, updated_at)
     SELECT $1, $2, i.viewer_id, i.points, i.gift_points, i.likes, i.diamonds, i.is_follower, i.reached_at, now()
       FROM unnest($3::bigint[], $4::float8[], $5::float8[], $6::int[], $7::int[], $8::bool[], $9::timestamp(3)[])
            AS i(viewer_id, points, gift_points, likes, diamonds, is_follower, reached_at)
     ON CONFLICT (session_id, account_id, viewer_id) DO UPDATE SET points = EXCLUDED.points, gift_points = EXCLUDED.gift_points,
       likes = EXCLUDED.likes, diamonds = EXCLUDED.diamonds, is_follower = EXCLUDED.is_follower,
       reached_at = EXCLUDED.reached_at, updated_at = now()`,
    [sessionId, accountId, ...scoreColumns(scores)],
  );
  await client.query(
    `INSERT INTO game_scores (session_id, viewer_id, points, gift_points, likes, diamonds, is_follower, reached_at, updated_at)
     SELECT session_id, viewer_id, sum(points), sum(gift_points), least(sum(likes), 2147483647), least(sum(diamonds), 2147483647),
            bool_or(is_follower), max(reached_at), now()
       FROM game_channel_scores WHERE session_id = $1 AND viewer_id = ANY($2::bigint[])
      GROUP BY session_id, viewer_id
     ON CONFLICT (session_id, viewer_id) DO UPDATE SET points = EXCLUDED.points, gift_points = EXCLUDED.gift_points,
       likes = EXCLUDED.likes, diamonds = EXCLUDED.diamonds, is_follower = EXCLUDED.is_follower,
       reached_at = EXCLUDED.reached_at, updated_at = now()`,
    [sessionId, scores.map((s) => s.viewerId)],
  );
}

export type StoredBoardRow = { tiktok_user_id: string; handle: string | null; nickname: string | null; avatar_url: string | null; is_follower: boolean; likes: number; diamonds: number; points: number };

/** The stored board's top rows (a cluster board's sums), in the order ScoreBoard.top ranks them. */
export async function readTopScores(pool: Pool, sessionId: string, limit: number): Promise<StoredBoardRow[]> {
  const { rows } = await pool.query<StoredBoardRow>(
    `SELECT v.tiktok_user_id, v.handle, v.nickname, v.avatar_url, g.is_follower, g.likes, g.diamonds, g.points
       FROM game_scores g JOIN viewers v ON v.id = g.viewer_id
      WHERE g.session_id = $1 AND g.removed_at IS NULL AND g.points > 0
      ORDER BY g.points DESC, g.reached_at ASC, v.tiktok_user_id ASC LIMIT $2`,
    [sessionId, limit],
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
    [sessionId, ...scoreColumns(scores)],
  );
}

/** The unnest() columns of a score write: viewer, points, gift points, likes, diamonds, follower, reached. */
function scoreColumns(scores: ScoreWrite[]): unknown[] {
  return [
    scores.map((s) => s.viewerId),
    scores.map((s) => s.points),
    scores.map((s) => s.giftPoints),
    scores.map((s) => Math.min(s.likes, 2_147_483_647)),
    scores.map((s) => Math.min(s.diamonds, 2_147_483_647)),
    scores.map((s) => s.follower),
    scores.map((s) => s.reachedAt),
  ];
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
