// `npm run bench:ingest` — how fast one worker process takes a busy session from websocket frames to
// committed rows, measured beside the library's own decoding speed:
//   1. decode-only: frames through tiktok-live-connector's deserializeWebSocketMessage() and
//      processProtoMessageFetchResult() with listeners that only count (the library alone);
//   2. end to end at full speed: the same frames through the replay source, normaliser and write
//      pipeline into a fresh Postgres; events persisted per second, and time from decoded to committed.
//      Runs of 1 and 2 alternate, and their ratio is taken pair by pair;
//   3. paced at 5,000 events/s: the commit latency a busy room actually sees;
//   4. rooms: how many concurrent rooms one worker process holds through the real connect() against a
//      local websocket server, its memory per room and the event rate it sustains (ingest-rooms.ts).
//   5. bilibili: a busy Bilibili session, decode-only and end to end (ingest-bilibili.ts).
// BENCH_PARTS picks parts: `throughput` (1–3), `rooms` (4), `bilibili` (5), comma-separated; all by default.
// BENCH_ROOMS (5,000) and BENCH_TRICKLE (`low` or `quiet`, see ingest-rooms.ts) shape the rooms part.
// Results go to docs/benchmarks.md (one section per part); the last line printed is one JSON object with
// the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserializeWebSocketMessage } from 'tiktok-live-connector';
import { nodeArgs } from '@/tools/node/run.mjs';
import { ReplayWriter, type ReplayFrame } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';
import { createLogger } from '@/lib/logger';
import { attachSink } from '@/worker/sources/connection';
import { FeedConnection } from '@/worker/sources/replay';
import { bilibiliBench } from './ingest-bilibili';
import { endToEnd } from './end-to-end';
import { runRoomsBench, TRICKLES, writeRoomsSection, type Trickle } from './ingest-rooms';
import { machineLine, round, startBenchDatabase, writeBenchSection } from './lib';

const log = createLogger('bench');
function parseTrickle(value: string): Trickle {
  if (value in TRICKLES) return value as Trickle;
  throw new Error(`BENCH_TRICKLE must be one of ${Object.keys(TRICKLES).join(', ')} (got "${value}")`);
}
const say = (message: string) => process.stderr.write(`[bench:ingest] ${message}\n`);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 5000);
if (!Number.isInteger(ROOMS) || ROOMS < 1 || ROOMS > 20_000) throw new Error(`BENCH_ROOMS must be a whole number of rooms from 1 to 20,000 (got "${process.env.BENCH_ROOMS}")`);
const TRICKLE = parseTrickle(process.env.BENCH_TRICKLE ?? 'low');
const PART_NAMES = ['throughput', 'bilibili', 'rooms'];
const PARTS = new Set((process.env.BENCH_PARTS ?? PART_NAMES.join(',')).split(',').map((part) => part.trim()));
if (PARTS.size === 0 || [...PARTS].some((part) => !PART_NAMES.includes(part))) throw new Error(`BENCH_PARTS must list some of ${PART_NAMES.join(', ')}, comma-separated (got "${process.env.BENCH_PARTS}")`);
// A 15-minute busy session (about 300,000 messages). Each run ends with one last flush after the last
// frame (about half a second); in a 5-minute session (100,000 messages, 3 s a run) that fixed drain was a
// sixth of the measured time, and most viewers were seen for the first time in that live, as they are
// only in a live's first minutes. A worker runs for hours.
const MINUTES = Number(process.env.BENCH_MINUTES ?? 15);
if (!Number.isInteger(MINUTES) || MINUTES < 1 || MINUTES > 120) throw new Error(`BENCH_MINUTES must be a whole number of minutes from 1 to 120 (got "${process.env.BENCH_MINUTES}")`);

const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One pass of the frames through the library alone: deserializeWebSocketMessage() and processProtoMessageFetchResult(), with a listener that only counts. */
async function decodeOnce(frames: ReplayFrame[]): Promise<number> {
  let messages = 0;
  const connection = new FeedConnection('bench', { fetchRoomInfoOnConnect: false, processInitialData: false });
  attachSink(connection, { message: () => void messages++, events: () => undefined, disconnected: () => undefined, error: () => undefined });
  const started = performance.now();
  for (const frame of frames) {
    const decoded = await deserializeWebSocketMessage(frame.frame);
    if (decoded.protoMessageFetchResult) await connection.feed(decoded.protoMessageFetchResult);
  }
  return Math.round(messages / ((performance.now() - started) / 1000));
}

/** Parts 1–3: decode-only, end to end at full speed, paced; writes the ingest section. */
async function throughputBench(databaseUrl: string): Promise<Record<string, unknown>> {
  say(`generating a busy ${MINUTES}-minute session (about ${(MINUTES * 20_000).toLocaleString('en-US')} messages)…`);
  const session = generateSession({
    seed: 77, handle: 'bench.busy', roomId: '7777000000000000001', durationSec: MINUTES * 60, startTime: Date.parse('2026-11-01T20:00:00Z'),
    audience: 5000, peakViewers: 20000, chatsPerMinute: 3000, likeMessagesPerMinute: 12000, giftsPerMinute: 600, joinsPerMinute: 3000,
    followsPerMinute: 100, sharesPerMinute: 100, duplicateFrameRate: 0.01,
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-bench-')), 'busy.jsonl');
  const writer = new ReplayWriter(file, { ...session.header, startedAt: Date.parse('2026-11-01T20:00:00Z') });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();

  const frames = session.frames.map((f) => ({ t: f.t, frame: f.frame }));
  say('decode-only (the library alone), warm-up pass…');
  say(`  ${await decodeOnce(frames)} messages/s`);

  try {
    // Like decode-only, measured RUNS times (each into a live of its own) and reported by the median run,
    // after one warm-up run that is reported but not counted: the first run into a fresh database also
    // compiles the write path (the normaliser and writer are not part of decode-only) and fills empty
    // tables, and was the slowest of every set of runs. A worker runs for hours, so the warm figures are
    // the ones that describe it.
    say('end to end at full speed into Postgres (warm-up run, not counted)…');
    const warmUp = await endToEnd({ file, databaseUrl, speed: 'max', handle: 'bench.warmup', log });
    say(`  ${warmUp.eventsPerSecond} events/s persisted`);
    // Decode-only and end-to-end runs alternate, so that each ratio compares the two on the machine
    // as it was at that moment: this host's speed drifts by a third within minutes (hypervisor steal).
    const fullRuns: Awaited<ReturnType<typeof endToEnd>>[] = [];
    const decodeRuns: number[] = [];
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      say(`decode-only (run ${run} of ${RUNS})…`);
      decodeRuns.push(await decodeOnce(frames));
      say(`  ${decodeRuns.at(-1)} messages/s`);
      say(`end to end at full speed into Postgres (run ${run} of ${RUNS})…`);
      const r = await endToEnd({ file, databaseUrl, speed: 'max', handle: `bench.full${run}`, log });
      say(`  ${r.eventsPerSecond} events/s persisted; decoded→committed p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
      fullRuns.push(r);
      ratios.push(r.eventsPerSecond / (decodeRuns.at(-1) ?? 1));
    }
    const decode = { messagesPerSecond: median(decodeRuns), runs: decodeRuns };
    const full = [...fullRuns].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(RUNS / 2)] ?? fullRuns[0]!;
    const exact = [warmUp, ...fullRuns].every((r) => r.totals.diamonds === session.expected.diamonds && r.totals.gifts === session.expected.gifts && r.totals.comments === session.expected.comments && r.totals.likes === session.expected.likes);

    const recordedRate = session.messages / (MINUTES * 60);
    const speed = 5000 / recordedRate;
    say(`paced at 5,000 events/s (${round(speed, 1)}× the recording)…`);
    const paced = await endToEnd({ file, databaseUrl, speed, handle: 'bench.paced', log });
    say(`  ${paced.eventsPerSecond} events/s; decoded→committed p50 ${paced.p50Ms} ms, p99 ${paced.p99Ms} ms`);

    // The median of the paired ratios (each end-to-end run over the decode-only run just before it).
    const ratio = round(median(ratios), 3);
    const result = {
      bench: 'ingest',
      machine: machineLine(),
      messages: session.messages,
      decodeOnlyMessagesPerSecond: decode.messagesPerSecond,
      decodeOnlyRuns: decode.runs,
      endToEndEventsPerSecond: full.eventsPerSecond,
      endToEndRuns: fullRuns.map((r) => r.eventsPerSecond),
      endToEndWarmUpEventsPerSecond: warmUp.eventsPerSecond,
      endToEndRatio: ratio,
      endToEndRatioRuns: ratios.map((r) => round(r, 3)),
      fullSpeedCommitP50Ms: full.p50Ms,
      fullSpeedCommitP99Ms: full.p99Ms,
      fullSpeedRunSeconds: full.seconds,
      fullSpeedDrainSeconds: full.drainSeconds,
      totalsExact: exact,
      paced5kEventsPerSecond: paced.eventsPerSecond,
      paced5kCommitP50Ms: paced.p50Ms,
      paced5kCommitP99Ms: paced.p99Ms,
    };
    writeBenchSection(
      'ingest',
      `## Ingest (\`npm run bench:ingest\`)

Machine: ${result.machine}. Run ${new Date().toISOString().slice(0, 16)}Z. Input: a synthetic ${MINUTES}-minute busy session of ${session.messages.toLocaleString('en-US')} messages in ${session.frames.length} websocket frames (chat, likes, joins, gifts and streaks, follows, shares, viewer counts, 1% duplicate frames), replayed through one worker process (Node flags \`${nodeArgs('ingest').join(' ')}\`, as the worker runs) into a fresh embedded Postgres 17 with default (durable) settings.

| measurement | result | target |
|---|---|---|
| decode only (tiktok-live-connector alone), median of ${RUNS}, each run just before an end-to-end run | ${decode.messagesPerSecond.toLocaleString('en-US')} messages/s (runs: ${decode.runs.map((n) => n.toLocaleString('en-US')).join(', ')}) | — |
| end to end, full speed, events persisted, median of ${RUNS} after a warm-up run | ${full.eventsPerSecond.toLocaleString('en-US')} events/s (runs: ${fullRuns.map((r) => r.eventsPerSecond.toLocaleString('en-US')).join(', ')}; warm-up run, not counted: ${warmUp.eventsPerSecond.toLocaleString('en-US')}) | ≥ 30,000 events/s |
| end to end ÷ decode only, median of the ${RUNS} pairs (each run over the decode-only run just before it) | ${(ratio * 100).toFixed(1)}% (pairs: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}) | ≥ 40% |
| decoded → committed at full speed (queue included) | p50 ${full.p50Ms} ms, p99 ${full.p99Ms} ms; ${full.seconds} s a run, ${full.drainSeconds} s of it after the last frame | — |
| decoded → committed at 5,000 events/s | p50 ${paced.p50Ms} ms, p99 ${paced.p99Ms} ms | p99 < 1 s |
| stored totals equal the generator's | ${exact ? 'yes' : 'NO'} | yes |

Concurrent rooms: see "Rooms per worker" below (the same command's rooms part).

Command: \`npm run bench:ingest\` (\`BENCH_MINUTES\` changes the session's length; \`BENCH_PARTS=throughput\` runs this part alone).`,
    );
    return result;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const database = await startBenchDatabase('ingest');
  try {
    const result: Record<string, unknown> = { bench: 'ingest', machine: machineLine() };
    if (PARTS.has('throughput')) Object.assign(result, await throughputBench(database.url));
    if (PARTS.has('bilibili')) Object.assign(result, await bilibiliBench(database.url, MINUTES));
    if (PARTS.has('rooms')) {
      say(`${ROOMS.toLocaleString('en-US')} concurrent rooms through the real connect() against a local websocket server…`);
      const rooms = await runRoomsBench(database.url, ROOMS, TRICKLE);
      say(`  ${rooms.connected}/${rooms.rooms} rooms, ${rooms.rssMiB} MiB RSS (peak ${rooms.peakRssMiB}), ${rooms.perRoomMiB} MiB per room, ${rooms.eventsPerSecond} events/s, ${rooms.cpuCores} cores`);
      writeRoomsSection(rooms);
      result.rooms = rooms;
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
