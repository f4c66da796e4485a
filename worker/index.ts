// The LiveLens worker: a long-running process beside the web app. It reports a heartbeat, and (in later
// parts) watches live rooms, writes their events to Postgres in batches and publishes them to Pusher.
// SIGTERM / SIGINT stop it cleanly.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { disconnectDb, db } from '@/lib/db';
import { EnvError, getEnv, requireDatabaseUrl, requirePusherConfig } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { checkRealtime } from '@/lib/realtime/server';
import { Heartbeat } from '@/worker/heartbeat';

const log = createLogger('worker');

async function main(): Promise<void> {
  let env;
  try {
    env = getEnv();
    requireDatabaseUrl(env);
    requirePusherConfig(env);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const workerId = env.WORKER_ID ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const heartbeat = new Heartbeat({ db, workerId, intervalMs: env.WORKER_HEARTBEAT_MS, log, checkRealtime: () => checkRealtime() });
  await heartbeat.start();
  log.info('worker started', { workerId, heartbeatMs: env.WORKER_HEARTBEAT_MS });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info('worker stopping', { reason });
    clearInterval(parentWatch);
    await heartbeat.stop();
    await disconnectDb();
    log.info('worker stopped', { workerId });
    process.exit(0);
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
  }, 2000);
}

main().catch((error: unknown) => {
  log.error('worker failed to start', { error });
  process.exit(1);
});
