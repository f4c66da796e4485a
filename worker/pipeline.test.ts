import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import type { ChatEvent, LikeEvent } from '@/lib/live/events';
import { createLogger } from '@/lib/logger';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { isConnectionError, WritePipeline, type ClientSource } from '@/worker/pipeline';
import { BatchWriter, type QueuedEvent } from '@/worker/writer';
import { backendPid, waitUntilBlocked } from '@/tools/testing/locks';

const log = createLogger('pipeline-test');
let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2 });
});
afterAll(async () => {
  await pool.end();
});

async function newLive() {
  const account = await createTestAccount(db);
  const live = await db.live.create({ data: { accountId: account.id, roomId: `75${Date.now()}${uniqueSuffix()}`.replace(/\D/g, '').slice(0, 19), startedAt: new Date() } });
  return { accountId: account.id, liveId: live.id.toString() };
}

function chat(n: number, liveId: string, accountId: string): QueuedEvent {
  const event: ChatEvent = {
    type: 'chat', msgId: `m${n}`, roomId: '1', at: Date.now(), content: `message ${n}`, isModerator: false, isSubscriber: false,
    viewer: { userId: `69${String(n).padStart(10, '0')}`, handle: `v${n}`, nickname: `V ${n}`, avatarUrl: null, placeholder: false, isFollower: false },
  };
  return { liveId, accountId, event, queuedAt: performance.now() };
}

describe('WritePipeline', () => {
  it('flushes by size and by time, one transaction per batch', async () => {
    const { liveId, accountId } = await newLive();
    const committed: number[] = [];
    const pipeline = new WritePipeline({ pool, writer: new BatchWriter(), log, flushRows: 10, flushIntervalMs: 100, onCommitted: (batch) => committed.push(batch.length) });
    pipeline.start();
    for (let i = 0; i < 25; i++) pipeline.enqueue(chat(i, liveId, accountId));
    await pipeline.flushed();
    expect(committed.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(25);
    await pipeline.drain();
  });

  it('isolates an event the database refuses and stores all the others', async () => {
    const { liveId, accountId } = await newLive();
    const pipeline = new WritePipeline({ pool, writer: new BatchWriter(), log, flushRows: 1000, flushIntervalMs: 50 });
    for (let i = 0; i < 20; i++) pipeline.enqueue(chat(100 + i, i === 7 ? '999999999999' : liveId, accountId)); // no such live
    pipeline.start();
    await pipeline.flushed();
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(19);
    expect(pipeline.snapshot().badEvents).toBe(1);
    await pipeline.drain();
  });

  it('keeps events and retries while the database cannot be reached', async () => {
    const { liveId, accountId } = await newLive();
    let refusals = 3;
    const flaky: ClientSource = {
      connect: () => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) : pool.connect()),
    };
    const pipeline = new WritePipeline({ pool: flaky, writer: new BatchWriter(), log, flushIntervalMs: 20 });
    for (let i = 0; i < 5; i++) pipeline.enqueue(chat(200 + i, liveId, accountId));
    pipeline.start();
    await pipeline.flushed(30_000);
    expect(pipeline.snapshot().failures).toBe(3);
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(5);
    await pipeline.drain();
  });

  it('makes replays wait when the queue is full, and drops past the hard limit', async () => {
    const { liveId, accountId } = await newLive();
    const pipeline = new WritePipeline({ pool, writer: new BatchWriter(), log, capacity: 5, hardLimit: 8 });
    for (let i = 0; i < 10; i++) pipeline.enqueue(chat(300 + i, liveId, accountId));
    expect(pipeline.depth).toBe(8);
    expect(pipeline.snapshot().dropped).toBe(2);
    let waited = false;
    const wait = pipeline.waitForCapacity().then(() => (waited = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(waited).toBe(false);
    pipeline.start();
    await wait;
    expect(waited).toBe(true);
    await pipeline.drain();
  });

  it('tells connection errors from data errors', () => {
    expect(isConnectionError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('insert violates foreign key'), { code: '23503' }))).toBe(false);
    expect(isConnectionError('nope')).toBe(false);
  });
});

describe('two writers on the same room (a lease changing hands)', () => {
  it('store every event once when both write the same events at the same time', async () => {
    const { liveId, accountId } = await newLive();
    // Chats, and likes from 20 viewers over two minutes (their buckets are shared by both writers).
    const at = Date.parse('2026-11-01T20:00:30Z');
    const like = (n: number): QueuedEvent => {
      const event: LikeEvent = { type: 'like', msgId: String(7300000000000000000n + BigInt(n)), roomId: '1', at: at + n * 200, count: 1 + (n % 15), total: 0, viewer: (chat(2000 + (n % 20), liveId, accountId).event as ChatEvent).viewer };
      return { liveId, accountId, event, queuedAt: performance.now() };
    };
    const events = Array.from({ length: 300 }, (_, i) => [chat(1000 + i, liveId, accountId), like(i)]).flat();
    const writers = [0, 1].map(() => new WritePipeline({ pool, writer: new BatchWriter(), log, flushRows: 50, flushIntervalMs: 10 }));
    for (const writer of writers) for (const event of events) writer.enqueue(event);
    for (const writer of writers) writer.start();
    await Promise.all(writers.map((w) => w.flushed(30_000)));
    await Promise.all(writers.map((w) => w.drain()));
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(300);
    const live = await db.live.findUniqueOrThrow({ where: { id: BigInt(liveId) } });
    expect(live.comments).toBe(300);
    const likes = await db.likeBucket.aggregate({ where: { liveId: BigInt(liveId) }, _sum: { count: true } });
    expect(likes._sum.count).toBe(Array.from({ length: 300 }, (_, i) => 1 + (i % 15)).reduce((a, b) => a + b, 0));
    expect(writers.reduce((sum, w) => sum + w.snapshot().badEvents, 0)).toBe(0);
  });
});

describe('BatchWriter presence rows', () => {
  it('sends a viewer’s live_viewers row again only when it changes something (first time, gift, new follower, earlier)', async () => {
    const { liveId, accountId } = await newLive();
    const writer = new BatchWriter();
    const client = await pool.connect();
    let upserts: number[] = [];
    const counting = new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return (text: unknown, values?: unknown[]) => {
          if (typeof text === 'string' && text.includes('/*upsertLiveViewers*/')) upserts.push((values?.[0] as string).split(',').length);
          return target.query(text as string, values);
        };
      },
    });
    const write = async (events: QueuedEvent[]) => {
      upserts = [];
      await writer.write(counting, events);
      return upserts;
    };
    const viewers = [0, 1, 2].map((n) => chat(2000 + n, liveId, accountId));
    try {
      expect(await write(viewers)).toEqual([3]);
      // The same three viewers chatting again: nothing about their presence changed.
      const again = [0, 1, 2].map((n) => chat(2000 + n, liveId, accountId)).map((q, n) => ({ ...q, event: { ...q.event, msgId: `again${n}`, at: q.event.at + 1000 } }));
      expect(await write(again)).toEqual([]);
      // One of them now follows: only that row goes.
      const second = chat(2001, liveId, accountId);
      const event = second.event as ChatEvent;
      const follow: QueuedEvent = { ...second, event: { ...event, msgId: 'follows', at: event.at + 2000, viewer: { ...event.viewer, isFollower: true } } };
      expect(await write([follow])).toEqual([1]);
      const rows = await db.liveViewer.findMany({ where: { liveId: BigInt(liveId) }, orderBy: { viewerId: 'asc' } });
      expect(rows.map((r) => r.isFollower)).toEqual([false, true, false]);
    } finally {
      client.release();
    }
  });
});

describe('BatchWriter viewers', () => {
  const chatFrom = (n: number, userId: string, nickname: string, liveId: string, accountId: string): QueuedEvent => {
    const queued = chat(n, liveId, accountId);
    (queued.event as ChatEvent).viewer = { userId, handle: `h${userId}`, nickname, avatarUrl: null, placeholder: false, isFollower: false };
    return queued;
  };
  const row = (userId: string) => pool.query<{ id: string; nickname: string; version: string }>('SELECT id::text, nickname, xmin::text AS version FROM viewers WHERE tiktok_user_id = $1', [userId]).then((r) => r.rows[0]);
  const senderOf = (liveId: string, msgId: string) => db.chat.findFirstOrThrow({ where: { liveId: BigInt(liveId), msgId } }).then((c) => c.viewerId.toString());

  it('rewrites a stored viewer only when its names change, and always knows its id', async () => {
    const { liveId, accountId } = await newLive();
    const userId = `61${Date.now()}${uniqueSuffix()}`.replace(/\D/g, '').slice(0, 18);
    const client = await pool.connect();
    try {
      await new BatchWriter().write(client, [chatFrom(300, userId, 'First', liveId, accountId)]);
      const stored = await row(userId);
      // A new writer (empty cache, as after a restart) sees the same viewer with the same names: no write.
      await new BatchWriter().write(client, [chatFrom(301, userId, 'First', liveId, accountId)]);
      expect(await row(userId)).toEqual(stored);
      expect(await senderOf(liveId, 'm301')).toBe(stored?.id);
      await new BatchWriter().write(client, [chatFrom(302, userId, 'Renamed', liveId, accountId)]);
      expect(await row(userId)).toMatchObject({ id: stored?.id, nickname: 'Renamed' });
    } finally {
      client.release();
    }
  });

  it('finds the id of a viewer another writer stored meanwhile with the same names', async () => {
    const { liveId, accountId } = await newLive();
    const userId = `62${Date.now()}${uniqueSuffix()}`.replace(/\D/g, '').slice(0, 18);
    const other = await pool.connect();
    const client = await pool.connect();
    try {
      await other.query('BEGIN');
      await other.query("INSERT INTO viewers (tiktok_user_id, handle, nickname, placeholder, updated_at) VALUES ($1, $2, 'Same', false, now())", [userId, `h${userId}`]);
      // The batch's upsert waits on the other writer's row, which is then committed unchanged.
      const pid = await backendPid(client);
      const writing = new BatchWriter().write(client, [chatFrom(310, userId, 'Same', liveId, accountId)]);
      await waitUntilBlocked((sql, params) => db.$queryRawUnsafe(sql, ...params), pid, writing);
      await other.query('COMMIT');
      await writing;
      const stored = await db.viewer.findUniqueOrThrow({ where: { tiktokUserId: userId } });
      expect(await senderOf(liveId, 'm310')).toBe(stored.id.toString());
    } finally {
      other.release();
      client.release();
    }
  });
});
