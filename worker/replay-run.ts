// One replay through the whole pipeline, in this process: the replay source (the library's own
// decoder), the normaliser, the write pipeline into Postgres and, when given a Pusher client, the
// fan-out. Shared by `npm run replay`, the integration tests and the ingest benchmark.
import { createHash } from 'node:crypto';
import type Pusher from 'pusher';
import pg from 'pg';
import type { Db } from '@/lib/db';
import { readReplayHeader } from '@/lib/live/replay-file';
import type { LiveEvent } from '@/lib/live/events';
import { createLogger, type Logger } from '@/lib/logger';
import { Fanout } from '@/worker/fanout';
import { GameManager } from '@/worker/games';
import { WritePipeline, type PipelineOptions } from '@/worker/pipeline';
import { RoomSession, type RoomEnd } from '@/worker/room';
import { ReplaySource, type ReplaySpeed } from '@/worker/sources/replay';
import { BatchWriter } from '@/worker/writer';

export type LiveTotals = { diamonds: number; gifts: number; likes: number; comments: number; follows: number; shares: number; peakViewers: number; uniqueGifters: number };

/** A room id of its own for a recording replayed as another account (room ids are unique per live). */
export function roomIdFor(recordedRoomId: string, handle: string, recordedHandle: string): string {
  if (handle === recordedHandle) return recordedRoomId;
  const digest = createHash('sha256').update(`${recordedRoomId}:${handle}`).digest();
  return `9${(digest.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '0')}`;
}

/** The totals of a live as stored: the live row's running totals. */
export async function readLiveTotals(db: Db, roomId: string): Promise<LiveTotals & { liveId: string }> {
  const live = await db.live.findUniqueOrThrow({ where: { roomId } });
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
  /** Score leaderboard and Q&A sessions of the account, as the worker does (default true). */
  games?: boolean;
  onFrame?: (bytes: Uint8Array) => void;
};

export type ReplayRunResult = { handle: string; roomId: string; accountId: string; end: RoomEnd; seconds: number; totals: LiveTotals & { liveId: string } };

export async function runReplay(options: ReplayRunOptions): Promise<ReplayRunResult> {
  const log = options.log ?? createLogger('replay');
  const header = await readReplayHeader(options.file);
  const handle = (options.handle ?? header.handle).toLowerCase();
  const roomId = roomIdFor(header.roomId, handle, header.handle.toLowerCase());
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'livelens-replay-writer', connectionTimeoutMillis: 3000 });
  pool.on('error', () => undefined);
  const pipeline = new WritePipeline({ pool, writer: new BatchWriter(), log, ...options.pipeline });
  const fanout = options.pusher ? new Fanout({ pusher: options.pusher, log }) : undefined;
  const games = options.games === false ? undefined : new GameManager({ pool, fanout, log: log.child('games') });
  try {
    const account = await options.db.tiktokAccount.upsert({ where: { handle }, create: { handle, nickname: handle }, update: {} });
    pipeline.start();
    fanout?.start();
    games?.start();
    const source = new ReplaySource(options.file, { speed: options.speed, roomId, onFrame: options.onFrame });
    const started = performance.now();
    const onEvent = (event: LiveEvent, liveId: string, accountId: string) => {
      options.onEvent?.(event, liveId);
      games?.onEvent(accountId, liveId, event);
    };
    const room = new RoomSession({ source, accountId: account.id, db: options.db, pipeline, fanout, log, onEvent });
    const end = await room.run();
    await source.finished;
    await pipeline.flushed();
    const seconds = (performance.now() - started) / 1000;
    return { handle, roomId, accountId: account.id, end, seconds, totals: await readLiveTotals(options.db, roomId) };
  } finally {
    await pipeline.drain(10_000);
    await games?.stop();
    await fanout?.stop();
    await pool.end();
  }
}
