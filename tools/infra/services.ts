// The backing services every entry point needs — Postgres and the realtime server — brought up the way
// `npm start` brings them up: the configured ones when DATABASE_URL / PUSHER_* are set, otherwise the
// embedded ones in the data folder. When `npm start` is already running on that folder, its services
// are reused instead of started twice.
import path from 'node:path';
import type { Env } from '@/lib/env';
import { migrateDeploy } from '@/tools/infra/migrate';
import { EmbeddedPostgres, runningPostmasterPid } from '@/tools/infra/postgres';
import { EmbeddedSoketi } from '@/tools/infra/soketi';
import { AlreadyRunningError, LauncherLock, loadLocalSecrets, type LocalSecrets } from '@/tools/infra/state';

export type ServiceHandle = {
  databaseUrl: string;
  /** PUSHER_* settings for the embedded soketi (empty when PUSHER_* are configured). */
  pusherEnv: Record<string, string>;
  secrets: LocalSecrets;
  /** Stops what this call started (nothing, when it reused a running `npm start`). */
  stop(): Promise<void>;
};

export function embeddedPostgres(env: Env, dataDir: string, secrets: LocalSecrets): EmbeddedPostgres {
  return new EmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    user: 'livelens',
    password: secrets.postgresPassword,
    logFile: path.join(dataDir, 'logs', 'postgres.log'),
  });
}

export function embeddedPusherEnv(env: Env, secrets: LocalSecrets): Record<string, string> {
  return {
    PUSHER_APP_ID: secrets.soketi.appId,
    PUSHER_KEY: secrets.soketi.key,
    PUSHER_SECRET: secrets.soketi.secret,
    PUSHER_HOST: '127.0.0.1',
    PUSHER_PORT: String(env.SOKETI_PORT),
    PUSHER_USE_TLS: 'false',
  };
}

/**
 * Brings up (or finds) Postgres, applies migrations (unless `migrate: false`: the chores that report or
 * must not change the schema, db:deploy, db:backup, db:restore), and brings up (or finds) the realtime server.
 */
export async function ensureServices(env: Env, options: { realtime?: boolean; migrate?: boolean; say?: (message: string) => void } = {}): Promise<ServiceHandle> {
  const say = options.say ?? (() => undefined);
  const dataDir = path.resolve(env.LIVELENS_DATA_DIR);
  const secrets = loadLocalSecrets(dataDir);
  const needsEmbedded = !env.DATABASE_URL || (options.realtime !== false && !env.PUSHER_APP_ID);
  let lock: LauncherLock | undefined;
  if (needsEmbedded) {
    try {
      lock = await LauncherLock.acquire(dataDir, say);
    } catch (error) {
      if (!(error instanceof AlreadyRunningError)) throw error;
      // `npm start` owns the embedded services: use them as they are.
      if (!env.DATABASE_URL && runningPostmasterPid(path.join(dataDir, 'postgres')) === undefined) throw error;
      say('Using the services of the running `npm start`.');
      return {
        databaseUrl: env.DATABASE_URL ?? embeddedPostgres(env, dataDir, secrets).url('livelens'),
        pusherEnv: env.PUSHER_APP_ID ? {} : embeddedPusherEnv(env, secrets),
        secrets,
        stop: () => Promise.resolve(),
      };
    }
  }
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    lock?.release();
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const postgres = embeddedPostgres(env, dataDir, secrets);
      await postgres.stopOrphan();
      await postgres.start();
      started.push(postgres);
      lock?.recordChild('postgres', postgres.pid);
      databaseUrl = await postgres.ensureDatabase('livelens');
      say(`Embedded Postgres on 127.0.0.1:${env.EMBEDDED_PG_PORT}.`);
    }
    if (options.migrate !== false) await migrateDeploy(databaseUrl);
    let pusherEnv: Record<string, string> = {};
    if (options.realtime !== false && !env.PUSHER_APP_ID) {
      const soketi = new EmbeddedSoketi({ port: env.SOKETI_PORT, ...secrets.soketi, logFile: path.join(dataDir, 'logs', 'soketi.log') });
      await soketi.start();
      started.push(soketi);
      lock?.recordChild('soketi', soketi.pid);
      pusherEnv = embeddedPusherEnv(env, secrets);
      say(`Embedded realtime server (soketi) on 127.0.0.1:${env.SOKETI_PORT}.`);
    }
    return { databaseUrl, pusherEnv, secrets, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
