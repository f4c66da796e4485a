// The rooms part of `npm run bench:ingest` (alone: `BENCH_PARTS=rooms npm run bench:ingest`): how many
// concurrent rooms one worker process holds through tiktok-live-connector's real connect() against a local
// push server, what each room costs in memory, and the event rate the process sustains while every room
// sends a trickle of traffic. The worker side runs in its own process (rooms-child.ts) so that its memory
// is measured alone; the push server (tools/testing/fake-tiktok.ts) stays in this one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { generateSession } from '@/lib/live/synth';
import { nodeArgs, nodeCommand } from '@/tools/node/run.mjs';
import { FakeTikTok } from '@/tools/testing/fake-tiktok';
import { machineLine, round, writeBenchSection } from './lib';

export type RoomsResult = {
  rooms: number;
  connected: number;
  /** Seconds from the first connect to the last room live. */
  rampSeconds: number;
  rssMiB: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  perRoomMiB: number;
  heapUsedMiB: number;
  outsideHeapMiB: number;
  /** Events the rooms produced per second over the measured window (every room's normaliser output). */
  eventsPerSecond: number;
  /** Events committed to Postgres per second over the same window. */
  committedPerSecond: number;
  /** CPU of the worker process over the window, in cores (1 = one core busy all the time). */
  cpuCores: number;
  windowSeconds: number;
  /** Events waiting to be written when the window started and when it ended: a queue that grows is a rate not sustained. */
  queueAtStart: number;
  queueAtEnd: number;
};

// Each room plays the same small room's traffic, long enough that no room runs out while the others
// connect and the window is measured. `low` is the low rate of `npm run replay:generate` (about 8 chats,
// 20 like messages, 10 joins, 3 gifts, a follow and a share a minute, viewer counts, 3% of frames sent
// twice); `quiet` a quarter of it, a room with a handful of viewers.
export const TRICKLES = {
  low: { chatsPerMinute: 8, likeMessagesPerMinute: 20, giftsPerMinute: 3, joinsPerMinute: 10, followsPerMinute: 1, sharesPerMinute: 1, audience: 30, peakViewers: 60 },
  quiet: { chatsPerMinute: 2, likeMessagesPerMinute: 5, giftsPerMinute: 0.75, joinsPerMinute: 2.5, followsPerMinute: 0.25, sharesPerMinute: 0.25, audience: 10, peakViewers: 15 },
} as const;
export type Trickle = keyof typeof TRICKLES;
const TRICKLE_MINUTES = 20;

/** The traffic one room sends, with its rate per second of the recording (for the report). */
export function trickleSession(trickle: Trickle) {
  const session = generateSession({
    seed: 55, handle: 'bench.room', roomId: '7600000000000000000', durationSec: TRICKLE_MINUTES * 60, startTime: Date.now(),
    ...TRICKLES[trickle], duplicateFrameRate: 0.03, streamEnd: false, unendedStreak: false,
  });
  return { frames: session.frames.map((f) => ({ t: f.t, frame: f.frame })), messagesPerSecond: session.messages / (TRICKLE_MINUTES * 60), framesPerSecond: session.frames.length / (TRICKLE_MINUTES * 60) };
}

export async function runRoomsBench(databaseUrl: string, rooms: number, rate: Trickle): Promise<RoomsResult & { trickle: Trickle; messagesPerRoomSecond: number; framesPerRoomSecond: number }> {
  const trickle = trickleSession(rate);
  const server = new FakeTikTok();
  server.fallback = { status: 2, frames: trickle.frames, speed: 1 };
  await server.start({ routes: false });
  try {
    const child = spawn(process.execPath, nodeCommand('ingest+gc', path.join(import.meta.dirname, 'rooms-child.ts')), {
      env: { ...process.env, BENCH_PORT: String(server.port), BENCH_ROOMS: String(rooms), DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`rooms child exited with ${code}: ${output}`);
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as RoomsResult;
    return { ...result, trickle: rate, messagesPerRoomSecond: round(trickle.messagesPerSecond, 2), framesPerRoomSecond: round(trickle.framesPerSecond, 2) };
  } finally {
    await server.stop();
  }
}

const MIB_PER_GIB = 1024;

/** Writes the rooms section of docs/benchmarks.md. */
export function writeRoomsSection(result: Awaited<ReturnType<typeof runRoomsBench>>): void {
  const n = (value: number) => value.toLocaleString('en-US');
  writeBenchSection(
    'ingest-rooms',
    `## Rooms per worker (\`BENCH_PARTS=rooms npm run bench:ingest\`)

Machine: ${machineLine()}. Run ${new Date().toISOString().slice(0, 16)}Z. One worker process (Node flags \`${nodeArgs('ingest').join(' ')}\`, as the worker runs) opens ${n(result.rooms)} rooms through tiktok-live-connector's real \`connect()\` against a local push server in another process (the library's two HTTP routes pointed at it), in waves of 50 that each wait until the last is live (at most one every 300 ms), and runs each through the normaliser and the write pipeline into a fresh embedded Postgres 17. Every room sends the \`${result.trickle}\` trickle of a small room: ${result.framesPerRoomSecond} websocket frames and ${result.messagesPerRoomSecond} messages a second (chat, likes, joins, gifts, follows, shares, viewer counts, 3% duplicate frames).

| measurement | result | target |
|---|---|---|
| rooms held (real \`connect()\`, live and receiving) | ${n(result.connected)} of ${n(result.rooms)}, all live ${result.rampSeconds} s after the first connect | ${n(result.rooms)} |
| RSS with those rooms, after a collection | ${n(result.rssMiB)} MiB (${round(result.rssMiB / MIB_PER_GIB, 2)} GiB; heap ${n(result.heapUsedMiB)} MiB, outside the JS heap ${n(result.outsideHeapMiB)} MiB) | < 1.5 GiB |
| peak RSS of the process (connect ramp included) | ${n(result.peakRssMiB)} MiB (${round(result.peakRssMiB / MIB_PER_GIB, 2)} GiB) | < 1.5 GiB |
| memory per room | ${result.perRoomMiB} MiB over a ${n(result.baselineRssMiB)} MiB baseline (the process with its pools, before the first room) | — |
| events sustained over ${result.windowSeconds} s | ${n(result.eventsPerSecond)} events/s normalised, ${n(result.committedPerSecond)} events/s committed | every room's trickle |
| write queue at the window's start and end | ${n(result.queueAtStart)} and ${n(result.queueAtEnd)} events | not growing |
| worker CPU over the same window | ${result.cpuCores} cores | — |

Command: \`BENCH_PARTS=rooms BENCH_ROOMS=${result.rooms} BENCH_TRICKLE=${result.trickle} BENCH_WINDOW_S=${result.windowSeconds} nice -n 10 npm run bench:ingest\` (defaults: 5,000 rooms, \`low\`, a 20 s window).`,
  );
}
