// One replay through the whole ingest chain (worker/ingest.ts, as the worker builds it), in this process:
// the replay source (the library's own decoder), the normaliser, the write pipeline into Postgres, the game
// manager and, when given a Pusher client, the fan-out. Shared by `npm run replay`, the integration tests
// and the ingest benchmark.
import { createHash } from 'node:crypto';
import type Pusher from 'pusher';
import type { Db } from '@/lib/db';
import { channelHandle, type Platform } from '@/lib/platforms/channel';
import type { SessionTotals } from '@/lib/platforms/events';
import { readReplayHeader, replayPlatform } from '@/lib/live/replay-file';
import type { LiveEvent } from '@/lib/live/events';
import { createLogger, type Logger } from '@/lib/logger';
import { VALUE_UNIT } from '@/lib/platforms/units';
import { createIngest, type Ingest } from '@/worker/ingest';
import type { Metrics } from '@/worker/metrics';
import type { PipelineOptions } from '@/worker/pipeline';
import { RoomSession, type RoomEnd } from '@/worker/room';
import { eventSink, type EventSink } from '@/worker/sinks';
import { BilibiliReplaySource } from '@/worker/sources/bilibili-live';
import { ReplaySource, type ReplaySpeed } from '@/worker/sources/replay';

export type LiveTotals = { diamonds: number; gifts: number; likes: number; comments: number; follows: number; shares: number; peakViewers: number; uniqueGifters: number };

/** A room id of its own for a recording replayed as another account (room ids are unique per live). */
export function roomIdFor(recordedRoomId: string, handle: string, recordedHandle: string): string {
  if (handle === recordedHandle) return recordedRoomId;
  const digest = createHash('sha256').update(`${recordedRoomId}:${handle}`).digest();
  return `9${(digest.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '0')}`;
}

/** The totals of a live as stored: the live row's running totals. */
export async function readLiveTotals(db: Db, roomId: string, platform: Platform = 'tiktok'): Promise<LiveTotals & { liveId: string }> {
  const live = await db.live.findUniqueOrThrow({ where: { platform_roomId: { platform, roomId } } });
  return {
    liveId: live.id.toString(),
    diamonds: Number(live.diamonds),
    gifts: live.gifts,
    likes: Number(live.likes),
    comments: live.comments,
    follows: live.follows,
    shares: live.shares,
    peakViewers: live.peakViewers,
    uniqueGifters: live.uniqueGifters,
  };
}

/**
 * A live's stored totals in the form `npm run replay` prints for every platform (issue 20, item 4): value in
 * the platform's unit (lives.diamonds), gifts apart from Super Chats and guard purchases.
 */
export async function readSessionTotals(db: Db, roomId: string, platform: Platform): Promise<SessionTotals & { liveId: string }> {
  const live = await db.live.findUniqueOrThrow({ where: { platform_roomId: { platform, roomId } } });
  return {
    liveId: live.id.toString(),
    platform,
    valueUnit: VALUE_UNIT[platform],
    value: Number(live.diamonds),
    gifts: live.gifts,
    superChats: live.superChats,
    guards: live.guards,
    comments: live.comments,
    likes: Number(live.likes),
    follows: live.follows,
    shares: live.shares,
    peakViewers: live.peakViewers,
    uniqueGifters: live.uniqueGifters,
  };
}

export type ReplayRunOptions = {
  file: string;
  /** Replay as this account (default: the recording's own handle). */
  handle?: string;
  speed: ReplaySpeed;
  db: Db;
  databaseUrl: string;
  pusher?: Pusher;
  log?: Logger;
  pipeline?: Partial<Omit<PipelineOptions, 'pool' | 'writer' | 'log'>>;
  onEvent?: (event: LiveEvent, liveId: string) => void;
  /** More sinks (benches). */
  sinks?: EventSink[];
  /** Score leaderboard and Q&A sessions of the account, as the worker does (default true). */
  games?: boolean;
  onFrame?: (bytes: Uint8Array) => void;
  /** Counts what the chain does, as the worker's metrics endpoint shows it. */
  metrics?: Metrics;
  /** Called once the chain is built (tests watch the pipeline's progress through it). */
  onIngest?: (ingest: Ingest) => void;
};

export type ReplayRunResult = {
  platform: Platform;
  handle: string;
  roomId: string;
  accountId: string;
  end: RoomEnd;
  seconds: number;
  totals: LiveTotals & { liveId: string };
  /** Every platform's totals, as `npm run replay` prints them. */
  session: SessionTotals & { liveId: string };
};

export async function runReplay(options: ReplayRunOptions): Promise<ReplayRunResult> {
  const log = options.log ?? createLogger('replay');
  const header = await readReplayHeader(options.file);
  const platform = replayPlatform(header);
  if (platform !== 'tiktok' && platform !== 'bilibili') throw new Error(`${options.file}: ${platform} replays cannot be played yet`);
  const handle = (options.handle ?? header.handle).toLowerCase();
  const roomId = roomIdFor(header.roomId, handle, header.handle.toLowerCase());
  const recorder = options.onEvent;
  const ingest = createIngest({
    databaseUrl: options.databaseUrl,
    log,
    pusher: options.pusher,
    games: options.games,
    metrics: options.metrics,
    applicationName: 'livelens-replay-writer',
    pipeline: options.pipeline,
    sinks: [...(recorder ? [eventSink('recorder', (event, live) => recorder(event, live.liveId))] : []), ...(options.sinks ?? [])],
  });
  options.onIngest?.(ingest);
  try {
    // A Bilibili recording's handle is its room (the uid is not in the recording).
    const account = await options.db.channel.upsert({
      where: channelHandle(platform, handle),
      create: { platform, handle, nickname: handle, ...(platform === 'bilibili' ? { roomId } : {}) },
      update: {},
    });
    ingest.start();
    const source =
      platform === 'bilibili'
        ? new BilibiliReplaySource(options.file, { speed: options.speed, roomId, onFrame: options.onFrame })
        : new ReplaySource(options.file, { speed: options.speed, roomId, onFrame: options.onFrame });
    const started = performance.now();
    const room = new RoomSession({ source, accountId: account.id, db: options.db, log, ...ingest.room });
    const end = await room.run();
    await source.finished;
    await ingest.pipeline.flushed();
    const seconds = (performance.now() - started) / 1000;
    const [totals, session] = await Promise.all([readLiveTotals(options.db, roomId, platform), readSessionTotals(options.db, roomId, platform)]);
    return { platform, handle, roomId, accountId: account.id, end, seconds, totals, session };
  } finally {
    await ingest.stop({ drainMs: 10_000 });
  }
}
