// The worker side of the rooms benchmark, in its own process so its memory is measured alone: opens
// BENCH_ROOMS rooms through tiktok-live-connector's real connect() against the local push server on
// BENCH_PORT (the library's routes pointed at it), runs every room through the normaliser and the write
// pipeline into DATABASE_URL for a while, and prints its memory as JSON.
import { createDb } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { installFakeRoutes } from '@/tools/testing/fake-tiktok';
import { createIngest } from '@/worker/ingest';
import { RoomSession } from '@/worker/room';
import { TikTokSource } from '@/worker/sources/tiktok';
import { eventSink } from '@/worker/sinks';

const rooms = Number(process.env.BENCH_ROOMS ?? 500);
const port = Number(process.env.BENCH_PORT);
const log = createLogger('rooms-child');
const MiB = 2 ** 20;

async function settle(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  return process.memoryUsage().rss;
}

async function main(): Promise<void> {
  installFakeRoutes(port, () => ({ status: 2 }));
  const url = requireDatabaseUrl();
  const db = createDb(url, { max: 4 });
  // The worker's own chain (worker/ingest.ts) without realtime: the memory measured is the production wiring's.
  let events = 0;
  const ingest = createIngest({ databaseUrl: url, log, applicationName: 'livelens-bench-rooms', sinks: [eventSink('count', () => void events++)] });
  ingest.start();
  const accounts = await Promise.all(
    Array.from({ length: rooms }, (_, i) => db.tiktokAccount.upsert({ where: { handle: `bench.room${i}` }, create: { handle: `bench.room${i}` }, update: {} })),
  );
  const baseline = await settle();
  const sessions: RoomSession[] = [];
  const running: Promise<unknown>[] = [];
  // Connect in waves of 50, as the supervisor would through its rate limiter.
  for (let i = 0; i < rooms; i += 50) {
    for (const [j, account] of accounts.slice(i, i + 50).entries()) {
      const session = new RoomSession({ source: new TikTokSource(account.handle, { roomId: `76${String(i + j).padStart(17, '0')}` }), accountId: account.id, db, log, ...ingest.room });
      sessions.push(session);
      running.push(session.run().catch((error: unknown) => log.error('room failed', { error })));
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const eventsBefore = events;
  const measureStart = Date.now();
  await new Promise((r) => setTimeout(r, 20_000));
  const eventsPerSecond = Math.round((events - eventsBefore) / ((Date.now() - measureStart) / 1000));
  const connected = sessions.filter((s) => s.currentLiveId !== null).length;
  const rss = await settle();
  await Promise.all(sessions.map((s) => s.stop()));
  await ingest.stop({ drainMs: 30_000 });
  await db.$disconnect();
  process.stdout.write(
    `${JSON.stringify({ rooms, connected, rssMiB: Math.round(rss / MiB), baselineRssMiB: Math.round(baseline / MiB), perRoomMiB: Math.round(((rss - baseline) / MiB / Math.max(1, connected)) * 100) / 100, eventsPerSecond })}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
