// The TikTok source through tiktok-live-connector's real connect() against a local stand-in of TikTok
// (RouteConfig routes + a local websocket push server): the same recorded frames give the same totals
// as the replay source; the recorder's file replays to the same totals; an offline account is "offline",
// not an error; a dropped connection is resumed on the same room id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { readReplay, readReplayHeader, ReplayWriter, type ReplayFrame } from '@/lib/live/replay-file';
import type { ExpectedTotals } from '@/lib/live/synth';
import { createLogger } from '@/lib/logger';
import { tiktokRoom } from '@/lib/platforms/channel';
import { FakeTikTok } from '@/tools/testing/fake-tiktok';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { createIngest, type Ingest } from '@/worker/ingest';
import { AccountMonitor } from '@/worker/monitor';
import { MemoryRateLimiter } from '@/worker/rate-limiter';
import { readLiveTotals, runReplay } from '@/worker/replay-run';
import { RoomSession } from '@/worker/room';
import { TikTokSource } from '@/worker/sources/tiktok';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'small-evening.jsonl');
const expected = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as ExpectedTotals;
const log = createLogger('tiktok-test');
const fake = new FakeTikTok();
let frames: ReplayFrame[];
let ingest: Ingest;

beforeAll(async () => {
  frames = [];
  for await (const item of readReplay(FIXTURE)) if ('frame' in item) frames.push(item.frame);
  await fake.start();
  // The worker's own chain (without realtime): the same sinks and stop order.
  ingest = createIngest({ databaseUrl: requireDatabaseUrl(), log });
  ingest.start();
});

afterAll(async () => {
  await ingest.stop({ drainMs: 10_000 });
  await fake.stop();
});

const newRoomId = () => `74${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(0, 19);
const { roomId: _recordedRoom, ...expectedTotals } = { roomId: '', ...expected };

describe('TikTokSource through the real connect() against a local TikTok stand-in', () => {
  it('stores the same totals as the replay of the same frames', async () => {
    const account = await createTestAccount(db);
    const roomId = newRoomId();
    fake.rooms.set(roomId, { status: 2, frames });
    const room = new RoomSession({ source: new TikTokSource(account.handle, { roomId }), accountId: account.id, db, log, ...ingest.room });
    const end = await room.run();
    expect(end.streamEnded).toBe(true);
    await ingest.pipeline.flushed();
    const { liveId: _liveId, ...totals } = await readLiveTotals(db, roomId);
    expect(totals).toEqual(expectedTotals);
  });

  it('records websocket frames that replay to the same totals', async () => {
    const account = await createTestAccount(db);
    const roomId = newRoomId();
    fake.rooms.set(roomId, { status: 2, frames });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-rec-')), 'recording.jsonl');
    const writer = new ReplayWriter(file, { handle: account.handle, roomId, startedAt: Date.now() });
    const room = new RoomSession({ source: new TikTokSource(account.handle, { roomId, onWebsocketData: (bytes) => writer.write(bytes) }), accountId: account.id, db, log, ...ingest.room });
    await room.run();
    await writer.close();
    expect(writer.frames).toBe(frames.length);
    expect((await readReplayHeader(file)).roomId).toBe(roomId);
    const replayed = await runReplay({ file, handle: `rec.${uniqueSuffix()}`, speed: 'max', db, databaseUrl: requireDatabaseUrl(), log });
    const { liveId: _liveId, ...totals } = replayed.totals;
    expect(totals).toEqual(expectedTotals);
  });

  it('treats an account that is not live as offline, not as an error, and resumes a dropped room on the same room id', async () => {
    const account = await createTestAccount(db);
    await db.trackedAccount.create({ data: { accountId: account.id, source: 'tiktok' } });
    const roomId = newRoomId();
    fake.rooms.set(roomId, { status: 4, frames });
    let connectsBefore = fake.connects.length;
    const limiter = new MemoryRateLimiter({ perMinute: 100, perHour: 1000 });
    const monitor = new AccountMonitor(
      { id: account.id, handle: account.handle, platform: 'tiktok', channelRoomId: null, source: 'tiktok', replayFile: null },
      { db, log, limiter, createSource: (_account, attempt) => new TikTokSource(account.handle, { roomId: attempt.roomId ?? roomId }), room: ingest.room, offlineRecheckMs: 60_000, replayPauseMs: 1000 },
      { roomId, errorCount: 0, nextCheckAt: new Date() },
    );
    monitor.start();
    const waitForState = async (state: string) => {
      for (let i = 0; i < 200; i++) {
        const tracked = await db.trackedAccount.findUniqueOrThrow({ where: { accountId: account.id } });
        if (tracked.state === state) return tracked;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never reached ${state}`);
    };
    const offline = await waitForState('OFFLINE');
    expect(offline.errorCount).toBe(0);
    expect(offline.lastError).toBeNull();
    expect(fake.connects.length).toBe(connectsBefore); // offline is known before asking for a websocket

    // Now the account goes live; the connection drops half-way and the monitor reconnects to the same room.
    connectsBefore = fake.connects.length;
    // Paced (60× the recording) like a real push server: frames still being decoded when a socket closes
    // are dropped by the library, as they would be with TikTok (which then resends from its cursor).
    fake.rooms.set(roomId, { status: 2, frames, speed: 60, dropAfter: Math.floor(frames.length / 2) });
    monitor.requestCheck();
    for (let i = 0; i < 300 && !(await db.live.findUnique({ where: tiktokRoom(roomId) }))?.endedAt; i++) await new Promise((r) => setTimeout(r, 100));
    await monitor.stop();
    await ingest.pipeline.flushed();
    expect(fake.connects.slice(connectsBefore)).toEqual([roomId, roomId]);
    const { liveId: _liveId, ...totals } = await readLiveTotals(db, roomId);
    expect(totals).toEqual(expectedTotals);
  }, 60_000);
});
