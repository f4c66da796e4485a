// Bilibili lives through the worker's own ingest chain (worker/ingest.ts) into the real test Postgres:
// - each committed Bilibili fixture replayed through the packet decoder, the counter's repeat filter and
//   the write pipeline stores exactly the totals stated beside it (the counting rules of
//   docs/bilibili-counting.md), in the live row and in the rows; replaying it again changes nothing;
// - the live connector against a local stand-in for Bilibili (its room API and websocket,
//   tools/testing/bilibili-stand-in.ts), with a dropped connection whose reconnect sends packets again,
//   through a RoomSession into the database: the same exact totals, the live closed as ended.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { ReplayWriter } from '@/lib/live/replay-file';
import { decodePacket } from '@/lib/platforms/bilibili/packet';
import { generateBilibiliSession } from '@/lib/platforms/bilibili/synth';
import type { SessionTotals } from '@/lib/platforms/events';
import { startBilibiliStandIn, type BilibiliStandIn } from '@/tools/testing/bilibili-stand-in';
import { uniqueSuffix } from '@/tools/testing/factories';
import { createIngest } from '@/worker/ingest';
import { readSessionTotals, runReplay } from '@/worker/replay-run';
import { RoomSession } from '@/worker/room';
import { BilibiliLiveSource } from '@/worker/sources/bilibili-live';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.startsWith('bilibili-') && f.endsWith('.jsonl'));
const log = createLogger('test');
const expectedFor = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.jsonl$/, '.expected.json')), 'utf8')) as SessionTotals;

/** The same totals recomputed from the stored rows, independently of the live's running counters. */
async function totalsFromRows(liveId: bigint) {
  const [byKind, chats, socials, gifters, samples] = await Promise.all([
    db.gift.groupBy({ by: ['kind'], where: { liveId }, _count: true, _sum: { diamonds: true } }),
    db.chat.count({ where: { liveId } }),
    db.socialEvent.groupBy({ by: ['kind'], where: { liveId }, _count: true }),
    db.gift.findMany({ where: { liveId, diamonds: { gt: 0 } }, distinct: ['viewerId'], select: { viewerId: true } }),
    db.viewerSample.aggregate({ where: { liveId }, _max: { viewers: true } }),
  ]);
  const kind = (k: string) => byKind.find((row) => row.kind === k)?._count ?? 0;
  const social = (k: string) => socials.find((row) => row.kind === k)?._count ?? 0;
  return {
    value: byKind.reduce((sum, row) => sum + (row._sum.diamonds ?? 0), 0),
    gifts: kind('gift'),
    superChats: kind('super_chat'),
    guards: kind('guard'),
    comments: chats,
    follows: social('FOLLOW'),
    shares: social('SHARE'),
    peakViewers: samples._max.viewers ?? 0,
    uniqueGifters: gifters.length,
  };
}

it('finds the Bilibili fixtures', () => expect(fixtures.sort()).toEqual(['bilibili-busy-no-end.jsonl', 'bilibili-evening.jsonl']));

describe.each(fixtures)('replaying Bilibili fixture %s through the ingest chain into Postgres', (file) => {
  it('stores exactly the expected totals, in the live row and in the rows, and a second replay changes nothing', async () => {
    const expected = expectedFor(file);
    const handle = `bx${uniqueSuffix()}`;
    const options = { file: path.join(FIXTURES, file), handle, speed: 'max' as const, db, databaseUrl: requireDatabaseUrl(), log };
    const first = await runReplay(options);
    expect(first.platform).toBe('bilibili');
    const { liveId, ...session } = first.session;
    expect(session).toEqual(expected);
    const { platform: _p, valueUnit: _u, likes: _l, ...fromCounters } = expected;
    expect(await totalsFromRows(BigInt(liveId))).toEqual(fromCounters);

    const live = await db.live.findUniqueOrThrow({ where: { id: BigInt(liveId) }, include: { account: true } });
    expect(live.platform).toBe('bilibili');
    expect(live.account).toMatchObject({ platform: 'bilibili', handle });
    // Viewers are namespaced: a Bilibili uid never meets a TikTok user id.
    const viewers = await db.viewer.findMany({ where: { liveViewers: { some: { liveId: BigInt(liveId) } } }, select: { tiktokUserId: true } });
    expect(viewers.length).toBeGreaterThan(0);
    expect(viewers.every((v) => v.tiktokUserId.startsWith('bilibili:'))).toBe(true);
    // The gift catalogue holds gifts, namespaced, never a Super Chat or guard.
    const types = await db.giftType.findMany({ where: { giftId: { startsWith: 'bilibili:' } }, select: { giftId: true } });
    expect(types.length).toBeGreaterThan(0);
    expect(types.some((t) => t.giftId.includes('super-chat') || t.giftId.includes('guard'))).toBe(false);

    const second = await runReplay(options);
    expect(second.session).toEqual(first.session);
  });
});

describe('the end of a Bilibili live', () => {
  it('counts the gifts that arrive just after PREPARING (a combo’s last sends), as the counting rules do', async () => {
    // A busy minute whose last combos run past the end: 13 of their sends come in packets after PREPARING's,
    // up to 2.6 s later (seed 6).
    const startTime = Date.parse('2026-11-01T12:00:00Z');
    const session = generateBilibiliSession({ seed: 6, roomId: '7788001', durationSec: 60, startTime, audience: 5000, chatsPerMinute: 600, giftsPerMinute: 600 });
    const packets = session.frames.map((frame) => decodePacket(frame.frame).flatMap((item) => (item.kind === 'command' ? [item.command.base] : [])));
    const end = packets.findIndex((commands) => commands.includes('PREPARING'));
    expect(end).toBeGreaterThan(0);
    expect(packets.slice(end + 1).flat().filter((cmd) => cmd === 'SEND_GIFT').length).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-bili-end-'));
    const file = path.join(dir, 'late-gifts.jsonl');
    const writer = new ReplayWriter(file, { ...session.header, startedAt: startTime });
    for (const frame of session.frames) writer.write(frame.frame, frame.t);
    await writer.close();
    try {
      const result = await runReplay({ file, handle: `bl${uniqueSuffix()}`, speed: 'max', db, databaseUrl: requireDatabaseUrl(), log });
      const { liveId: _liveId, ...stored } = result.session;
      expect(stored).toEqual(session.expected);
      expect(result.end).toMatchObject({ streamEnded: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a Bilibili room through the live connector, against a local Bilibili stand-in', () => {
  let standIn: BilibiliStandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it('stores the live exactly, across a dropped connection that sends packets again, and closes it as ended', async () => {
    const file = path.join(FIXTURES, 'bilibili-evening.jsonl');
    const expected = expectedFor('bilibili-evening.jsonl');
    // A room id of its own, so this live never meets another test's.
    const roomId = String(7_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
    standIn = await startBilibiliStandIn({ replayFile: file, roomId, dropAfter: [150], resendOnReconnect: 25 });
    const handle = `bl${uniqueSuffix()}`;
    const account = await db.channel.create({ data: { platform: 'bilibili', handle, roomId, nickname: handle } });
    const ingest = createIngest({ databaseUrl: requireDatabaseUrl(), log, games: false, wheels: false });
    ingest.start();
    try {
      const source = new BilibiliLiveSource(roomId, { apiBase: standIn.apiBase, liveBase: standIn.liveBase, apiMinIntervalMs: 0, backoff: { initialMs: 20, maxMs: 200, attempts: 3 }, endGraceMs: 50 });
      const room = new RoomSession({ source, accountId: account.id, db, log, ...ingest.room });
      const end = await room.run();
      expect(end).toMatchObject({ streamEnded: true, roomId });
      expect(standIn.connections).toBe(2);
      expect(source.counter.report.duplicates).toBeGreaterThan(0);
      await ingest.pipeline.flushed();
    } finally {
      await ingest.stop({ drainMs: 10_000 });
    }
    const { liveId, ...session } = await readSessionTotals(db, roomId, 'bilibili');
    expect(session).toEqual(expected);
    const live = await db.live.findUniqueOrThrow({ where: { id: BigInt(liveId) } });
    expect(live.endReason).toBe('stream_end');
    expect(live.endedAt).not.toBeNull();
  });
});
