// The one assembly of the ingest chain — a pg pool, the write pipeline, the realtime fan-out, the game
// manager, metrics — and the order it starts and stops in. The worker, the replay CLI (and the tests that
// use it) and every bench build it here, so a bench measures what production runs.
//
//   source → normaliser (RoomSession) → sinks: write pipeline → Postgres
//                                              fan-out → Pusher (account channels; games' boards)
//                                              game manager → game_scores (+ its boards to the fan-out)
//                                              wheels → wheel_spins (+ each spin to the fan-out)
//                                              metrics, and any extra sinks given
//
// Stop order: the pipeline drains first (the events are the data), then the game manager saves its boards
// and publishes them one last time, the wheels finish the spins of gifts already received, then the fan-out
// empties its outbox, then the pool closes.
import type Pusher from 'pusher';
import pg from 'pg';
import type { LiveEvent } from '@/lib/live/events';
import type { Logger } from '@/lib/logger';
import { Fanout, type FanoutOptions } from '@/worker/fanout';
import { GameManager } from '@/worker/games';
import type { Metrics } from '@/worker/metrics';
import { WritePipeline, type PipelineOptions } from '@/worker/pipeline';
import { WheelSpinner } from '@/worker/wheels';
import type { RoomOptions } from '@/worker/room';
import type { EventSink } from '@/worker/sinks';
import { BatchWriter, type StoredEvent } from '@/worker/writer';

/** The write path's own pool (multi-row unnest inserts and the game boards); everything else uses Prisma. */
export const INGEST_POOL_SIZE = 4;

export type IngestOptions = {
  databaseUrl: string;
  log: Logger;
  /** Publishes to browsers when given (the worker; replays that feed open pages). */
  pusher?: Pusher;
  /** Scores leaderboard and Q&A sessions (default true). */
  games?: boolean;
  /** Spins wheel-of-fortune overlays for qualifying gifts (default true). */
  wheels?: boolean;
  metrics?: Metrics;
  /** More sinks after the production ones (a bench's timing, a test's recorder). */
  sinks?: EventSink[];
  applicationName?: string;
  pipeline?: Partial<Omit<PipelineOptions, 'pool' | 'writer' | 'log'>>;
  fanout?: Partial<Omit<FanoutOptions, 'pusher' | 'log'>>;
  /** Timers of the game manager (tests shorten them). */
  gameTiming?: { syncMs?: number; persistMs?: number; publishMs?: number };
};

const STORED = new Set<LiveEvent['type']>(['chat', 'gift', 'like', 'like-total', 'member', 'follow', 'share', 'viewers']);
const isStored = (event: LiveEvent): event is StoredEvent => STORED.has(event.type);

export type Ingest = {
  pool: pg.Pool;
  pipeline: WritePipeline;
  fanout: Fanout | undefined;
  games: GameManager | undefined;
  wheels: WheelSpinner | undefined;
  sinks: readonly EventSink[];
  /** What a RoomSession (or the supervisor's monitors) needs from the chain. */
  room: Pick<RoomOptions, 'sinks' | 'waitForCapacity'>;
  start(): void;
  /** Stops in order; resolves whether every queued event was written. */
  stop(options?: { drainMs?: number }): Promise<{ flushed: boolean }>;
};

export function createIngest(options: IngestOptions): Ingest {
  const { log, metrics } = options;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: INGEST_POOL_SIZE, application_name: options.applicationName ?? 'livelens-ingest', connectionTimeoutMillis: 3000 });
  // An idle connection the server dropped must not crash the process; counted where there are metrics.
  pool.on('error', (error) => {
    metrics?.countError('pool');
    log.warn('an idle database connection failed', { error });
  });
  const pipeline = new WritePipeline({
    pool,
    writer: new BatchWriter(),
    log: log.child('pipeline'),
    ...options.pipeline,
    onCommitted: (batch, at, ms) => {
      metrics?.observeCommit(batch, at, ms);
      options.pipeline?.onCommitted?.(batch, at, ms);
    },
  });
  const observePublish = metrics ? (seconds: number, ok: boolean) => metrics.observePublish(seconds, ok) : undefined;
  const fanout = options.pusher ? new Fanout({ pusher: options.pusher, log: log.child('fanout'), observePublish, ...options.fanout }) : undefined;
  const games = options.games === false ? undefined : new GameManager({ pool, fanout, log: log.child('games'), ...options.gameTiming });
  const wheels = options.wheels === false ? undefined : new WheelSpinner({ pool, fanout, log: log.child('wheels') });

  const sinks: EventSink[] = [
    {
      name: 'pipeline',
      event: (event, live) => {
        if (isStored(event)) pipeline.enqueue({ liveId: live.liveId, accountId: live.accountId, event, queuedAt: performance.now() });
      },
    },
    ...(fanout
      ? [
          {
            name: 'fanout',
            event: (event: LiveEvent, live: { accountId: string; liveId: string }) => fanout.event(live.accountId, live.liveId, event),
            counters: (live: { accountId: string }, counters: Parameters<Fanout['updateCounters']>[1]) => fanout.updateCounters(live.accountId, counters),
            status: (accountId: string, status: Parameters<Fanout['status']>[1]) => fanout.status(accountId, status),
          } satisfies EventSink,
        ]
      : []),
    ...(games ? [{ name: 'games', event: (event: LiveEvent, live: { accountId: string; liveId: string }) => games.onEvent(live.accountId, live.liveId, event) } satisfies EventSink] : []),
    ...(wheels ? [{ name: 'wheels', event: (event: LiveEvent, live: { accountId: string; liveId: string }) => wheels.onEvent(live.accountId, live.liveId, event) } satisfies EventSink] : []),
    ...(metrics ? [{ name: 'metrics', event: (event: LiveEvent) => metrics.countEvent(event.type) } satisfies EventSink] : []),
    ...(options.sinks ?? []),
  ];

  let started = false;
  return {
    pool,
    pipeline,
    fanout,
    games,
    wheels,
    sinks,
    room: { sinks, waitForCapacity: () => pipeline.waitForCapacity() },
    start() {
      if (started) return;
      started = true;
      pipeline.start();
      fanout?.start();
      games?.start();
    },
    async stop(stopOptions = {}) {
      const flushed = await pipeline.drain(stopOptions.drainMs ?? 30_000);
      if (!flushed) log.error('could not write every queued event before stopping', { left: pipeline.depth });
      await games?.stop();
      await wheels?.idle();
      await fanout?.stop();
      await pool.end();
      return { flushed };
    },
  };
}
