import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { accessCleanupJob } from '@/worker/jobs/access-cleanup';
import { chatRetentionJob } from '@/worker/jobs/chat-retention';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { createTestUser } from '@/tools/testing/factories';
import { closeStaleLivesJob } from '@/worker/jobs/close-stale-lives';
import { topListsJob } from '@/worker/jobs/top-lists';
import { Metrics } from '@/worker/metrics';

const log = createLogger('jobs-test');
const DAY = 86_400_000;
const roomId = () => `77${Date.now()}${Math.floor(Math.random() * 1e5)}`.slice(0, 19);

describe('worker jobs', () => {
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
    const week = await db.topCreatorEntry.findMany({ where: { period: 7 }, orderBy: { rank: 'asc' } });
    const month = await db.topCreatorEntry.findMany({ where: { period: 30 }, orderBy: { rank: 'asc' } });
    // Other test files store lives too (one with 9,000,000,000 diamonds in the last 30 days), so only the
    // order of this test's own accounts is asserted.
    const ours = (entries: typeof week) => entries.filter((e) => e.accountId === big.id || e.accountId === small.id);
    expect(ours(week)).toEqual([expect.objectContaining({ accountId: big.id, lives: 1, hoursLive: 2 })]);
    expect(ours(month).map((e) => e.accountId)).toEqual([big.id, small.id]);
    expect(ours(month)[0]?.rank).toBeLessThan(ours(month)[1]?.rank ?? 0);
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
