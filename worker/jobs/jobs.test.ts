import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { accessCleanupJob } from '@/worker/jobs/access-cleanup';
import { chatRetentionJob } from '@/worker/jobs/chat-retention';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { createTestUser } from '@/tools/testing/factories';
import { closeStaleLivesJob } from '@/worker/jobs/close-stale-lives';
import { topListsJob } from '@/worker/jobs/top-lists';
import { Metrics } from '@/worker/metrics';
import { runReplay } from '@/worker/replay-run';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';

const log = createLogger('jobs-test');
const DAY = 86_400_000;
const roomId = () => `77${Date.now()}${Math.floor(Math.random() * 1e5)}`.slice(0, 19);

// The jobs work on whole tables (every quiet live, every expired chat, session or like id), so they run on
// a database of their own: on the shared one, closing stale lives closed other files' lives (a room in
// worker/sources/tiktok.test.ts, quiet while it reconnected).
describe('worker jobs', () => {
  let own: OwnDatabase;
  let db: Db;
  beforeAll(async () => {
    own = await createOwnDatabase('jobs');
    db = own.db;
  });
  afterAll(async () => {
    await own?.drop();
  });

  it('forgets ended sessions, old realtime identities and old invite links, and keeps live ones', async () => {
    const now = new Date();
    const user = await createTestUser(db);
    const live = await createSession(db, user.id, null, now);
    await createSession(db, user.id, null, new Date(now.getTime() - 40 * DAY));
    const signedOut = await createSession(db, user.id, null, new Date(now.getTime() - 3 * DAY));
    await revokeSession(db, signedOut);
    await db.userSession.update({ where: { id: signedOut }, data: { revokedAt: new Date(now.getTime() - 2 * DAY) } });
    const oldSocket = `${Date.now() % 1e6}.${uniqueSuffix().replace(/\D/g, '1')}`;
    await db.realtimeSocket.create({ data: { socketId: oldSocket, identity: 'd.x.y', createdAt: new Date(now.getTime() - 8 * DAY) } });
    const invite = await db.workspaceInvite.create({ data: { workspaceId: user.workspaceId, tokenHash: `h${uniqueSuffix()}`, expiresAt: new Date(now.getTime() - 31 * DAY) } });
    const result = await accessCleanupJob.run({ db, log, settings: {}, now });
    expect(result.sessions).toBeGreaterThanOrEqual(2);
    const left = await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((s) => s.id)).toEqual([live]);
    expect(await db.realtimeSocket.count({ where: { socketId: oldSocket } })).toBe(0);
    expect(await db.workspaceInvite.count({ where: { id: invite.id } })).toBe(0);
  });

  it('closes lives that went quiet without a stream end, unless a worker still watches them live', async () => {
    const now = new Date();
    const account = await createTestAccount(db);
    const quiet = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date(now.getTime() - 3_600_000), lastEventAt: new Date(now.getTime() - 30 * 60_000) } });
    const fresh = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date(now.getTime() - 60_000), lastEventAt: new Date(now.getTime() - 10_000) } });
    const watchedAccount = await createTestAccount(db);
    const watched = await db.live.create({ data: { accountId: watchedAccount.id, roomId: roomId(), startedAt: new Date(now.getTime() - 3_600_000), lastEventAt: new Date(now.getTime() - 30 * 60_000) } });
    await db.trackedAccount.create({ data: { accountId: watchedAccount.id, state: 'LIVE', roomId: watched.roomId } });

    await closeStaleLivesJob.run({ db, log, settings: { quietMinutes: 15 }, now });
    const [q, f, w] = await Promise.all([quiet, fresh, watched].map((l) => db.live.findUniqueOrThrow({ where: { id: l.id } })));
    expect(q).toMatchObject({ endReason: 'stale', endedAt: quiet.lastEventAt });
    expect(f?.endedAt).toBeNull();
    expect(w?.endedAt).toBeNull();
  });

  it("deletes a live's chats, message ids and like buckets with the live, and an account's with the account (trigger, no foreign keys)", async () => {
    const now = new Date();
    const account = await createTestAccount(db);
    const viewer = await db.viewer.create({ data: { tiktokUserId: `67${Date.now()}${uniqueSuffix()}` } });
    const [first, second] = await Promise.all([0, 1].map(() => db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: now } })));
    if (!first || !second) throw new Error('lives not created');
    for (const live of [first, second]) {
      await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: viewer.id, msgId: '1', content: 'hi', createdAt: now } });
      await db.processedMessage.create({ data: { liveId: live.id, msgId: 1n } });
      await db.likeBucket.create({ data: { liveId: live.id, viewerId: viewer.id, minute: now, count: 3 } });
    }
    const left = (liveId: bigint) => Promise.all([db.chat.count({ where: { liveId } }), db.processedMessage.count({ where: { liveId } }), db.likeBucket.count({ where: { liveId } })]);

    await db.live.delete({ where: { id: first.id } });
    expect(await left(first.id)).toEqual([0, 0, 0]);
    expect(await left(second.id)).toEqual([1, 1, 1]);
    await db.channel.delete({ where: { id: account.id } });
    expect(await left(second.id)).toEqual([0, 0, 0]);
  });

  it('deletes raw chat older than the retention period and keeps the totals', async () => {
    const now = new Date();
    const account = await createTestAccount(db);
    const viewer = await db.viewer.create({ data: { tiktokUserId: `66${Date.now()}${uniqueSuffix()}` } });
    const old = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date(now.getTime() - 100 * DAY), endedAt: new Date(now.getTime() - 100 * DAY + 3_600_000), comments: 2 } });
    const recent = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date(now.getTime() - DAY), comments: 1 } });
    await db.chat.createMany({
      data: [
        { liveId: old.id, accountId: account.id, viewerId: viewer.id, msgId: '1', content: 'old', createdAt: new Date(now.getTime() - 100 * DAY) },
        { liveId: old.id, accountId: account.id, viewerId: viewer.id, msgId: '2', content: 'old', createdAt: new Date(now.getTime() - 100 * DAY) },
        { liveId: recent.id, accountId: account.id, viewerId: viewer.id, msgId: '3', content: 'recent', createdAt: new Date(now.getTime() - DAY) },
      ],
    });
    // The like ids kept against duplicates go two days after the live ended; the likes themselves stay.
    const ended = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date(now.getTime() - 5 * DAY), endedAt: new Date(now.getTime() - 5 * DAY + 3_600_000) } });
    await db.likeBucket.create({ data: { liveId: ended.id, viewerId: viewer.id, minute: new Date(now.getTime() - 5 * DAY), count: 7, msgIds: [11n, 12n] } });
    await db.likeBucket.create({ data: { liveId: recent.id, viewerId: viewer.id, minute: new Date(now.getTime() - DAY), count: 2, msgIds: [13n] } });
    const result = await chatRetentionJob.run({ db, log, settings: { retentionDays: 90 }, now });
    expect(result.chats).toBeGreaterThanOrEqual(2);
    expect(await db.likeBucket.findMany({ where: { liveId: { in: [ended.id, recent.id] } }, orderBy: { count: 'desc' }, select: { count: true, msgIds: true } })).toEqual([
      { count: 7, msgIds: [] },
      { count: 2, msgIds: [13n] },
    ]);
    expect(await db.chat.count({ where: { liveId: old.id } })).toBe(0);
    expect(await db.chat.count({ where: { liveId: recent.id } })).toBe(1);
    expect((await db.live.findUniqueOrThrow({ where: { id: old.id } })).comments).toBe(2);
  });

  it('ranks creators by diamonds over 7 and 30 days', async () => {
    const now = new Date();
    const [big, small] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
    await db.live.create({ data: { accountId: big.id, roomId: roomId(), startedAt: new Date(now.getTime() - 2 * DAY), endedAt: new Date(now.getTime() - 2 * DAY + 7_200_000), diamonds: 9_000_000_000n } });
    await db.live.create({ data: { accountId: small.id, roomId: roomId(), startedAt: new Date(now.getTime() - 20 * DAY), endedAt: new Date(now.getTime() - 20 * DAY + 3_600_000), diamonds: 8_999_999_999n } });
    await topListsJob.run({ db, log, settings: {}, now });
    const week = await db.topCreatorEntry.findMany({ where: { platform: 'tiktok', period: 7 }, orderBy: { rank: 'asc' } });
    const month = await db.topCreatorEntry.findMany({ where: { platform: 'tiktok', period: 30 }, orderBy: { rank: 'asc' } });
    // Other test files store lives too (one with 9,000,000,000 diamonds in the last 30 days), so only the
    // order of this test's own accounts is asserted.
    const ours = (entries: typeof week) => entries.filter((e) => e.accountId === big.id || e.accountId === small.id);
    expect(ours(week)).toEqual([expect.objectContaining({ accountId: big.id, lives: 1, hoursLive: 2 })]);
    expect(ours(month).map((e) => e.accountId)).toEqual([big.id, small.id]);
    expect(ours(month)[0]?.rank).toBeLessThan(ours(month)[1]?.rank ?? 0);
  });
});

// The lists are whole-table results, so this runs in a database of its own: every entry is asserted,
// none of the other files' lives or gifts can push ours out or add to a sum.
describe('the top lists per platform', () => {
  let own: OwnDatabase;
  beforeAll(async () => {
    own = await createOwnDatabase('top_lists');
  });
  afterAll(async () => {
    await own?.drop();
  });

  it('ranks each platform in its own unit, and a viewer who gifted on both in each list with that platform’s sum', async () => {
    const iso = own.db;
    // A Bilibili evening through the worker's real ingest chain: its gifts reach gifter_stats as the
    // writer stores them (8,624,900 gold from 60 gifters, super chats and guards included, per its
    // expected totals), under viewers named `bilibili:<uid>`.
    const evening = await runReplay({ file: path.join(import.meta.dirname, '..', 'fixtures', 'bilibili-evening.jsonl'), handle: '4455667', speed: 'max', db: iso, databaseUrl: own.url, log });
    expect(evening.session).toMatchObject({ platform: 'bilibili', value: 8_624_900 });
    const eveningLive = await iso.live.findUniqueOrThrow({ where: { id: BigInt(evening.session.liveId) } });
    const now = new Date(eveningLive.startedAt.getTime() + DAY);
    const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    expect(await iso.gifterStat.count({ where: { accountId: evening.accountId, viewer: { tiktokUserId: { startsWith: 'bilibili:' } } } })).toBeGreaterThanOrEqual(60);

    const tiktok = await createTestAccount(iso);
    const bili = await iso.channel.create({ data: { platform: 'bilibili', handle: '7788990', platformUserId: '7788990', roomId: '31337', nickname: '星海电台' } });
    await iso.live.create({ data: { accountId: tiktok.id, roomId: roomId(), startedAt: day(2), endedAt: day(2), diamonds: 7_000n } });
    await iso.live.create({ data: { accountId: bili.id, platform: 'bilibili', roomId: '31337', startedAt: day(3), endedAt: day(3), diamonds: 150_000n } });
    await iso.live.create({ data: { accountId: bili.id, platform: 'bilibili', roomId: '31338', startedAt: day(20), endedAt: day(20), diamonds: 30_000n } });
    // One viewer row with gifts on both platforms (1,000 diamonds and 245,000 gold): the old list summed
    // them into 246,000 of no unit. And a TikTok-only gifter, part of it older than a week.
    const [both, fan] = await Promise.all([iso.viewer.create({ data: { tiktokUserId: `both${uniqueSuffix()}`, nickname: 'Both' } }), iso.viewer.create({ data: { tiktokUserId: `fan${uniqueSuffix()}`, nickname: 'Fan' } })]);
    await iso.gifterStat.createMany({
      data: [
        { accountId: tiktok.id, viewerId: both.id, day: day(2), diamonds: 1_000n, gifts: 1 },
        { accountId: bili.id, viewerId: both.id, day: day(2), diamonds: 245_000n, gifts: 3 },
        { accountId: tiktok.id, viewerId: fan.id, day: day(1), diamonds: 500n, gifts: 5 },
        { accountId: tiktok.id, viewerId: fan.id, day: day(10), diamonds: 300n, gifts: 2 },
      ],
    });

    await topListsJob.run({ db: iso, log, settings: {}, now });
    const creators = (platform: 'tiktok' | 'bilibili', period: number) =>
      iso.topCreatorEntry.findMany({ where: { platform, period }, orderBy: { rank: 'asc' } }).then((rows) => rows.map((r) => [r.rank, r.accountId, Number(r.diamonds), r.lives]));
    const gifters = (platform: 'tiktok' | 'bilibili', period: number) => iso.topGifterEntry.findMany({ where: { platform, period }, orderBy: { rank: 'asc' } });

    expect(await creators('tiktok', 7)).toEqual([[1, tiktok.id, 7_000, 1]]);
    expect(await creators('tiktok', 30)).toEqual([[1, tiktok.id, 7_000, 1]]);
    expect(await creators('bilibili', 7)).toEqual([[1, evening.accountId, 8_624_900, 1], [2, bili.id, 150_000, 1]]);
    expect(await creators('bilibili', 30)).toEqual([[1, evening.accountId, 8_624_900, 1], [2, bili.id, 180_000, 2]]);

    const pick = (rows: { rank: number; viewerId: bigint; diamonds: bigint; streamers: number }[]) => rows.map((r) => [r.rank, r.viewerId, Number(r.diamonds), r.streamers]);
    for (const period of [7, 30]) {
      expect(pick(await gifters('tiktok', period))).toEqual([[1, both.id, 1_000, 1], [2, fan.id, period === 7 ? 500 : 800, 1]]);
      const bilibili = await gifters('bilibili', period);
      // The evening's gold gifters and `both` with its gold only: 8,624,900 + 245,000, each entry in gold.
      expect(bilibili.reduce((sum, r) => sum + Number(r.diamonds), 0)).toBe(8_869_900);
      expect(bilibili.map((r) => r.rank)).toEqual(bilibili.map((_, i) => i + 1));
      expect(bilibili.find((r) => r.viewerId === both.id)).toMatchObject({ diamonds: 245_000n, streamers: 1 });
      expect(bilibili.some((r) => r.viewerId === fan.id)).toBe(false);
      const others = await iso.viewer.findMany({ where: { id: { in: bilibili.map((r) => r.viewerId).filter((id) => id !== both.id) } }, select: { tiktokUserId: true } });
      expect(others.length).toBe(bilibili.length - 1);
      expect(others.every((v) => v.tiktokUserId.startsWith('bilibili:'))).toBe(true);
    }
  });
});

describe('worker metrics', () => {
  it('renders Prometheus text with events by type, errors by kind, flush latency and gauges', async () => {
    const metrics = new Metrics();
    metrics.countEvent('gift');
    metrics.countEvent('gift');
    metrics.countError('connect "x"');
    metrics.observeFlush(0.05);
    metrics.gauges = () => ({ queue_depth: 7, rooms: { live: 2 } });
    const text = await metrics.render();
    expect(text).toContain('livelens_worker_events_total{type="gift"} 2');
    expect(text).toContain('livelens_worker_errors_total{kind="connect _x_"} 1');
    // A histogram (replicas aggregate), not a summary: 0.05 s falls in the 0.05 bucket and not the 0.025 one.
    expect(text).toContain('livelens_worker_flush_seconds_bucket{le="0.05"} 1');
    expect(text).toContain('livelens_worker_flush_seconds_bucket{le="0.025"} 0');
    expect(text).toMatch(/# TYPE livelens_worker_flush_seconds histogram/);
    expect(text).toContain('livelens_worker_queue_depth 7');
    expect(text).toContain('livelens_worker_rooms{key="live"} 2');
    expect(text).toMatch(/# TYPE livelens_worker_events_total counter/);
  });
});
