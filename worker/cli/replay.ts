// `npm run replay -- <file> [--as <handle>] [--speed realtime|max|<factor>]`
// Replays a recorded session through the whole pipeline — the library's decoder, the normaliser, the
// write pipeline into Postgres and the fan-out to the realtime server (configured, or started the way
// `npm start` starts them) — then prints, as the last line, one JSON object with the totals it reads
// back from the database for that live.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '@/lib/db';
import { EnvError, parseEnv, resetEnvCache } from '@/lib/env';
import { ensureServices } from '@/lib/infra/services';
import { readReplayHeader } from '@/lib/live/replay-file';
import { createLogger } from '@/lib/logger';
import { createPusher } from '@/lib/realtime/server';
import { handleSchema } from '@/lib/tiktok/handle';
import { parseArgs } from '@/worker/cli/args';
import { Fanout } from '@/worker/fanout';
import { WritePipeline } from '@/worker/pipeline';
import { RoomSession } from '@/worker/room';
import { parseSpeed, ReplaySource } from '@/worker/sources/replay';
import { BatchWriter } from '@/worker/writer';

const log = createLogger('replay');
const say = (message: string) => process.stderr.write(`[replay] ${message}\n`);

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

async function main(): Promise<void> {
  const { positionals, flags } = parseArgs(process.argv.slice(2));
  const file = positionals[0];
  if (!file) throw new Error('Usage: npm run replay -- <file.jsonl> [--as <handle>] [--speed realtime|max|<factor>]');
  if (!fs.existsSync(file)) throw new Error(`No such replay file: ${file}`);
  const speed = parseSpeed(flags.get('speed'));
  const header = await readReplayHeader(file);
  const asFlag = flags.get('as');
  const parsedHandle = handleSchema.safeParse(asFlag ?? header.handle);
  if (!parsedHandle.success) throw new Error(`--as: ${parsedHandle.error.issues[0]?.message ?? 'not a TikTok handle'}`);
  const handle = parsedHandle.data;
  const roomId = roomIdFor(header.roomId, handle, header.handle.toLowerCase());

  const env = parseEnv();
  const services = await ensureServices(env, { say });
  Object.assign(process.env, services.pusherEnv, { DATABASE_URL: services.databaseUrl });
  resetEnvCache();

  const db = createDb(services.databaseUrl, { max: 4, applicationName: 'livelens-replay' });
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 2, application_name: 'livelens-replay-writer' });
  pool.on('error', () => undefined);
  const pipeline = new WritePipeline({ pool, writer: new BatchWriter(), log });
  const fanout = new Fanout({ pusher: createPusher(), log });
  try {
    const account = await db.tiktokAccount.upsert({ where: { handle }, create: { handle, nickname: handle }, update: {} });
    say(`replaying ${file} as @${handle} (room ${roomId}) at ${speed === 'max' ? 'full speed' : `${speed}× speed`}`);
    pipeline.start();
    fanout.start();
    const source = new ReplaySource(file, { speed, roomId });
    const started = performance.now();
    const room = new RoomSession({ source, accountId: account.id, db, pipeline, fanout, log });
    const end = await room.run();
    await source.finished;
    await pipeline.flushed();
    const seconds = (performance.now() - started) / 1000;
    say(`${end.events} events in ${seconds.toFixed(1)} s (${Math.round(end.events / seconds)}/s); ${end.reason}`);
    const totals = await readLiveTotals(db, roomId);
    process.stdout.write(`${JSON.stringify({ handle, roomId, ...totals })}\n`);
  } finally {
    await pipeline.drain(10_000);
    await fanout.stop();
    await pool.end();
    await db.$disconnect();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
