// Sessions scored by the worker against the real database: freeze enforced where points are made,
// boards saved and picked up again by another worker, host actions (winner removed) taking effect, and
// a leaderboard overlay starting a fresh board for a new LIVE.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import type { GiftEvent, LikeEvent, LiveEvent, ViewerRef } from '@/lib/live/events';
import { createLogger } from '@/lib/logger';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import type { GameBoardMessage, GameMessage } from '@/lib/games/realtime';
import { GameManager } from '@/worker/games';

const log = createLogger('games-test');
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 3 });
});
afterAll(async () => {
  await pool.end();
});

const viewer = (id: string, isFollower = false): ViewerRef => ({ userId: id, handle: `fan${id}`, nickname: `Fan ${id}`, avatarUrl: null, placeholder: false, isFollower });
let seq = 0;
const like = (v: ViewerRef, count: number): LikeEvent => ({ type: 'like', msgId: `l${++seq}`, roomId: '1', at: Date.now(), viewer: v, count, total: 0 });
const gift = (v: ViewerRef, diamondCount: number, repeatCount = 1): GiftEvent => ({
  type: 'gift', msgId: `g${++seq}`, roomId: '1', at: Date.now(), viewer: v, giftId: '5655', giftName: 'Rose', diamondCount, repeatCount,
  diamonds: diamondCount * repeatCount, streakable: true, timeoutClosed: false, dedupeKey: `gk${seq}`, imageUrl: null,
});
const chat = (v: ViewerRef, content: string): LiveEvent => ({ type: 'chat', msgId: `c${++seq}-${uniqueSuffix()}`, roomId: '1', at: Date.now(), viewer: v, content, isModerator: false, isSubscriber: false });

async function setup(kind: 'QA_GAME' | 'LEADERBOARD' = 'QA_GAME', settings: object = {}) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db);
  const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, createdById: user.id, accountId: account.id, kind, settings });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `74${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 19), startedAt: new Date() } });
  return { user, account, overlay, liveId: live.id.toString() };
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const uid = () => `71${Date.now() % 1e9}${Math.floor(Math.random() * 1e6)}`;

describe('GameManager', () => {
  it('scores a Q&A session, stops at the freeze instant, and saves the frozen board', async () => {
    const { user, account, overlay, liveId } = await setup();
    const session = await db.gameSession.create({ data: { workspaceId: user.workspaceId, createdById: user.id, accountId: account.id, overlayId: overlay.id, rules: {} } });
    const published: unknown[] = [];
    // The manager's clock: real time, held still around the freeze so "during" and "after" are exact.
    let clock: number | undefined;
    const games = new GameManager({ pool, log, syncMs: 50, persistMs: 50, publishMs: 20, fanout: { game: (_target, data) => published.push(data) }, now: () => clock ?? Date.now() });
    games.start();
    const [a, b] = [viewer(uid(), true), viewer(uid())];
    games.onEvent(account.id, liveId, like(a, 35)); // follower: 3 points
    games.onEvent(account.id, liveId, gift(b, 10, 2)); // 20 × 1.2 = 24 points
    games.onEvent(account.id, liveId, chat(b, 'What is your favourite game?'));
    await until(() => games.board(session.id)?.top(5).length === 2, 'the board');
    expect(games.board(session.id)?.top(5).map((r) => [r.userId, r.points])).toEqual([[b.userId, 24], [a.userId, 3]]);

    // The host freezes with a 300 ms countdown: points still count during it, none after it.
    clock = Date.now();
    const freezeAt = new Date(clock + 300);
    await db.gameSession.update({ where: { id: session.id }, data: { status: 'COUNTDOWN', freezeAt } });
    // Two syncs: the second starts after the update even if the first was already under way.
    await games.sync();
    await games.sync();
    games.onEvent(account.id, liveId, like(a, 10)); // during the countdown: counts
    clock = freezeAt.getTime() + 1;
    games.onEvent(account.id, liveId, gift(a, 100, 5)); // after it: ignored
    games.onEvent(account.id, liveId, chat(a, 'too late'));
    expect(games.board(session.id)?.get(a.userId)?.points).toBe(4);
    expect(games.stats.ignoredFrozen).toBeGreaterThanOrEqual(2);
    clock = undefined;

    await until(async () => ((await db.gameSession.findUniqueOrThrow({ where: { id: session.id } })).scoresAt ?? new Date(0)) >= freezeAt, 'the frozen board saved');
    const scores = await db.gameScore.findMany({ where: { sessionId: session.id }, include: { viewer: true }, orderBy: { points: 'desc' } });
    expect(scores.map((s) => [s.viewer.tiktokUserId, s.points, s.likes, s.diamonds, s.isFollower])).toEqual([[b.userId, 24, 0, 20, false], [a.userId, 4, 45, 0, true]]);
    const comments = await db.gameComment.findMany({ where: { sessionId: session.id } });
    expect(comments.map((c) => c.content)).toEqual(['What is your favourite game?']);
    expect(published.length).toBeGreaterThan(0);
    await games.stop();
  });

  it('hands a session to another worker with the same board (restart), and honours a removed winner', async () => {
    const { user, account, overlay, liveId } = await setup();
    const session = await db.gameSession.create({ data: { workspaceId: user.workspaceId, createdById: user.id, accountId: account.id, overlayId: overlay.id, rules: {} } });
    const fans = Array.from({ length: 6 }, (_, i) => viewer(uid(), i % 2 === 0));
    const first = new GameManager({ pool, log, syncMs: 50, persistMs: 1000 });
    first.start();
    fans.forEach((fan, i) => first.onEvent(account.id, liveId, like(fan, 15 * (i + 1))));
    first.onEvent(account.id, liveId, gift(fans[0]!, 1, 3));
    await until(() => (first.board(session.id)?.top(10).length ?? 0) === 6, 'six fans');
    const before = first.board(session.id)!.top(10);
    await first.stop(); // a clean stop writes the board

    const second = new GameManager({ pool, log, syncMs: 50, persistMs: 50 });
    second.start();
    second.onEvent(account.id, liveId, like(fans[1]!, 0)); // any event makes it load the account's sessions
    await until(() => second.board(session.id) !== undefined, 'the second worker loading the session');
    expect(second.board(session.id)!.top(10)).toEqual(before);

    // The host picks the leader as winner (the app marks the row and touches the session).
    const leader = before[0]!;
    const row = await db.viewer.findUniqueOrThrow({ where: { tiktokUserId: leader.userId } });
    await db.gameScore.update({ where: { sessionId_viewerId: { sessionId: session.id, viewerId: row.id } }, data: { removedAt: new Date() } });
    await db.gameSession.update({ where: { id: session.id }, data: { name: 'touched' } });
    await until(() => !second.board(session.id)!.top(10).some((r) => r.userId === leader.userId), 'the winner leaving the board');
    second.onEvent(account.id, liveId, like(fans.find((f) => f.userId === leader.userId)!, 1000));
    expect(second.board(session.id)!.top(1)[0]?.userId).toBe(before[1]?.userId);
    await second.stop();
  });

  it('saves a board whose chat contains NUL characters and lone surrogates (TikTok text is cleaned first)', async () => {
    const { user, account, overlay, liveId } = await setup();
    const session = await db.gameSession.create({ data: { workspaceId: user.workspaceId, createdById: user.id, accountId: account.id, overlayId: overlay.id, rules: {} } });
    const games = new GameManager({ pool, log, syncMs: 50, persistMs: 50 });
    games.start();
    try {
      const fan = viewer(uid(), true);
      games.onEvent(account.id, liveId, chat(fan, 'hello\u0000world \ud800!'));
      games.onEvent(account.id, liveId, like(fan, 30));
      await until(async () => (await db.gameComment.count({ where: { sessionId: session.id } })) === 1, 'the comment saved');
      expect((await db.gameComment.findFirstOrThrow({ where: { sessionId: session.id } })).content).toBe('helloworld \ufffd!');
      // And the board keeps being saved afterwards.
      games.onEvent(account.id, liveId, like(fan, 30));
      await until(async () => (await db.gameScore.findFirst({ where: { sessionId: session.id } }))?.likes === 60, 'later points saved');
      expect(games.stats.persistFailures).toBe(0);
    } finally {
      await games.stop();
    }
  });

  it('opens no leaderboard for an overlay whose workspace no longer watches the account', async () => {
    const { user, account, overlay, liveId } = await setup('LEADERBOARD');
    await db.workspaceAccount.delete({ where: { workspaceId_accountId: { workspaceId: user.workspaceId, accountId: account.id } } });
    // Another workspace that does watch it, with its own leaderboard: the sync that opens that one has
    // looked at both.
    const other = await createTestUser(db);
    const watched = await createTestOverlay(db, { workspaceId: other.workspaceId, accountId: account.id, kind: 'LEADERBOARD' });
    const games = new GameManager({ pool, log, syncMs: 50, persistMs: 50 });
    games.start();
    try {
      games.onEvent(account.id, liveId, gift(viewer(uid()), 5));
      await until(async () => (await db.gameSession.count({ where: { overlayId: watched.id } })) === 1, 'the watching workspace’s board');
      expect(await db.gameSession.count({ where: { overlayId: overlay.id } })).toBe(0);
      expect((await db.gameSession.findFirstOrThrow({ where: { overlayId: watched.id } })).workspaceId).toBe(other.workspaceId);
    } finally {
      await games.stop();
    }
  });

  it('starts a fresh leaderboard for each new LIVE of the account', async () => {
    const { account, overlay, liveId } = await setup('LEADERBOARD');
    const games = new GameManager({ pool, log, syncMs: 50, persistMs: 50 });
    games.start();
    const fan = viewer(uid());
    games.onEvent(account.id, liveId, gift(fan, 5));
    await until(async () => (await db.gameScore.count({ where: { session: { overlayId: overlay.id, liveId: BigInt(liveId) } } })) === 1, 'a board for the first live');

    const next = await db.live.create({ data: { accountId: account.id, roomId: `73${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 19), startedAt: new Date() } });
    games.onEvent(account.id, next.id.toString(), gift(fan, 1));
    await until(async () => (await db.gameSession.count({ where: { overlayId: overlay.id, status: { not: 'ENDED' } } })) === 1 && (await db.gameSession.count({ where: { overlayId: overlay.id, liveId: next.id } })) === 1, 'a new session for the new live');
    const fresh = await db.gameSession.findFirstOrThrow({ where: { overlayId: overlay.id, liveId: next.id } });
    games.onEvent(account.id, next.id.toString(), gift(fan, 2));
    // The 1-diamond gift that opened the new live waited for its board: 1 + 2, and not the old 5.
    await until(() => games.board(fresh.id)?.get(fan.userId)?.points === 3, 'the new board counting only the new live', 5000);
    expect(await db.gameSession.count({ where: { overlayId: overlay.id, status: 'ENDED' } })).toBe(1);
    await games.stop();
  });

  it('ranks the viewers of every channel of a cluster on one board: two workers score their channel, the sums are stored and sent', async () => {
    const { user, account: home, overlay, liveId } = await setup('LEADERBOARD');
    const member = await createTestAccount(db);
    await watchTestAccount(db, user.workspaceId, member.id);
    const memberLive = (await db.live.create({ data: { accountId: member.id, roomId: `72${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 19), startedAt: new Date() } })).id.toString();
    const cluster = await db.cluster.create({ data: { workspaceId: user.workspaceId, name: `creator ${uniqueSuffix()}` } });
    await db.clusterAccount.createMany({ data: [home.id, member.id].map((accountId) => ({ clusterId: cluster.id, accountId })) });
    await db.overlay.update({ where: { id: overlay.id }, data: { settings: { clusterId: cluster.id } } });

    const boards = (sent: GameMessage[]) => sent.filter((m): m is GameBoardMessage => m.type === 'board');
    const sentByFirst: GameMessage[] = [];
    const sentBySecond: GameMessage[] = [];
    const sentByEither: GameMessage[] = [];
    const sendingTo = (own: GameMessage[]) => ({
      game: (_target: unknown, data: GameMessage) => {
        own.push(data);
        sentByEither.push(data);
      },
    });
    // Two workers: the first holds the overlay's own channel, the second the cluster's other channel.
    const first = new GameManager({ pool, log, syncMs: 50, persistMs: 50, publishMs: 20, fanout: sendingTo(sentByFirst) });
    let second = new GameManager({ pool, log, syncMs: 50, persistMs: 50, publishMs: 20, fanout: sendingTo(sentBySecond) });
    first.start();
    second.start();
    const both = viewer(uid());
    const onlyHere = viewer(uid());
    const bilibiliFan: ViewerRef = { ...viewer(uid()), userId: `bilibili:${uid()}` };
    try {
      first.onEvent(home.id, liveId, gift(both, 10));
      await until(async () => (await db.gameSession.count({ where: { overlayId: overlay.id, liveId: BigInt(liveId), status: { not: 'ENDED' } } })) === 1, 'the board of the overlay channel’s LIVE');
      const session = await db.gameSession.findFirstOrThrow({ where: { overlayId: overlay.id, status: { not: 'ENDED' } } });
      await until(() => first.board(session.id, home.id)?.get(both.userId) !== undefined, 'the first worker scoring its channel');
      second.onEvent(member.id, memberLive, gift(both, 5));
      second.onEvent(member.id, memberLive, like(onlyHere, 50));
      second.onEvent(member.id, memberLive, gift(bilibiliFan, 1000));
      await until(() => second.board(session.id, member.id)?.size === 3, 'the second worker scoring its channel into the same session');
      // Each worker's board holds its own channel's points only.
      const homePart = first.board(session.id, home.id)!;
      const memberPart = second.board(session.id, member.id)!;
      expect(homePart.size).toBe(1);
      const bothTotal = homePart.get(both.userId)!.points + memberPart.get(both.userId)!.points;
      expect(homePart.get(both.userId)!.points).toBeGreaterThan(0);
      expect(memberPart.get(both.userId)!.points).toBeGreaterThan(0);
      expect(memberPart.get(bilibiliFan.userId)!.points).toBeGreaterThan(0);

      // Stored: one row per viewer with the sum of the channels' parts.
      const expected = new Map([[both.userId, bothTotal], [onlyHere.userId, memberPart.get(onlyHere.userId)!.points], [bilibiliFan.userId, memberPart.get(bilibiliFan.userId)!.points]]);
      const stored = async () => new Map((await db.gameScore.findMany({ where: { sessionId: session.id }, include: { viewer: true } })).map((s) => [s.viewer.tiktokUserId, s.points]));
      await until(async () => JSON.stringify([...(await stored())].sort()) === JSON.stringify([...expected].sort()), 'the summed board stored');
      expect(await db.gameChannelScore.count({ where: { sessionId: session.id } })).toBe(4);

      // Each worker sends the stored sums after saving its part, so the last board sent, by whichever
      // worker saved last, holds every part. (Not necessarily the second's: under load the first worker
      // once saved its part after the second had sent, and the test waited on the second in vain.)
      const merged = [...expected].sort((a, b) => b[1] - a[1]);
      const lastSent = (sent: GameMessage[]) => boards(sent).at(-1)?.rows.map((r) => [r.userId, r.points]);
      await until(() => JSON.stringify(lastSent(sentByEither)) === JSON.stringify(merged), 'the summed board sent');
      // Both workers send the merged board, not their own part: a new gift on each channel is sent with the
      // other channel's part in it.
      second.onEvent(member.id, memberLive, gift(onlyHere, 1));
      const summed = () => [[both.userId, homePart.get(both.userId)!.points + memberPart.get(both.userId)!.points], [onlyHere.userId, memberPart.get(onlyHere.userId)!.points], [bilibiliFan.userId, memberPart.get(bilibiliFan.userId)!.points]].sort((a, b) => Number(b[1]) - Number(a[1]));
      await until(() => JSON.stringify(lastSent(sentBySecond)) === JSON.stringify(summed()), 'the second worker sending the summed board');
      first.onEvent(home.id, liveId, like(onlyHere, 0));
      first.onEvent(home.id, liveId, gift(both, 1));
      const withOne = homePart.get(both.userId)!.points + memberPart.get(both.userId)!.points;
      await until(() => lastSent(sentByFirst)?.[0]?.[1] === withOne, 'the first worker sending the summed board');
      expect(boards(sentByFirst).every((m) => m.sessionId === session.id && m.overlayId === overlay.id)).toBe(true);

      // The member channel moves to another worker: it loads that channel's part and carries on.
      const partBefore = memberPart.top(10);
      await second.stop();
      second = new GameManager({ pool, log, syncMs: 50, persistMs: 50 });
      second.start();
      second.onEvent(member.id, memberLive, like(onlyHere, 0));
      await until(() => second.board(session.id, member.id) !== undefined, 'the new holder loading the channel’s part');
      await second.sync(); // the sync that loaded the part has also scored what waited for it
      expect(second.board(session.id, member.id)!.top(10)).toEqual(partBefore);
      second.onEvent(member.id, memberLive, gift(onlyHere, 20));
      const onlyHereTotal = second.board(session.id, member.id)!.get(onlyHere.userId)!.points;
      await until(async () => (await stored()).get(onlyHere.userId) === onlyHereTotal, 'the new holder’s points stored');
      expect((await stored()).get(both.userId)).toBe(withOne);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
