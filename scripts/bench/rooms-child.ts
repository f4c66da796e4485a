// The worker side of the rooms benchmark (ingest-rooms.ts), in its own process so its memory is measured
// alone: opens BENCH_ROOMS rooms through tiktok-live-connector's real connect() against the local push
// server on BENCH_PORT (the library's routes pointed at it), runs every room through the normaliser and
// the write pipeline into DATABASE_URL, measures a window of steady traffic, and prints its figures as
// JSON. To see what a room costs: BENCH_HEAP_SNAPSHOT=<file> writes a V8 heap snapshot at the end of the
// window (thousands of rooms take a while and a few hundred MB), BENCH_CPU_PROFILE=<file> a CPU profile
// of the window (open either in Chrome's DevTools).
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import v8 from 'node:v8';
import { createDb } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { installFakeRoutes } from '@/tools/testing/fake-tiktok';
import { createIngest } from '@/worker/ingest';
import { RoomSession } from '@/worker/room';
import { TikTokSource } from '@/worker/sources/tiktok';
import { eventSink } from '@/worker/sinks';
import type { RoomsResult } from './ingest-rooms';

const rooms = Number(process.env.BENCH_ROOMS ?? 500);
const port = Number(process.env.BENCH_PORT);
const heapSnapshot = process.env.BENCH_HEAP_SNAPSHOT;
const cpuProfile = process.env.BENCH_CPU_PROFILE;
const log = createLogger('rooms-child');
const MiB = 2 ** 20;
const WAVE = 50;
const WAVE_MS = 300;
const SETTLE_MS = 5000;
// The measured window; BENCH_WINDOW_S lengthens it to show the write queue does not grow.
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 20) * 1000;
const CONNECT_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => Math.round(bytes / MiB);

async function collect(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    await sleep(200);
  }
  return process.memoryUsage();
}

async function main(): Promise<void> {
  installFakeRoutes(port, () => ({ status: 2 }));
  const url = requireDatabaseUrl();
  const db = createDb(url, { max: 4 });
  // The worker's own chain (worker/ingest.ts) without realtime: the memory measured is the production wiring's.
  let events = 0;
  let committed = 0;
  const ingest = createIngest({
    databaseUrl: url,
    log,
    applicationName: 'livelens-bench-rooms',
    sinks: [eventSink('count', () => void events++)],
    pipeline: { onCommitted: (batch) => void (committed += batch.length) },
  });
  ingest.start();
  const accounts: { id: string; handle: string }[] = [];
  for (let i = 0; i < rooms; i += 500) {
    const handles = Array.from({ length: Math.min(500, rooms - i) }, (_, j) => `bench.room${i + j}`);
    await db.channel.createMany({ data: handles.map((handle) => ({ handle })), skipDuplicates: true });
    accounts.push(...(await db.channel.findMany({ where: { platform: 'tiktok', handle: { in: handles } }, select: { id: true, handle: true } })));
  }
  const baseline = await collect();
  const sessions: RoomSession[] = [];
  let live = 0;
  let failed = 0;
  const rampStart = performance.now();
  // Progress on stderr every 5 s: a run that falls behind shows where (rooms, memory, write queue).
  const progress = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    process.stderr.write(`[rooms-child] ${Math.round((performance.now() - rampStart) / 1000)} s: ${live} live, ${failed} failed, RSS ${mib(rss)} MiB, heap ${mib(heapUsed)} MiB, ${events} events, ${committed} committed, queue ${ingest.pipeline.depth}\n`);
  }, 5000);
  // Connect in waves, as the supervisor would through its rate limiter: the next wave starts when this
  // one is live (or failed), at most one wave every WAVE_MS.
  for (let i = 0; i < accounts.length; i += WAVE) {
    const waveStart = performance.now();
    for (const [j, account] of accounts.slice(i, i + WAVE).entries()) {
      const session = new RoomSession({
        source: new TikTokSource(account.handle, { roomId: `76${String(i + j).padStart(17, '0')}` }),
        accountId: account.id,
        db,
        log,
        ...ingest.room,
        onLive: () => void live++,
      });
      sessions.push(session);
      session.run().catch((error: unknown) => {
        failed++;
        log.error('room failed', { error });
      });
    }
    const target = Math.min(accounts.length, i + WAVE);
    while (live + failed < target && performance.now() - waveStart < CONNECT_TIMEOUT_MS) await sleep(20);
    await sleep(Math.max(0, WAVE_MS - (performance.now() - waveStart)));
  }
  const rampSeconds = Math.round((performance.now() - rampStart) / 100) / 10;
  await sleep(SETTLE_MS);

  const eventsBefore = events;
  const committedBefore = committed;
  const queueAtStart = ingest.pipeline.depth;
  const cpuBefore = process.cpuUsage();
  const profiler = cpuProfile ? new inspector.Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const windowStart = performance.now();
  await sleep(WINDOW_MS);
  const seconds = (performance.now() - windowStart) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const queueAtEnd = ingest.pipeline.depth;
  if (profiler && cpuProfile) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(cpuProfile, JSON.stringify(profile));
    profiler.disconnect();
  }
  const eventsPerSecond = Math.round((events - eventsBefore) / seconds);
  const committedPerSecond = Math.round((committed - committedBefore) / seconds);
  const connected = sessions.filter((s) => s.currentLiveId !== null).length;
  const memory = await collect();
  const peak = process.resourceUsage().maxRSS * 1024;
  if (heapSnapshot) v8.writeHeapSnapshot(heapSnapshot);
  clearInterval(progress);
  await Promise.all(sessions.map((s) => s.stop()));
  await ingest.stop({ drainMs: 30_000 });
  await db.$disconnect();
  const result: RoomsResult = {
    rooms,
    connected,
    rampSeconds,
    rssMiB: mib(memory.rss),
    peakRssMiB: mib(peak),
    baselineRssMiB: mib(baseline.rss),
    perRoomMiB: Math.round(((memory.rss - baseline.rss) / MiB / Math.max(1, connected)) * 1000) / 1000,
    heapUsedMiB: mib(memory.heapUsed),
    outsideHeapMiB: mib(memory.rss - memory.heapTotal),
    eventsPerSecond,
    committedPerSecond,
    cpuCores: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100) / 100,
    windowSeconds: Math.round(seconds),
    queueAtStart,
    queueAtEnd,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
