// One replay through the worker's whole chain into Postgres, timed for bench:ingest (TikTok's session and
// Bilibili's): events committed per second from the first frame to the last commit, and each event's time
// from decoded to committed.
import { createDb } from '@/lib/db';
import type { Logger } from '@/lib/logger';
import { runReplay } from '@/worker/replay-run';
import type { ReplaySpeed } from '@/worker/sources/replay';
import { percentile, round } from './lib';

export async function endToEnd(options: { file: string; databaseUrl: string; speed: ReplaySpeed; handle: string; log: Logger }) {
  const { databaseUrl } = options;
  const db = createDb(databaseUrl, { max: 4 });
  const latencies: number[] = [];
  let committed = 0;
  let firstFrameAt = 0;
  let lastFrameAt = 0;
  let lastCommitAt = 0;
  try {
    const result = await runReplay({
      file: options.file,
      handle: options.handle,
      speed: options.speed,
      db,
      databaseUrl,
      log: options.log,
      onFrame: () => {
        firstFrameAt ||= performance.now();
        lastFrameAt = performance.now();
      },
      pipeline: {
        onCommitted: (batch, committedAt) => {
          committed += batch.length;
          lastCommitAt = committedAt;
          for (const item of batch) latencies.push(committedAt - item.queuedAt);
        },
      },
    });
    const seconds = (lastCommitAt - firstFrameAt) / 1000;
    const { liveId: _liveId, ...session } = result.session;
    return {
      events: committed,
      seconds: round(seconds, 2),
      drainSeconds: round((lastCommitAt - lastFrameAt) / 1000, 2),
      eventsPerSecond: Math.round(committed / seconds),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      totals: result.totals,
      session,
    };
  } finally {
    await db.$disconnect();
  }
}
