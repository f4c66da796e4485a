// The host panel's actions against the real database and realtime server, with real events scored by
// the worker's GameManager: sessions, freeze with countdown, the winner candidate with folded comments,
// winner selection taking the viewer off the board, refusals, and what the overlay channel receives.
import pg from 'pg';
import type { Channel } from 'pusher-js';
import type PusherClient from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { clearQuestion, getHostView, listSessions, selectWinner, sessionAction, startSession, winnerCandidate } from '@/lib/games/host';
import type { GameMessage } from '@/lib/games/realtime';
import { loadBoard } from '@/lib/games/snapshot';
import type { LiveEvent, ViewerRef } from '@/lib/live/events';
import { createLogger } from '@/lib/logger';
import { overlayChannel } from '@/lib/realtime/channels';
import { actorOf, createTestAccount, createTestOverlay, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { createTestClient, subscribe } from '@/tools/testing/realtime-client';
import { GameManager } from '@/worker/games';
import { withProps } from '@/tools/testing/match';

const log = createLogger('host-test');
let pool: pg.Pool;
const clients: PusherClient[] = [];
beforeAll(() => {
  pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 3 });
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await pool.end();
});

/** A user whose workspace watches an account with a Q&A overlay (countdown shortened for the tests). */
async function setup(settings: object = { countdownSeconds: 1 }) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db);
  const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, createdById: user.id, accountId: account.id, kind: 'QA_GAME', settings });
  return { user, account, overlay };
}

const uid = () => `72${Date.now() % 1e9}${Math.floor(Math.random() * 1e6)}`;
const viewer = (id: string, isFollower = false): ViewerRef => ({ userId: id, handle: `fan${id}`, nickname: `Fan ${id}`, avatarUrl: null, placeholder: false, isFollower });
let seq = 0;
const base = () => ({ msgId: `h${++seq}-${uniqueSuffix()}`, roomId: '1', at: Date.now() });
const like = (v: ViewerRef, count: number): LiveEvent => ({ type: 'like', ...base(), viewer: v, count, total: 0 });
const chat = (v: ViewerRef, content: string): LiveEvent => ({ type: 'chat', ...base(), viewer: v, content, isModerator: false, isSubscriber: false });
const gift = (v: ViewerRef, diamondCount: number): LiveEvent => {
  const b = base();
  return { type: 'gift', ...b, viewer: v, giftId: '5655', giftName: 'Rose', diamondCount, repeatCount: 1, diamonds: diamondCount, streakable: false, timeoutClosed: false, dedupeKey: `k${b.msgId}`, imageUrl: null };
};

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code'], message?: RegExp | string): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

/** Collects the "game" messages of a channel; `next` resolves with the first one of a kind that matches. */
function collect(channel: Channel) {
  const seen: GameMessage[] = [];
  channel.bind('game', (message: GameMessage) => seen.push(message));
  return {
    seen,
    next: async <T extends GameMessage['type']>(type: T, match: (message: Extract<GameMessage, { type: T }>) => boolean = () => true): Promise<Extract<GameMessage, { type: T }>> => {
      const find = () => seen.find((m): m is Extract<GameMessage, { type: T }> => m.type === type && match(m as Extract<GameMessage, { type: T }>));
      await until(() => find() !== undefined, `a "${type}" message`, 5000);
      return find()!;
    },
  };
}

describe('Q&A host actions', () => {
  it('starts a new session and ends the overlay’s open one; lists them newest first', async () => {
    const { user, overlay } = await setup();
    const first = await startSession(db, actorOf(user), overlay.id, 'First round');
    const second = await startSession(db, actorOf(user), overlay.id, '  ');
    const stored = await db.gameSession.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.status).toBe('ENDED');
    expect(stored.endedAt).not.toBeNull();
    expect(second.status).toBe('ACTIVE');
    expect(second.name).toMatch(/^Session of /);
    const listed = await listSessions(db, user.workspaceId, { overlayId: overlay.id });
    expect(listed.map((s) => [s.id, s.phase])).toEqual([
      [second.id, 'active'],
      [first.id, 'ended'],
    ]);
    expect(listed[1]).toMatchObject({ name: 'First round', players: 0, winners: 0, overlayId: overlay.id });
  });

  it('freezes with the overlay’s countdown, and refuses actions that do not apply with a message', async () => {
    const { user, overlay } = await setup({ countdownSeconds: 7 });
    const session = await startSession(db, actorOf(user), overlay.id);
    const before = Date.now();
    const frozen = await sessionAction(db, user.workspaceId, session.id, 'freeze');
    expect(frozen.status).toBe('COUNTDOWN');
    expect(frozen.freezeAt!.getTime()).toBeGreaterThanOrEqual(before + 7000);
    expect(frozen.freezeAt!.getTime()).toBeLessThanOrEqual(Date.now() + 7000);
    const view = await getHostView(db, user.workspaceId, session.id);
    expect(view.session).toMatchObject({ phase: 'countdown', freezeAt: frozen.freezeAt!.getTime(), countdownSeconds: 7 });
    expect(view.overlay).toMatchObject({ id: overlay.id, token: overlay.token, revoked: false, size: 5 });
    expect(Math.abs(view.serverNow - Date.now())).toBeLessThan(5000);

    await expectAppError(sessionAction(db, user.workspaceId, session.id, 'freeze'), 'CONFLICT', 'This session is already frozen.');
    await expectAppError(sessionAction(db, user.workspaceId, session.id, 'continue'), 'CONFLICT', 'This session is still running.');
    expect((await sessionAction(db, user.workspaceId, session.id, 'resume')).status).toBe('ACTIVE');
    await expectAppError(sessionAction(db, user.workspaceId, session.id, 'resume'), 'CONFLICT', 'already accepting points');
    expect((await sessionAction(db, user.workspaceId, session.id, 'end')).status).toBe('ENDED');
    await expectAppError(sessionAction(db, user.workspaceId, session.id, 'end'), 'CONFLICT', 'already ended');
    await expectAppError(sessionAction(db, user.workspaceId, session.id, 'freeze'), 'CONFLICT', 'continue it first');
    await expectAppError(selectWinner(db, user.workspaceId, session.id, { userId: '1', question: null }), 'CONFLICT', 'has ended');

    // Continuing an earlier session ends the one that is open on the overlay meanwhile.
    const other = await startSession(db, actorOf(user), overlay.id, 'Meanwhile');
    expect((await sessionAction(db, user.workspaceId, session.id, 'continue')).status).toBe('ACTIVE');
    expect((await db.gameSession.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('ENDED');
  });

  it('scores real events, stops at the freeze, offers the top scorer with folded comments, and takes the winner off the board', async () => {
    const { user, account, overlay } = await setup({ countdownSeconds: 1 });
    const session = await startSession(db, actorOf(user), overlay.id, 'Scored');
    const games = new GameManager({ pool, log, syncMs: 50, persistMs: 50, publishMs: 50 });
    games.start();
    try {
      const [ann, bob] = [viewer(uid()), viewer(uid(), true)];
      games.onEvent(account.id, '1', like(ann, 150)); // non-follower: 10 points
      games.onEvent(account.id, '1', gift(bob, 5)); // 5 × 1 = 5 points
      for (const text of ["What's your name??", 'what’s your name', "WHAT'S   YOUR NAME!!!", '🎉🎉🎉', 'Do you like cats?']) games.onEvent(account.id, '1', chat(ann, text));
      games.onEvent(account.id, '1', chat(bob, 'Hi from Bob'));
      await until(async () => (await db.gameScore.count({ where: { sessionId: session.id } })) === 2 && (await db.gameComment.count({ where: { sessionId: session.id } })) === 6, 'scores and comments saved');

      // Freeze: after the 1-second countdown the worker takes no more points.
      await sessionAction(db, user.workspaceId, session.id, 'freeze');
      const { freezeAt } = await db.gameSession.findUniqueOrThrow({ where: { id: session.id } });
      await until(() => Date.now() > freezeAt!.getTime() + 50, 'the countdown', 5000);
      games.onEvent(account.id, '1', gift(bob, 500));
      games.onEvent(account.id, '1', chat(bob, 'too late'));
      await until(async () => ((await db.gameSession.findUniqueOrThrow({ where: { id: session.id } })).scoresAt ?? new Date(0)) >= freezeAt!, 'the frozen board saved');
      expect(games.board(session.id)?.get(bob.userId)?.points).toBe(5);
      expect((await getHostView(db, user.workspaceId, session.id)).session.phase).toBe('frozen');

      const candidate = await winnerCandidate(db, user.workspaceId, session.id);
      expect(candidate?.winner).toMatchObject({ userId: ann.userId, handle: ann.handle, points: 10 });
      expect(candidate?.boardComplete).toBe(true);
      expect(candidate?.comments.map((c) => [c.text, c.count])).toEqual([
        ["What's your name??", 3],
        ['Do you like cats?', 1],
      ]);

      await selectWinner(db, user.workspaceId, session.id, { userId: ann.userId, question: '  Do you like cats?  ' });
      expect((await loadBoard(db, session.id)).map((r) => r.userId)).toEqual([bob.userId]);
      const winner = await db.gameWinner.findFirstOrThrow({ where: { sessionId: session.id } });
      expect(winner).toMatchObject({ question: 'Do you like cats?', points: 10 });
      const view = await getHostView(db, user.workspaceId, session.id);
      expect(view.session.shown).toEqual({ winner: withProps({ userId: ann.userId }), question: 'Do you like cats?' });
      expect(view.session.rows.map((r) => r.userId)).toEqual([bob.userId]);
      expect(view.winners.map((w) => [w.winner.userId, w.question])).toEqual([[ann.userId, 'Do you like cats?']]);
      // The worker holding the board drops the winner too.
      await until(() => !games.board(session.id)?.top(10).some((r) => r.userId === ann.userId), 'the worker removing the winner');

      await expectAppError(selectWinner(db, user.workspaceId, session.id, { userId: ann.userId, question: null }), 'CONFLICT', 'already won');
      await expectAppError(selectWinner(db, user.workspaceId, session.id, { userId: uid(), question: null }), 'NOT_FOUND', 'no points');

      // The next candidate is the next viewer, who said hello once; no question is fine too.
      const next = await winnerCandidate(db, user.workspaceId, session.id);
      expect(next?.winner.userId).toBe(bob.userId);
      expect(next?.comments.map((c) => c.text)).toEqual(['Hi from Bob']);
      await selectWinner(db, user.workspaceId, session.id, { userId: bob.userId, question: null });
      expect(await winnerCandidate(db, user.workspaceId, session.id)).toBeNull();
      expect((await getHostView(db, user.workspaceId, session.id)).session.shown?.question).toBeNull();

      await clearQuestion(db, user.workspaceId, session.id);
      expect((await getHostView(db, user.workspaceId, session.id)).session.shown).toBeNull();
      expect((await listSessions(db, user.workspaceId, { overlayId: overlay.id }))[0]).toMatchObject({ id: session.id, players: 2, winners: 2, phase: 'frozen' });
    } finally {
      await games.stop();
    }
  });

  it('answers NOT_FOUND to every action on another workspace’s session or overlay, even one watching the same account', async () => {
    const owner = await setup();
    const session = await startSession(db, actorOf(owner.user), owner.overlay.id);
    const stranger = await createTestUser(db);
    await watchTestAccount(db, stranger.workspaceId, owner.account.id);
    const id = stranger.workspaceId;
    await expectAppError(getHostView(db, id, session.id), 'NOT_FOUND');
    for (const action of ['freeze', 'resume', 'end', 'continue'] as const) await expectAppError(sessionAction(db, id, session.id, action), 'NOT_FOUND');
    await expectAppError(winnerCandidate(db, id, session.id), 'NOT_FOUND');
    await expectAppError(selectWinner(db, id, session.id, { userId: '1', question: 'x' }), 'NOT_FOUND');
    await expectAppError(clearQuestion(db, id, session.id), 'NOT_FOUND');
    await expectAppError(startSession(db, actorOf(stranger), owner.overlay.id), 'NOT_FOUND');
    expect(await listSessions(db, id)).toEqual([]);
    await expectAppError(getHostView(db, owner.user.workspaceId, 'no-such-session'), 'NOT_FOUND');
    // Nothing changed for the owner.
    expect((await db.gameSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe('ACTIVE');
  });

  it('tells an overlay (subscribed with its token) about the freeze and the winner', async () => {
    const { user, overlay } = await setup({ countdownSeconds: 5 });
    const client = createTestClient({ token: overlay.token });
    clients.push(client);
    const messages = collect(await subscribe(client, overlayChannel(overlay.id)));
    const session = await startSession(db, actorOf(user), overlay.id, 'On air');
    const mine = (m: GameMessage) => m.sessionId === session.id;
    expect(await messages.next('state', mine)).toMatchObject({ phase: 'active', freezeAt: null, overlayId: overlay.id });

    const frozen = await sessionAction(db, user.workspaceId, session.id, 'freeze');
    const countdown = await messages.next('state', (m) => mine(m) && m.phase === 'countdown');
    expect(countdown).toMatchObject({ overlayId: overlay.id, freezeAt: frozen.freezeAt!.getTime() });
    // The overlay counts down from the server's clock: freezeAt is the countdown's length ahead of it.
    expect(countdown.freezeAt! - countdown.serverNow).toBeGreaterThan(4000);
    expect(countdown.freezeAt! - countdown.serverNow).toBeLessThanOrEqual(5000);

    // A scored viewer, stored the way the worker stores them, wins with a question.
    const fan = await db.viewer.create({ data: { tiktokUserId: uid(), handle: `fan${uniqueSuffix()}`, nickname: 'Winner Fan' } });
    await db.gameScore.create({ data: { sessionId: session.id, viewerId: fan.id, points: 42, likes: 420 } });
    expect((await loadBoard(db, session.id)).map((r) => r.userId)).toEqual([fan.tiktokUserId]);
    await selectWinner(db, user.workspaceId, session.id, { userId: fan.tiktokUserId, question: 'Where do you live?' });
    expect(await messages.next('winner', mine)).toMatchObject({ overlayId: overlay.id, question: 'Where do you live?', winner: { userId: fan.tiktokUserId, nickname: 'Winner Fan', points: 42 } });
    const afterWinner = messages.seen.findIndex((m) => m.type === 'winner');
    await messages.next('board', (m) => mine(m) && m.rows.length === 0 && messages.seen.indexOf(m) > afterWinner);

    await clearQuestion(db, user.workspaceId, session.id);
    expect(await messages.next('question-cleared', mine)).toEqual({ type: 'question-cleared', sessionId: session.id, overlayId: overlay.id });
  });
});
