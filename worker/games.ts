// Leaderboard and Q&A sessions, scored in the worker that holds the account (the only process that sees
// its events), so "no points after the freeze" is enforced where the points are made, not in a browser.
//
// - Sessions are read from game_sessions every `syncMs` for the accounts this worker has seen events
//   for: the host panel's actions (freeze, resume, winner removed, continue, end) take effect within
//   that delay, well inside the 5-second countdown, and freeze_at is an instant, so a late sync cannot
//   let a late point in.
// - Boards live in memory (lib/games/board.ts) and are written to game_scores every `persistMs`, with
//   the session's scores_at: everything received before it is stored. A restarted (or another) worker
//   loads the board back and carries on with the same standings.
// - A leaderboard overlay gets a fresh session when a new LIVE of its account starts (unless the
//   overlay says otherwise); Q&A sessions are started only by the host.
// - A leaderboard drawing from a cluster (one creator on several platforms) is scored in parts: each
//   worker holding one of the cluster's channels keeps that channel's board, saves it to
//   game_channel_scores, and a viewer's game_scores row is the sum of their parts, written in the same
//   transaction. Its published board is read back from those sums, so every worker sends the same board.
// - Events that arrive before an account's sessions are loaded wait for the first sync.
import type pg from 'pg';
import { ScoreBoard, type BoardEntry } from '@/lib/games/board';
import { BOARD_ROWS_PUBLISHED, type GameBoardMessage, type GameMessage } from '@/lib/games/realtime';
import { parseRules } from '@/lib/games/rules';
import { acceptsPoints, phaseOf, type GameStatus } from '@/lib/games/session';
import type { LiveEvent } from '@/lib/live/events';
import type { Logger } from '@/lib/logger';
import { readSettings } from '@/lib/overlays/settings';
import { cleanText } from '@/lib/text/clean';
import { replaceOpenSessions } from '@/lib/games/lifecycle';
import { valueRate } from '@/lib/dashboard/value';
import { inTransaction, insertComments, markScoresAt, readChannelScores, readLeaderboardOverlays, readOpenSessions, readScores, readRemovedViewers, readTopScores, upsertChannelScores, upsertScores, viewerIdsOf, type Person, type ScoreRow, type SessionRow } from '@/worker/game-sql';

/** Where game messages go: the session's overlay and its workspace (worker/fanout.ts). */
type Publisher = { game(target: { workspaceId: string; overlayId: string | null }, data: GameMessage): void };
type Pool = Pick<pg.Pool, 'query' | 'connect'>;

export type GameManagerOptions = {
  pool: Pool;
  log: Logger;
  fanout?: Publisher;
  syncMs?: number;
  persistMs?: number;
  publishMs?: number;
  /** Forget an account this long after its last event. */
  idleMs?: number;
  now?: () => number;
};

type Session = {
  /** The session's id, or `id@channel` for one channel's part of a cluster board. */
  key: string;
  id: string;
  workspaceId: string;
  accountId: string;
  /** The channel whose events this board scores (the session's own account unless `merged`). */
  channelId: string;
  /** One part of a cluster board: saved as the channel's part, published from the stored sums. */
  merged: boolean;
  overlayId: string | null;
  kind: 'LEADERBOARD' | 'QA_GAME' | null;
  liveId: string | null;
  status: GameStatus;
  freezeAt: number | null;
  updatedAt: number;
  board: ScoreBoard;
  comments: { userId: string; handle: string; nickname: string; msgId: string; content: string; at: number }[];
  publish: boolean;
  /** scores_at has been written past freeze_at (the frozen board is complete in the database). */
  frozenStored: boolean;
};

type AccountState = { lastEventAt: number; liveId: string | null; ready: boolean; pending: { event: LiveEvent; receivedAt: number }[] };


const MAX_PENDING = 20_000;

export class GameManager {
  private readonly sessions = new Map<string, Session>();
  private readonly accounts = new Map<string, AccountState>();
  private readonly timers: NodeJS.Timeout[] = [];
  private syncing: Promise<void> | undefined;
  private persisting: Promise<void> | undefined;
  private stopped = false;
  private readonly now: () => number;
  readonly stats = { scored: 0, ignoredFrozen: 0, persistFailures: 0, syncFailures: 0 };

  constructor(private readonly options: GameManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timers.length > 0) return;
    this.timers.push(
      setInterval(() => void this.sync(), this.options.syncMs ?? 500),
      setInterval(() => void this.persist(), this.options.persistMs ?? 500),
      setInterval(() => this.publish(), this.options.publishMs ?? 250),
    );
  }

  /** Stops the timers and writes every board one last time. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await this.syncing;
    await this.persist();
    this.publish();
  }

  /** Every domain event of every room this worker watches. */
  onEvent(accountId: string, liveId: string, event: LiveEvent): void {
    const receivedAt = this.now();
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { lastEventAt: receivedAt, liveId, ready: false, pending: [] };
      this.accounts.set(accountId, account);
      void this.sync();
    }
    account.lastEventAt = receivedAt;
    if (account.liveId !== liveId) {
      // A new LIVE: its events wait until its leaderboard sessions exist, so none land on the old board.
      account.liveId = liveId;
      account.ready = false;
      void this.sync();
    }
    if (!account.ready) {
      if (account.pending.length < MAX_PENDING) account.pending.push({ event, receivedAt });
      return;
    }
    this.score(accountId, event, receivedAt);
  }

  /** The in-memory board of a session this worker holds, or of one channel's part of it (tests, diagnostics). */
  board(sessionId: string, channelId?: string): ScoreBoard | undefined {
    return this.sessions.get(channelId ? sessionKey(sessionId, channelId) : sessionId)?.board;
  }

  private score(accountId: string, event: LiveEvent, receivedAt: number): void {
    if (event.type !== 'like' && event.type !== 'gift' && event.type !== 'follow' && event.type !== 'chat') return;
    for (const session of this.sessions.values()) {
      if (session.channelId !== accountId) continue;
      if (!acceptsPoints(session, receivedAt)) {
        this.stats.ignoredFrozen++;
        continue;
      }
      if (event.type === 'chat' && session.kind === 'QA_GAME' && !session.board.get(event.viewer.userId)?.removed) {
        session.comments.push({ userId: event.viewer.userId, handle: event.viewer.handle, nickname: event.viewer.nickname, msgId: event.msgId, content: cleanText(event.content).slice(0, 500), at: event.at });
      }
      if (session.board.apply(event)) {
        session.publish = true;
        this.stats.scored++;
      }
    }
  }

  /** Reads the sessions of the accounts we watch; loads new ones, applies changes, drops ended ones. */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.syncing ??= this.syncOnce()
      .catch((error: unknown) => {
        this.stats.syncFailures++;
        if (this.stats.syncFailures === 1 || this.stats.syncFailures % 60 === 0) this.options.log.warn('could not read game sessions; retrying', { error });
      })
      .finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const now = this.now();
    for (const [accountId, account] of this.accounts) {
      if (account.ready && now - account.lastEventAt > (this.options.idleMs ?? 10 * 60_000)) this.forget(accountId);
    }
    const accountIds = [...this.accounts.keys()];
    if (accountIds.length === 0) return;
    const liveAtStart = new Map(accountIds.map((id) => [id, this.accounts.get(id)?.liveId ?? null]));
    await this.startLeaderboardSessions(accountIds);
    const rows = await readOpenSessions(this.options.pool, accountIds);
    const open = new Set(rows.map(keyOf));
    for (const [key, session] of this.sessions) {
      if (!open.has(key) && accountIds.includes(session.channelId)) {
        await this.persistSessions([session]);
        this.sessions.delete(key);
      }
    }
    for (const row of rows) {
      const known = this.sessions.get(keyOf(row));
      if (!known) {
        const session = await this.load(row);
        this.sessions.set(session.key, session);
      } else if (row.updated_at.getTime() !== known.updatedAt) {
        known.status = row.status;
        known.freezeAt = row.freeze_at?.getTime() ?? null;
        known.updatedAt = row.updated_at.getTime();
        known.frozenStored = false;
        for (const userId of await readRemovedViewers(this.options.pool, row.id)) known.board.remove(userId);
        known.publish = true;
      }
    }
    for (const [accountId, account] of this.accounts) {
      if (account.ready) continue;
      if (!liveAtStart.has(accountId) || liveAtStart.get(accountId) !== account.liveId) {
        // Its LIVE changed (or it appeared) while this sync ran: the next sync prepares it.
        setTimeout(() => void this.sync(), 0);
        continue;
      }
      account.ready = true;
      for (const { event, receivedAt } of account.pending.splice(0)) this.score(accountId, event, receivedAt);
    }
  }

  /**
   * A new LIVE starts a new board on each leaderboard overlay of its account that resets per LIVE (in
   * every workspace that still watches the account: an overlay of a workspace that removed it is off).
   */
  private async startLeaderboardSessions(accountIds: string[]): Promise<void> {
    const live = [...this.accounts].filter(([id, a]) => accountIds.includes(id) && a.liveId !== null);
    if (live.length === 0) return;
    const rows = await readLeaderboardOverlays(this.options.pool, live.map(([id]) => id));
    for (const overlay of rows) {
      const settings = readSettings('LEADERBOARD', overlay.settings);
      if (overlay.via_cluster) {
        // Another channel of the overlay's cluster is live: its points need a board, but only the overlay's
        // own channel's LIVEs start new ones.
        if (!overlay.has_open) await this.openLeaderboardSession(overlay.id, overlay.account_id, null, settings.rules, true);
        continue;
      }
      const liveId = this.accounts.get(overlay.account_id)?.liveId ?? null;
      const needsNew = settings.resetEachLive ? overlay.open_live !== liveId : !overlay.has_open;
      if (needsNew) await this.openLeaderboardSession(overlay.id, overlay.account_id, liveId, settings.rules);
    }
  }

  private async openLeaderboardSession(overlayId: string, accountId: string, liveId: string | null, rules: unknown, onlyIfNone = false): Promise<void> {
    await inTransaction(this.options.pool, async (client) => {
      // The overlay row serialises session changes with the app's "Reset board" and "New session".
      const { rows } = await client.query<{ workspace_id: string }>(`SELECT workspace_id FROM overlays WHERE id = $1 AND revoked_at IS NULL FOR UPDATE`, [overlayId]);
      const overlay = rows[0];
      if (!overlay) return;
      const open = await client.query<{ live_id: string | null }>(`SELECT live_id::text FROM game_sessions WHERE overlay_id = $1 AND status <> 'ENDED'`, [overlayId]);
      if (open.rows.some((r) => r.live_id === liveId) || (onlyIfNone && open.rows.length > 0)) return;
      await replaceOpenSessions((sql, params) => client.query(sql, params), { workspaceId: overlay.workspace_id, accountId, overlayId, createdById: null, name: liveId ? 'This LIVE' : 'Leaderboard', rules, liveId });
    });
  }

  private async load(row: SessionRow): Promise<Session> {
    const merged = row.cluster_id !== null;
    // A cluster board's part: the overlay's own channel starts from the stored board the first time.
    const part = merged ? await readChannelScores(this.options.pool, row.id, row.channel_id, row.channel_id === row.account_id) : null;
    const rows: ScoreRow[] = part ? part.rows : await readScores(this.options.pool, row.id);
    const entries: BoardEntry[] = rows.map((r) => ({
      userId: r.tiktok_user_id,
      handle: r.handle ?? `user${r.tiktok_user_id}`,
      nickname: r.nickname ?? r.handle ?? '',
      avatar: r.avatar_url,
      follower: r.is_follower,
      likes: r.likes,
      diamonds: r.diamonds,
      giftPoints: r.gift_points,
      points: r.points,
      reachedAt: r.reached_at.getTime(),
      removed: r.removed_at !== null,
    }));
    const freezeAt = row.freeze_at?.getTime() ?? null;
    // A Bilibili gift scores by its worth in diamonds, the unit the rules are written in.
    const board = new ScoreBoard(parseRules(row.rules), entries, { bilibili: valueRate('bilibili', 'tiktok') });
    // Seeded parts are saved as parts on the next write; until then a sum another channel's worker writes for
    // the same viewer leaves them out (a dip of at most one save interval, put right by that write).
    if (part?.seeded) board.markDirty(entries.map((e) => e.userId));
    return {
      key: keyOf(row),
      id: row.id,
      workspaceId: row.workspace_id,
      accountId: row.account_id,
      channelId: row.channel_id,
      merged,
      overlayId: row.overlay_id,
      kind: row.kind,
      liveId: row.live_id,
      status: row.status,
      freezeAt,
      updatedAt: row.updated_at.getTime(),
      board,
      comments: [],
      publish: true,
      frozenStored: false,
    };
  }

  private forget(accountId: string): void {
    this.accounts.delete(accountId);
    for (const [key, session] of this.sessions) if (session.channelId === accountId) this.sessions.delete(key);
  }

  /** Writes changed scores and new comments of every session (and drops nothing on failure). */
  persist(): Promise<void> {
    this.persisting ??= this.persistSessions([...this.sessions.values()])
      .catch((error: unknown) => {
        this.stats.persistFailures++;
        if (this.stats.persistFailures === 1 || this.stats.persistFailures % 60 === 0) this.options.log.warn('could not save game scores; kept in memory and retried', { error });
      })
      .finally(() => (this.persisting = undefined));
    return this.persisting;
  }

  private async persistSessions(sessions: Session[]): Promise<void> {
    const now = this.now();
    for (const session of sessions) {
      const frozen = phaseOf(session, now) === 'frozen';
      const entries = session.board.takeDirty();
      const comments = session.comments.splice(0);
      if (entries.length === 0 && comments.length === 0 && (!frozen || session.frozenStored)) {
        if (session.merged && session.publish) await this.publishStored(session);
        continue;
      }
      try {
        const missed = await this.writeSession(session, entries, comments, now);
        if (missed.size > 0) {
          // Viewers another transaction was inserting at that moment: their rows go in next time.
          session.board.markDirty(missed);
          session.comments.unshift(...comments.filter((c) => missed.has(c.userId)));
        } else if (frozen) session.frozenStored = true;
        if (session.merged && session.publish) await this.publishStored(session);
      } catch (error) {
        session.board.markDirty(entries.map((e) => e.userId));
        session.comments.unshift(...comments);
        throw error;
      }
    }
  }

  /** Writes one session's changes in a transaction; returns the viewers it could not store yet. */
  private async writeSession(session: Session, entries: BoardEntry[], comments: Session['comments'], scoresAt: number): Promise<Set<string>> {
    const sessionId = session.id;
    return inTransaction(this.options.pool, async (client) => {
      const people = new Map<string, Person>();
      for (const e of entries) people.set(e.userId, { handle: e.handle, nickname: e.nickname, avatar: e.avatar });
      for (const c of comments) if (!people.has(c.userId)) people.set(c.userId, { handle: c.handle, nickname: c.nickname, avatar: null });
      const ids = await viewerIdsOf(client, people);
      const idOf = (userId: string) => ids.get(userId) ?? '';
      const scores = entries.filter((e) => ids.has(e.userId)).map((e) => ({ viewerId: idOf(e.userId), points: e.points, giftPoints: e.giftPoints, likes: e.likes, diamonds: e.diamonds, follower: e.follower, reachedAt: new Date(e.reachedAt || scoresAt).toISOString() }));
      if (session.merged) await upsertChannelScores(client, sessionId, session.channelId, scores);
      else await upsertScores(client, sessionId, scores);
      await insertComments(
        client,
        sessionId,
        comments.filter((c) => ids.has(c.userId)).map((c) => ({ viewerId: idOf(c.userId), msgId: c.msgId, content: c.content, at: new Date(c.at).toISOString() })),
      );
      const missed = new Set([...people.keys()].filter((id) => !ids.has(id)));
      if (missed.size === 0) await markScoresAt(client, sessionId, new Date(scoresAt).toISOString());
      return missed;
    });
  }

  /** Sends the boards that changed (coalesced: at most one message per session per interval). */
  private publish(): void {
    const fanout = this.options.fanout;
    if (!fanout) return;
    for (const session of this.sessions.values()) {
      // A cluster board's part is published after it is saved, from the stored sums (publishStored).
      if (!session.publish || session.merged) continue;
      session.publish = false;
      const message: GameBoardMessage = { type: 'board', sessionId: session.id, overlayId: session.overlayId, rows: session.board.top(BOARD_ROWS_PUBLISHED), at: this.now() };
      fanout.game(session, message);
    }
  }

  /** A cluster board as stored: the sums of every channel's part, the same whichever worker sends it. */
  private async publishStored(session: Session): Promise<void> {
    const fanout = this.options.fanout;
    if (!fanout) {
      session.publish = false;
      return;
    }
    const stored = await readTopScores(this.options.pool, session.id, BOARD_ROWS_PUBLISHED);
    // Cleared once read: a failed read (the database away) sends the board on a later save.
    session.publish = false;
    const rows = stored.map((r, i) => ({ rank: i + 1, userId: r.tiktok_user_id, handle: r.handle ?? `user${r.tiktok_user_id}`, nickname: r.nickname ?? r.handle ?? '', avatar: r.avatar_url, follower: r.is_follower, points: r.points, likes: r.likes, diamonds: r.diamonds }));
    fanout.game(session, { type: 'board', sessionId: session.id, overlayId: session.overlayId, rows, at: this.now() });
  }
}

const sessionKey = (sessionId: string, channelId: string) => `${sessionId}@${channelId}`;
const keyOf = (row: SessionRow) => (row.cluster_id === null ? row.id : sessionKey(row.id, row.channel_id));
