// The Q&A host panel's actions (and "Reset board" for leaderboards). Every action is checked against
// the workspace the user works in, stored first, then announced on the overlay's channel and the
// workspace's: the worker picks stored changes up within half a second and the overlay shows them at once.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { distinctComments, type DistinctComment } from '@/lib/games/comments';
import { endOpenSessions, LOCK_OVERLAY_SQL, replaceOpenSessions, type Execute } from '@/lib/games/lifecycle';
import type { BoardRow } from '@/lib/games/board';
import type { GameMessage, GameWinner } from '@/lib/games/realtime';
import { phaseOf, transition, type SessionAction } from '@/lib/games/session';
import { loadBoard, sessionSnapshot, winnerOf } from '@/lib/games/snapshot';
import { notifyGame } from '@/lib/games/notify';
import { readGameConfig } from '@/lib/games/config';
import type { GameSnapshot } from '@/lib/games/types';
import type { Actor } from '@/lib/workspaces/context';
import { workspaceChannel } from '@/lib/realtime/channels';
import type { Platform } from '@/lib/platforms/events';

const notFound = () => new AppError('NOT_FOUND', 'No such game session in this workspace.');

async function requireScoredOverlay(db: Db, workspaceId: string, overlayId: string) {
  const overlay = await db.overlay.findFirst({ where: { id: overlayId, workspaceId, kind: { in: ['QA_GAME', 'LEADERBOARD'] } } });
  if (!overlay) throw new AppError('NOT_FOUND', 'No such game overlay in this workspace.');
  if (overlay.revokedAt) throw new AppError('CONFLICT', 'This overlay has been revoked; create a new one to run games.');
  return overlay;
}

async function requireSession(db: Db, workspaceId: string, sessionId: string) {
  const session = await db.gameSession.findFirst({ where: { id: sessionId, workspaceId }, include: { overlay: true } });
  if (!session) throw notFound();
  return session;
}

type SessionRecord = Awaited<ReturnType<typeof requireSession>>;

function countdownSeconds(session: SessionRecord): number {
  return readGameConfig(session.overlay?.kind === 'QA_GAME' ? 'QA_GAME' : 'LEADERBOARD', session.overlay?.settings).countdownSeconds;
}

/** How many rows the overlay shows (the host panel marks them). */
function boardSize(overlay: NonNullable<SessionRecord['overlay']>): number {
  return readGameConfig(overlay.kind === 'QA_GAME' ? 'QA_GAME' : 'LEADERBOARD', overlay.settings).size;
}

type Announced = { workspaceId: string; overlayId: string | null };

async function announce(session: Announced, message: GameMessage): Promise<void> {
  await notifyGame(session, message);
}

async function announceState(session: Announced & { id: string; status: SessionRecord['status']; freezeAt: Date | null }): Promise<void> {
  const now = Date.now();
  await announce(session, { type: 'state', sessionId: session.id, overlayId: session.overlayId, phase: phaseOf(session, now), freezeAt: session.freezeAt?.getTime() ?? null, serverNow: now });
}

/** Ends the overlay's open sessions and starts a new one with the overlay's current rules (New session, Reset board). */
export async function startSession(db: Db, actor: Actor, overlayId: string, name?: string) {
  const overlay = await requireScoredOverlay(db, actor.workspaceId, overlayId);
  const { rules } = readGameConfig(overlay.kind === 'QA_GAME' ? 'QA_GAME' : 'LEADERBOARD', overlay.settings);
  // A reset leaderboard belongs to the LIVE in progress, so the worker does not replace it with its own.
  const live = overlay.kind === 'LEADERBOARD' ? await db.live.findFirst({ where: { accountId: overlay.accountId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { id: true } }) : null;
  const session = await db.$transaction(async (tx) => {
    const execute: Execute = (sql, params) => tx.$executeRawUnsafe(sql, ...params);
    // The overlay row serialises this with the worker starting a per-LIVE leaderboard.
    await tx.$queryRawUnsafe(LOCK_OVERLAY_SQL, overlay.id);
    const id = await replaceOpenSessions(execute, { workspaceId: overlay.workspaceId, accountId: overlay.accountId, overlayId: overlay.id, createdById: actor.userId, name: name?.trim() || defaultName(), rules, liveId: live?.id ?? null });
    return tx.gameSession.findUniqueOrThrow({ where: { id } });
  });
  await announceState(session);
  await announce(session, { type: 'board', sessionId: session.id, overlayId: session.overlayId, rows: [], at: Date.now() });
  return session;
}

function defaultName(): string {
  return `Session of ${new Date().toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

/** Freeze (with countdown), resume, end, or continue an ended session. */
export async function sessionAction(db: Db, workspaceId: string, sessionId: string, action: SessionAction) {
  const session = await requireSession(db, workspaceId, sessionId);
  const change = transition(session, action, Date.now(), countdownSeconds(session));
  if ('error' in change) throw new AppError('CONFLICT', change.error);
  const updated = await db.$transaction(async (tx) => {
    if (action === 'continue' && session.overlayId) {
      await tx.$queryRawUnsafe(LOCK_OVERLAY_SQL, session.overlayId);
      await endOpenSessions((sql, params) => tx.$executeRawUnsafe(sql, ...params), session.overlayId, session.id);
    }
    return tx.gameSession.update({ where: { id: session.id }, data: { ...change, ...(action === 'end' ? { shownWinnerId: null } : {}) } });
  });
  await announceState(updated);
  if (action === 'continue') await announce(updated, { type: 'board', sessionId: updated.id, overlayId: updated.overlayId, rows: await loadBoard(db, updated.id), at: Date.now() });
  return updated;
}

export type WinnerCandidate = { winner: GameWinner; comments: DistinctComment[]; boardComplete: boolean } | null;

/**
 * The current top viewer with their distinct comments of the session. Once the board is frozen this
 * waits (up to 3 s) for the worker to have saved every point made before the freeze.
 */
export async function winnerCandidate(db: Db, workspaceId: string, sessionId: string): Promise<WinnerCandidate> {
  const session = await requireSession(db, workspaceId, sessionId);
  const boardComplete = await waitForFrozenBoard(db, session);
  const [top] = await loadBoard(db, session.id, 1);
  if (!top) return null;
  const viewer = await db.viewer.findUnique({ where: { tiktokUserId: top.userId }, select: { id: true } });
  const comments = viewer ? await db.gameComment.findMany({ where: { sessionId: session.id, viewerId: viewer.id }, orderBy: { createdAt: 'asc' }, take: 2000, select: { content: true, createdAt: true } }) : [];
  return { winner: rowToWinner(top), comments: distinctComments(comments.map((c) => ({ content: c.content, at: c.createdAt.getTime() }))), boardComplete };
}

const rowToWinner = (row: BoardRow): GameWinner => ({ userId: row.userId, handle: row.handle, nickname: row.nickname, avatar: row.avatar, points: row.points });

async function waitForFrozenBoard(db: Db, session: SessionRecord, timeoutMs = 3000): Promise<boolean> {
  if (phaseOf(session, Date.now()) !== 'frozen' || !session.freezeAt) return true;
  const freezeAt = session.freezeAt.getTime();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.gameSession.findUnique({ where: { id: session.id }, select: { scoresAt: true } });
    if ((row?.scoresAt?.getTime() ?? 0) >= freezeAt) return true;
    // No worker holds the account (not live): what is stored is all there is.
    const live = await db.trackedAccount.findUnique({ where: { accountId: session.accountId }, select: { state: true } });
    if (live?.state !== 'LIVE' || Date.now() > deadline) return live?.state !== 'LIVE';
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Records the winner and the question the host picked, shows it, and takes the winner off the board. */
export async function selectWinner(db: Db, workspaceId: string, sessionId: string, input: { userId: string; question: string | null }) {
  const session = await requireSession(db, workspaceId, sessionId);
  if (session.status === 'ENDED') throw new AppError('CONFLICT', 'This session has ended; continue it to pick another winner.');
  const viewer = await db.viewer.findUnique({ where: { tiktokUserId: input.userId } });
  const score = viewer ? await db.gameScore.findUnique({ where: { sessionId_viewerId: { sessionId: session.id, viewerId: viewer.id } } }) : null;
  if (!viewer || !score) throw new AppError('NOT_FOUND', 'That viewer has no points in this session.');
  if (score.removedAt) throw new AppError('CONFLICT', 'That viewer has already won in this session.');
  const question = input.question?.trim() ? input.question.trim().slice(0, 300) : null;
  const winner = await db.$transaction(async (tx) => {
    const removed = await tx.gameScore.updateMany({ where: { sessionId: session.id, viewerId: viewer.id, removedAt: null }, data: { removedAt: new Date() } });
    if (removed.count === 0) throw new AppError('CONFLICT', 'That viewer has already won in this session.');
    const created = await tx.gameWinner.create({ data: { sessionId: session.id, viewerId: viewer.id, points: score.points, question } });
    await tx.gameSession.update({ where: { id: session.id }, data: { shownWinnerId: created.id } });
    return created;
  });
  await announce(session, { type: 'winner', sessionId: session.id, overlayId: session.overlayId, winner: winnerOf(viewer, score.points), question });
  await announce(session, { type: 'board', sessionId: session.id, overlayId: session.overlayId, rows: await loadBoard(db, session.id), at: Date.now() });
  return winner;
}

/** Takes the question off the overlay. */
export async function clearQuestion(db: Db, workspaceId: string, sessionId: string): Promise<void> {
  const session = await requireSession(db, workspaceId, sessionId);
  await db.gameSession.update({ where: { id: session.id }, data: { shownWinnerId: null } });
  await announce(session, { type: 'question-cleared', sessionId: session.id, overlayId: session.overlayId });
}

export type HostView = {
  session: GameSnapshot & { status: string; endedAt: number | null; countdownSeconds: number };
  overlay: { id: string; name: string; kind: string; token: string | null; revoked: boolean; size: number } | null;
  account: { id: string; platform: Platform; handle: string; nickname: string | null };
  /** The workspace channel the panel listens on for this session's updates. */
  channel: string;
  winners: { id: string; winner: GameWinner; question: string | null; selectedAt: number }[];
  /** The server's clock when the view was read (the panel corrects its countdown by it). */
  serverNow: number;
};

/** Everything the host panel shows for one session. */
export async function getHostView(db: Db, workspaceId: string, sessionId: string): Promise<HostView> {
  const session = await requireSession(db, workspaceId, sessionId);
  const [snapshot, account, winners] = await Promise.all([
    sessionSnapshot(db, session),
    db.channel.findUniqueOrThrow({ where: { id: session.accountId }, select: { id: true, platform: true, handle: true, nickname: true } }),
    db.gameWinner.findMany({ where: { sessionId: session.id }, orderBy: { selectedAt: 'desc' }, include: { viewer: true } }),
  ]);
  return {
    session: { ...snapshot, status: session.status, endedAt: session.endedAt?.getTime() ?? null, countdownSeconds: countdownSeconds(session) },
    overlay: session.overlay ? { id: session.overlay.id, name: session.overlay.name, kind: session.overlay.kind, token: session.overlay.revokedAt ? null : session.overlay.token, revoked: session.overlay.revokedAt !== null, size: boardSize(session.overlay) } : null,
    account,
    channel: workspaceChannel(session.workspaceId),
    winners: winners.map((w) => ({ id: w.id, winner: winnerOf(w.viewer, w.points), question: w.question, selectedAt: w.selectedAt.getTime() })),
    serverNow: Date.now(),
  };
}

export type SessionSummary = { id: string; name: string | null; status: string; phase: string; startedAt: number; endedAt: number | null; winners: number; players: number; overlayId: string | null; overlayName: string | null; account: string };

/** Sessions of the workspace's game overlays (or of one), newest first. */
export async function listSessions(db: Db, workspaceId: string, options: { overlayId?: string; take?: number } = {}): Promise<SessionSummary[]> {
  const sessions = await db.gameSession.findMany({
    where: { workspaceId, overlay: { kind: 'QA_GAME', ...(options.overlayId ? { id: options.overlayId } : {}) } },
    orderBy: { startedAt: 'desc' },
    take: options.take ?? 50,
    include: { overlay: { select: { name: true } }, account: { select: { handle: true } }, _count: { select: { winners: true, scores: true } } },
  });
  const now = Date.now();
  return sessions.map((s) => ({
    id: s.id,
    name: s.name,
    status: s.status,
    phase: phaseOf(s, now),
    startedAt: s.startedAt.getTime(),
    endedAt: s.endedAt?.getTime() ?? null,
    winners: s._count.winners,
    players: s._count.scores,
    overlayId: s.overlayId,
    overlayName: s.overlay?.name ?? null,
    account: s.account.handle,
  }));
}
