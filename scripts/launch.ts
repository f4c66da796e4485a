// `npm start` / `npm run dev`: brings up everything LiveLens needs, in order, with readable progress —
// Postgres (yours via DATABASE_URL, or an embedded one), migrations and the demo seed, the realtime
// server (yours via PUSHER_*, or an embedded soketi), the web app and the worker — and stops what it
// started, in reverse order, on Ctrl-C or SIGTERM.
//
//   node tools/node/run.mjs app scripts/launch.ts <start|dev> [--no-web] [--no-worker]
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { createDb } from '@/lib/db';
import { demoModeEnabled, EnvError, parseEnv, resetEnvCache, smtpConfigured, type Env } from '@/lib/env';
import { MailCatcher } from '@/tools/infra/mail-catcher';
import { sealLegacyObsPasswords } from '@/lib/overlays/obs-secret';
import { computeBuildFingerprint, isBuildCurrent, recordBuild } from '@/tools/infra/build-fingerprint';
import { ManagedChild } from '@/tools/infra/child';
import { migrateDeploy } from '@/tools/infra/migrate';
import { nodeCommand } from '@/tools/node/run.mjs';
import { assertPortFree } from '@/tools/infra/ports';
import { embeddedPostgres, embeddedPusherEnv } from '@/tools/infra/services';
import { EmbeddedSoketi } from '@/tools/infra/soketi';
import { AlreadyRunningError, LauncherLock, loadLocalSecrets } from '@/tools/infra/state';
import { DEMO_USER, isDatabaseEmpty, seedDemoData } from '@/lib/seed/demo';

const ROOT = path.resolve(import.meta.dirname, '..');
const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const withWeb = !process.argv.includes('--no-web');
const withWorker = !process.argv.includes('--no-worker');

const color = process.stdout.isTTY ? (code: number) => (text: string) => `\x1b[${code}m${text}\x1b[0m` : () => (text: string) => text;
const dim = color(2);
const green = color(32);
const red = color(31);
const bold = color(1);

function say(message: string): void {
  process.stdout.write(`${dim('[livelens]')} ${message}\n`);
}

async function step<T>(label: string, run: () => Promise<T>, describe: (result: T) => string = () => ''): Promise<T> {
  const started = Date.now();
  say(`${label}…`);
  const result = await run();
  const detail = describe(result);
  say(`${green('✓')} ${label}${detail ? ` — ${detail}` : ''} ${dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)}`);
  return result;
}

/** Settings from .env (if present) fill in what the real environment leaves unset. */
function loadDotEnvFile(): void {
  const file = path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return;
  const values = parseDotEnv(fs.readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(values)) if (process.env[key] === undefined) process.env[key] = value;
}

/** Prints a child's output line by line with a name in front, so interleaved output stays readable. */
function linePrinter(name: string): (text: string) => void {
  let partial = '';
  return (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) process.stdout.write(`${dim(`[${name}]`)} ${line}\n`);
  };
}

type Service = { name: string; stop: () => Promise<void>; exited?: Promise<unknown> };

async function main(): Promise<void> {
  loadDotEnvFile();
  let env: Env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${red(error.message)}\n`);
      process.exit(1);
    }
    throw error;
  }

  const dataDir = path.resolve(ROOT, env.LIVELENS_DATA_DIR);
  const logDir = path.join(dataDir, 'logs');
  const services: Service[] = [];
  let lock: LauncherLock | undefined;
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode: number): Promise<void> => {
    shuttingDown ??= (async () => {
      const started = Date.now();
      say(`Stopping (${reason})…`);
      for (const service of [...services].reverse()) {
        try {
          await service.stop();
          say(`${green('✓')} stopped ${service.name}`);
        } catch (error) {
          say(`${red('✗')} stopping ${service.name} failed: ${(error as Error).message}`);
        }
      }
      lock?.release();
      say(`Stopped everything in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      process.exit(exitCode);
    })();
    return shuttingDown;
  };

  // A repeat of the same signal within a second is one signal: a terminal's Ctrl-C reaches both this
  // process and tools/node/run.mjs, which passes it on.
  let signals = 0;
  let lastSignal = { name: '', at: 0 };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      const now = Date.now();
      if (lastSignal.name === signal && now - lastSignal.at < 1000) return;
      lastSignal = { name: signal, at: now };
      signals++;
      if (signals > 1) {
        say(red('Second signal: killing everything now.'));
        for (const service of services) void service.stop();
        setTimeout(() => process.exit(130), 1500).unref();
        return;
      }
      void shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0);
    });
  }

  const fail = async (error: unknown): Promise<never> => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n${red('✗')} ${message}\n\n`);
    await shutdown('start-up failed', 1);
    throw error; // unreachable: shutdown exits
  };

  /** Stops everything when a service that must stay up dies on its own. */
  const watch = (service: Service) => {
    void service.exited?.then(() => {
      if (!shuttingDown) {
        process.stderr.write(`${red('✗')} ${service.name} stopped unexpectedly; see ${logDir}.\n`);
        void shutdown(`${service.name} exited`, 1);
      }
    });
  };

  say(bold(`LiveLens ${mode === 'dev' ? 'development' : 'production'} start — data in ${path.relative(process.cwd(), dataDir) || dataDir}`));
  try {
    lock = await LauncherLock.acquire(dataDir, (message) => say(message));
  } catch (error) {
    if (error instanceof AlreadyRunningError) {
      process.stderr.write(`${red('✗')} ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const secrets = loadLocalSecrets(dataDir);

  try {
    // Ports first, so a clash is reported before anything is started.
    if (withWeb) await assertPortFree(env.PORT, 'PORT', 'the web app');

    // 1. Postgres
    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl) {
      say(`Using your Postgres from DATABASE_URL (${new URL(databaseUrl).host}).`);
    } else {
      const postgres = embeddedPostgres(env, dataDir, secrets);
      if (await postgres.stopOrphan()) say('Stopped a Postgres left running by an earlier launcher.');
      await step(`Starting the embedded Postgres on 127.0.0.1:${env.EMBEDDED_PG_PORT}`, async () => {
        await postgres.start();
        lock?.recordChild('postgres', postgres.pid);
        return postgres.ensureDatabase('livelens');
      });
      const service: Service = { name: 'Postgres', stop: () => postgres.stop(), exited: postgres.exited };
      services.push(service);
      watch(service);
      databaseUrl = postgres.url('livelens');
    }

    // 2. Migrations and, on an empty database, the demo seed.
    const url = databaseUrl;
    await step('Applying database migrations', () => migrateDeploy(url), (applied) => (applied.length ? `applied ${applied.join(', ')}` : 'up to date'));
    const db = createDb(url, { max: 4, applicationName: 'livelens-launcher' });
    try {
      const sealed = await sealLegacyObsPasswords(db, env.AUTH_SECRET ?? secrets.authSecret);
      if (sealed > 0) say(`Encrypted ${sealed} OBS password(s) stored before encryption at rest.`);
      if (await isDatabaseEmpty(db)) {
        if (demoModeEnabled(env)) {
          await step('Loading demo data into the empty database', () => seedDemoData(db), (s) => `${s.accounts} accounts, ${s.lives} lives, ${s.gifts} gifts, ${s.chats} chats`);
          say(`Demo sign-in: ${DEMO_USER.email} / ${DEMO_USER.password}`);
        } else {
          say('The database is empty. Sign up at /signup to create the first account (demo data loads only with DEMO_MODE=true).');
        }
      }
    } finally {
      await db.$disconnect();
    }

    // 3. The realtime server.
    const pusherEnv: Record<string, string> = {};
    if (env.PUSHER_APP_ID) {
      say(`Using your realtime server from PUSHER_* (${env.PUSHER_HOST ?? `Pusher cluster ${env.PUSHER_CLUSTER}`}).`);
    } else {
      const soketi = new EmbeddedSoketi({ port: env.SOKETI_PORT, ...secrets.soketi, logFile: path.join(logDir, 'soketi.log') });
      await step(`Starting the embedded realtime server (soketi) on 127.0.0.1:${env.SOKETI_PORT}`, async () => {
        await soketi.start();
        lock?.recordChild('soketi', soketi.pid);
      });
      const service: Service = { name: 'realtime server', stop: () => soketi.stop(), exited: soketi.exited };
      services.push(service);
      watch(service);
      Object.assign(pusherEnv, embeddedPusherEnv(env, secrets));
    }

    // 3b. Mail: your SMTP server, or the embedded mail catcher with its web inbox.
    let inboxUrl: string | undefined;
    if (smtpConfigured(env)) {
      say(`Using your mail server from ${env.SMTP_URL ? 'SMTP_URL' : `SMTP_HOST (${env.SMTP_HOST})`}.`);
    } else {
      await assertPortFree(env.MAIL_CATCHER_SMTP_PORT, 'MAIL_CATCHER_SMTP_PORT', 'the embedded mail catcher (SMTP)');
      await assertPortFree(env.MAIL_INBOX_PORT, 'MAIL_INBOX_PORT', 'the embedded mail inbox');
      const catcher = new MailCatcher({ smtpPort: env.MAIL_CATCHER_SMTP_PORT, webPort: env.MAIL_INBOX_PORT });
      await step(`Starting the embedded mail catcher (SMTP 127.0.0.1:${env.MAIL_CATCHER_SMTP_PORT})`, () => catcher.start());
      services.push({ name: 'mail catcher', stop: () => catcher.stop() });
      inboxUrl = catcher.inboxUrl;
      say(`Mail the app sends is kept here, not delivered: ${inboxUrl}`);
    }

    const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
    const childEnv: NodeJS.ProcessEnv = {
      ...(inboxUrl ? { LIVELENS_MAIL_INBOX_URL: inboxUrl } : {}),
      ...process.env,
      // Decided here, where it is known whether the database is the embedded one (children always get a DATABASE_URL).
      DEMO_MODE: String(demoModeEnabled(env)),
      ...pusherEnv,
      DATABASE_URL: url,
      AUTH_SECRET: env.AUTH_SECRET ?? secrets.authSecret,
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      PORT: String(env.PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      LIVELENS_PARENT_PID: String(process.pid),
    };
    // The launcher's own checks below read the same settings its children get.
    Object.assign(process.env, childEnv);
    resetEnvCache();

    // 4. The web app.
    if (withWeb) {
      const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
      if (mode === 'start') {
        const fingerprint = computeBuildFingerprint(ROOT);
        if (isBuildCurrent(ROOT, fingerprint)) {
          say('The production build is up to date.');
        } else {
          await step('Building the web app (the first build takes a minute or two)', async () => {
            const build = new ManagedChild({
              name: 'next build',
              command: process.execPath,
              args: [nextBin, 'build'],
              cwd: ROOT,
              env: { ...childEnv, NODE_ENV: 'production' },
              logFile: path.join(logDir, 'next-build.log'),
              onOutput: linePrinter('build'),
            });
            services.push({ name: 'next build', stop: async () => void (await build.stop('SIGTERM', 3000)) });
            const exit = await build.exited;
            services.pop();
            if (exit.code !== 0) throw new Error(`The web app failed to build (exit ${exit.code}); the output above says why.`);
            recordBuild(ROOT, fingerprint);
          });
        }
      }
      await assertPortFree(env.PORT, 'PORT', 'the web app');
      const web = new ManagedChild({
        name: 'web',
        command: process.execPath,
        // Production: Next's handler behind the shared cache (scripts/web-server.ts), as `next start` would
        // serve it behind a CDN; development: `next dev`.
        args: mode === 'dev' ? [nextBin, 'dev', '--port', String(env.PORT)] : nodeCommand('web', path.join(ROOT, 'scripts', 'web-server.ts'), ['--port', String(env.PORT)]),
        cwd: ROOT,
        env: { ...childEnv, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
        logFile: path.join(logDir, 'web.log'),
        onOutput: linePrinter('web'),
      });
      lock.recordChild('web', web.pid);
      const service: Service = { name: 'web app', stop: async () => void (await web.stop('SIGTERM', 5000)), exited: web.exited };
      services.push(service);
      watch(service);
    }

    // 5. The worker, restarted if it crashes (it resumes from the database).
    if (withWorker) {
      let worker: ManagedChild | undefined;
      const restarts: number[] = [];
      const startWorker = () => {
        worker = new ManagedChild({
          name: 'worker',
          command: process.execPath,
          args: nodeCommand('ingest', path.join(ROOT, 'worker', 'index.ts')),
          cwd: ROOT,
          env: { ...childEnv, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
          logFile: path.join(logDir, 'worker.log'),
          onOutput: linePrinter('worker'),
        });
        lock?.recordChild('worker', worker.pid);
        const current = worker;
        void current.exited.then((exit) => {
          if (shuttingDown || current !== worker) return;
          const now = Date.now();
          restarts.push(now);
          while (restarts.length && (restarts[0] ?? now) < now - 300_000) restarts.shift();
          if (restarts.length > 5) {
            say(red(`The worker keeps crashing (exit ${exit.code ?? exit.signal}); not restarting it. See ${path.join(logDir, 'worker.log')}.`));
            return;
          }
          say(red(`The worker exited (${exit.code ?? exit.signal}); restarting it in 2 s.`));
          setTimeout(() => {
            if (!shuttingDown) startWorker();
          }, 2000).unref();
        });
      };
      startWorker();
      services.push({ name: 'worker', stop: async () => void (await worker?.stop('SIGTERM', 10000)) });
    }

    if (withWeb) {
      await step(`Waiting for the app to report healthy on port ${env.PORT}`, () => waitForHealth(env.PORT, withWorker), (report) => report);
      say(bold(green(`LiveLens is ready: ${appUrl}`)) + dim('  (Ctrl-C stops everything)'));
      if (inboxUrl) say(`Mail inbox: ${inboxUrl}`);
    } else {
      say(bold(green('Services are up.')) + dim('  (Ctrl-C stops everything)'));
    }
  } catch (error) {
    await fail(error);
  }
}

async function waitForHealth(port: number, expectWorker: boolean, timeoutMs = 180_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) });
      const report = (await response.json()) as { status?: string; checks?: Record<string, { ok: boolean; error?: string }> };
      const failing = Object.entries(report.checks ?? {}).filter(([name, check]) => !check.ok && (expectWorker || name !== 'worker'));
      if (failing.length === 0) return 'database, realtime server and worker are healthy';
      last = failing.map(([name, check]) => `${name}: ${check.error ?? 'not ok'}`).join('; ');
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`The app did not become healthy within ${timeoutMs / 1000} s (${last}).`);
}

await main();
