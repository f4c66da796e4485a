// The LiveLens worker: watches live rooms (TikTok, or demo replays), writes their events to Postgres in
// batches, publishes updates on Pusher channels, runs the scheduled jobs and reports a heartbeat.
// Run as many as you like against one database: accounts are shared out by leases. SIGTERM / SIGINT
// stop it cleanly: rooms are closed, every queued event is written, leases are given back.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { db, disconnectDb } from '@/lib/db';
import { EnvError, getEnv, requireDatabaseUrl, requirePusherConfig, type Env } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { checkRealtime, createPusher } from '@/lib/realtime/server';
import { demoRoomId, ensureBilibiliDemoSession, ensureDemoSession } from '@/worker/demo';
import { BilibiliLiveSource, BilibiliReplaySource } from '@/worker/sources/bilibili-live';
import { bilibiliOptionsFromEnv } from '@/worker/sources/bilibili';
import { Heartbeat } from '@/worker/heartbeat';
import { createIngest } from '@/worker/ingest';
import { Courier } from '@/worker/courier';
import { accessCleanupJob } from '@/worker/jobs/access-cleanup';
import { notificationsJob } from '@/worker/jobs/notifications';
import { chatRetentionJob } from '@/worker/jobs/chat-retention';
import { eventPartitionsJob } from '@/worker/jobs/event-partitions';
import { closeStaleLivesJob } from '@/worker/jobs/close-stale-lives';
import { nextCacheCleanupJob } from '@/worker/jobs/next-cache-cleanup';
import { topListsJob } from '@/worker/jobs/top-lists';
import { wheelSpinRetentionJob } from '@/worker/jobs/wheel-spin-retention';
import { Metrics, metricsUrl } from '@/worker/metrics';
import type { MonitoredAccount } from '@/worker/monitor';
import { DbRateLimiter } from '@/worker/rate-limiter';
import { Scheduler } from '@/worker/scheduler';
import { ReplaySource } from '@/worker/sources/replay';
import { TikTokSource } from '@/worker/sources/tiktok';
import { Supervisor } from '@/worker/supervisor';

const log = createLogger('worker');

function loadSettings(): Env {
  try {
    const env = getEnv();
    requireDatabaseUrl(env);
    requirePusherConfig(env);
    return env;
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const env = loadSettings();
  const workerId = env.WORKER_ID ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const demo = env.DEMO_REPLAY ?? !env.TIKTOK_SIGN_API_KEY;
  const dataDir = path.resolve(env.LIVELENS_DATA_DIR);
  const metrics = new Metrics();

  const ingest = createIngest({ databaseUrl: requireDatabaseUrl(env), log, pusher: createPusher(), metrics, applicationName: 'livelens-worker-writer' });
  const { pipeline } = ingest;
  const fanout = ingest.fanout;
  const games = ingest.games;
  const limiter = new DbRateLimiter(db, { perMinute: env.LIVE_CHECKS_PER_MINUTE, perHour: env.LIVE_CHECKS_PER_HOUR });

  const createSource = async (account: MonitoredAccount, attempt: { roomId?: string }) => {
    if (account.source === 'replay' && account.platform === 'bilibili') {
      const file = account.replayFile ?? (await ensureBilibiliDemoSession(dataDir, account.channelRoomId ?? account.handle));
      const open = attempt.roomId ? await db.live.findFirst({ where: { platform: 'bilibili', roomId: attempt.roomId, accountId: account.id, endedAt: null }, select: { startedAt: true } }) : null;
      const speed = env.DEMO_REPLAY_SPEED;
      if (open && attempt.roomId) return new BilibiliReplaySource(file, { speed, rebase: true, roomId: attempt.roomId, resumeFrom: open.startedAt.getTime() });
      return new BilibiliReplaySource(file, { speed, rebase: true, roomId: demoRoomId(account.handle, Date.now()) });
    }
    if (account.source === 'replay') {
      const file = account.replayFile ?? (await ensureDemoSession(dataDir, account.handle));
      // A replay handed over mid-live (or cut short by a killed worker) carries on in the same live, on
      // the same clock: what the previous holder already stored is skipped by the writer's keys.
      const open = attempt.roomId ? await db.live.findFirst({ where: { roomId: attempt.roomId, accountId: account.id, endedAt: null }, select: { startedAt: true } }) : null;
      const speed = env.DEMO_REPLAY_SPEED;
      if (open && attempt.roomId) return new ReplaySource(file, { speed, rebase: true, roomId: attempt.roomId, resumeFrom: open.startedAt.getTime() });
      return new ReplaySource(file, { speed, rebase: true, roomId: demoRoomId(account.handle, Date.now()) });
    }
    if (account.platform === 'bilibili') return new BilibiliLiveSource(account.channelRoomId ?? account.handle, bilibiliOptionsFromEnv(env));
    return new TikTokSource(account.handle, { signApiKey: env.TIKTOK_SIGN_API_KEY, sessionId: env.TIKTOK_SESSION_ID, proxyUrl: env.TIKTOK_PROXY, roomId: attempt.roomId });
  };

  const supervisor = new Supervisor({
    db,
    workerId,
    log: log.child('supervisor'),
    capacity: env.WORKER_CAPACITY,
    leaseTtlMs: env.WORKER_LEASE_TTL_MS,
    cycleMs: env.WORKER_CYCLE_MS,
    sources: demo ? ['tiktok', 'bilibili', 'replay'] : ['tiktok', 'bilibili'],
    settle: (timeoutMs) => pipeline.settle(timeoutMs),
    monitor: {
      db,
      log: log.child('monitor'),
      limiter,
      createSource,
      room: { ...ingest.room, streakTimeoutMs: env.STREAK_TIMEOUT_MS },
      offlineRecheckMs: env.LIVE_RECHECK_MINUTES * 60_000,
      replayPauseMs: env.DEMO_REPLAY_PAUSE_SECONDS * 1000,
      metrics,
    },
  });
  const scheduler = new Scheduler(db, log.child('jobs'), [
    { job: topListsJob, settings: {} },
    { job: closeStaleLivesJob, settings: { quietMinutes: 15 } },
    { job: eventPartitionsJob, settings: { monthsAhead: 2 } },
    { job: chatRetentionJob, settings: { retentionDays: env.CHAT_RETENTION_DAYS } },
    { job: wheelSpinRetentionJob, settings: { retentionDays: env.WHEEL_SPIN_RETENTION_DAYS } },
    { job: accessCleanupJob, settings: {} },
    { job: notificationsJob, settings: {} },
    { job: nextCacheCleanupJob, settings: {} },
  ]);
  const courier = new Courier({ db, log: log.child('courier') });
  metrics.gauges = () => {
    const p = pipeline.snapshot();
    return {
      queue_depth: p.depth,
      events_dropped: p.dropped,
      events_refused: p.badEvents,
      flush_failures: p.failures,
      accounts_held: supervisor.held.length,
      rooms_live: supervisor.liveRooms,
      fanout_queue: fanout?.depth ?? 0,
      fanout_published: fanout?.stats.published ?? 0,
      fanout_dropped: fanout?.stats.dropped ?? 0,
      game_points_events: games?.stats.scored ?? 0,
      game_events_after_freeze: games?.stats.ignoredFrozen ?? 0,
      game_save_failures: games?.stats.persistFailures ?? 0,
      mail_sent: courier.stats.mailSent,
      mail_failed: courier.stats.mailFailed,
      notifications_sent: courier.stats.notificationsSent,
      notifications_failed: courier.stats.notificationsFailed,
    };
  };
  const heartbeat = new Heartbeat({ db, workerId, intervalMs: env.WORKER_HEARTBEAT_MS, log, checkRealtime: () => checkRealtime(), info: () => ({ demo, capacity: env.WORKER_CAPACITY, metrics: metrics.snapshot() }) });

  ingest.start();
  await heartbeat.start();
  await supervisor.start();
  scheduler.start();
  courier.start();
  const metricsServer = env.WORKER_METRICS_PORT ? await metrics.serve(env.WORKER_METRICS_PORT, env.METRICS_HOST) : undefined;
  log.info('worker started', { workerId, demo, capacity: env.WORKER_CAPACITY, metrics: metricsServer ? metricsUrl(metricsServer) : 'off' });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info('worker stopping', { reason });
    clearInterval(parentWatch);
    await supervisor.stop();
    await scheduler.stop();
    await courier.stop();
    const { flushed } = await ingest.stop({ drainMs: 30_000 });
    await heartbeat.stop();
    metricsServer?.close();
    await disconnectDb();
    log.info('worker stopped', { workerId, events: pipeline.snapshot().committed });
    process.exit(flushed ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // Started by the launcher: if the launcher is killed outright, do not linger as an orphan.
  const parentPid = Number(process.env.LIVELENS_PARENT_PID);
  const parentWatch = setInterval(() => {
    if (!parentPid) return;
    try {
      process.kill(parentPid, 0);
    } catch {
      void stop('launcher is gone');
    }
  }, 1000);
}

main().catch((error: unknown) => {
  log.error('worker failed to start', { error });
  process.exit(1);
});
