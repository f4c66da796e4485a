// The launcher as a user runs it: a real process started the way `npm start` starts it (without the web
// app, which the e2e suite covers), with its own data folder and ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { nodeCommand } from '@/tools/node/run.mjs';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { childExited, isProcessAlive, waitForExit } from '@/tools/infra/child';
import { getFreePort } from '@/tools/infra/ports';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(ROOT, '.data', 'test', `launcher-${process.pid}`);
const started: ChildProcess[] = [];

type Launch = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>; exit: Promise<number | null> };

function launch(env: Record<string, string>, args: string[] = ['--no-web']): Launch {
  // The test run's own database and realtime settings must not leak into the launcher under test.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LIVELENS_DATA_DIR: dataDir, WORKER_HEARTBEAT_MS: '1000' };
  for (const key of Object.keys(childEnv)) {
    if (/^(DATABASE_URL|PUSHER_|AUTH_SECRET|APP_URL|NEXTAUTH_URL|LIVELENS_PARENT_PID)/.test(key)) delete childEnv[key];
  }
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, nodeCommand('app', path.join(ROOT, 'scripts', 'launch.ts'), ['start', ...args]), {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exit,
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`launcher did not print ${pattern} within ${timeoutMs} ms. Output:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void exit.then(() => setTimeout(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`launcher exited before printing ${pattern}. Output:\n${text}`));
          }
        }, 50));
        check();
      }),
  };
}

function lockedChildren(): Record<string, number> {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'launcher.lock'), 'utf8')) as { children: Record<string, number> }).children;
}

function databaseUrl(pgPort: number): string {
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { postgresPassword: string };
  return `postgresql://livelens:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort}/livelens`;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.pid) child.kill('SIGTERM');
  await Promise.all(started.map((child) => childExited(child, 20_000)));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('launcher', () => {
  it('starts Postgres, migrations, the demo seed, soketi and the worker, stops them in reverse order, keeps data, and survives being killed', async () => {
    const ports = { EMBEDDED_PG_PORT: String(await getFreePort()), SOKETI_PORT: String(await getFreePort(2)), MAIL_INBOX_PORT: String(await getFreePort()), MAIL_CATCHER_SMTP_PORT: String(await getFreePort()), WORKER_CYCLE_MS: '1000' };
    const url = databaseUrl.bind(null, Number(ports.EMBEDDED_PG_PORT));

    // First start: everything comes up, the empty database gets the demo data, the worker beats.
    const first = launch(ports);
    await first.waitFor(/Services are up\./);
    expect(first.output()).toMatch(/Starting the embedded Postgres[\s\S]*Applying database migrations[\s\S]*Loading demo data[\s\S]*Starting the embedded realtime server/);
    await waitUntil(async () => (await query(url(), 'SELECT 1 FROM worker_heartbeats WHERE stopped_at IS NULL')).length > 0, 20_000);
    // Without a TikTok key the demo replays make the seeded accounts go live, and events are stored.
    await waitUntil(async () => (await query(url(), `SELECT 1 FROM tracked_accounts WHERE state = 'LIVE'`)).length > 0, 60_000);
    await waitUntil(async () => (await query(url(), `SELECT 1 FROM lives WHERE ended_at IS NULL AND comments > 0`)).length > 0, 60_000);
    // …on both platforms at once: the demo Bilibili room's packets go through the same worker.
    await waitUntil(async () => (await query(url(), `SELECT 1 FROM lives WHERE platform = 'bilibili' AND ended_at IS NULL AND comments > 0`)).length > 0, 60_000);
    // The demo creator's alert overlay and leaderboard draw from both platforms; the leaderboard's board
    // gets points from the TikTok and the Bilibili channel.
    expect(await query(url(), `SELECT o.kind::text FROM overlays o JOIN clusters c ON c.id = o.settings->>'clusterId' ORDER BY 1`)).toEqual([{ kind: 'GIFT_ALERTS' }, { kind: 'LEADERBOARD' }]);
    await waitUntil(async () => (await query(url(), `SELECT 1 FROM game_channel_scores GROUP BY session_id HAVING count(DISTINCT account_id) = 2`)).length > 0, 60_000);
    const children = lockedChildren();
    expect(Object.keys(children).sort()).toEqual(['postgres', 'soketi', 'worker']);
    await query(url(), `INSERT INTO users (id, email, password_hash, updated_at) VALUES ('marker', 'marker@example.test', 'x', now())`);

    // SIGTERM: stopped in reverse order, quickly, with nothing left behind.
    const stopStarted = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(Date.now() - stopStarted).toBeLessThan(20_000);
    const stopOrder = ['stopped worker', 'stopped realtime server', 'stopped Postgres'].map((line) => first.output().indexOf(line));
    expect(stopOrder.every((index) => index >= 0), `a stop line is missing from the launcher's output:\n${first.output().slice(-3000)}`).toBe(true);
    expect([...stopOrder].sort((a, b) => a - b)).toEqual(stopOrder);
    for (const [name, pid] of Object.entries(children)) expect(isProcessAlive(pid), `${name} (pid ${pid}) still runs after the launcher stopped`).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'launcher.lock'))).toBe(false);

    // Second start: same data, no second seed.
    const second = launch(ports);
    await second.waitFor(/Services are up\./);
    expect(second.output()).not.toMatch(/Loading demo data/);
    expect(await query(url(), `SELECT email FROM users WHERE id = 'marker'`)).toEqual([{ email: 'marker@example.test' }]);

    // A second launcher on the same data folder refuses, and does not disturb the first.
    const intruder = launch(ports);
    expect(await intruder.exit).toBe(1);
    expect(intruder.output()).toMatch(/already running from this data folder/);
    expect((await query(url(), 'SELECT 1 AS ok'))[0]).toEqual({ ok: 1 });

    // Killed outright: the worker notices and exits; the next start cleans up Postgres and soketi.
    const orphans = lockedChildren();
    second.child.kill('SIGKILL');
    await second.exit;
    // The worker looks for its launcher every second, then stops as on SIGTERM (it may drain queued events
    // for up to 30 s). It took 5 s on an idle machine; CI runs this beside the linter and other test files.
    expect(await waitForExit(orphans.worker ?? 0, 45_000), 'the worker still runs 45 s after its launcher was killed').toBe(true);
    const third = launch(ports);
    await third.waitFor(/Services are up\./);
    expect(third.output()).toMatch(/left running by a launcher that was killed|Stopped a Postgres left running/);
    for (const name of ['postgres', 'soketi'] as const) expect(isProcessAlive(orphans[name] ?? 0), `the killed launcher's ${name} still runs`).toBe(false);
    expect(await query(url(), `SELECT count(*)::int AS n FROM users WHERE id = 'marker'`)).toEqual([{ n: 1 }]);
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
  }, 240_000);

  it('names the port and the setting when a port is taken, before starting anything', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(await getFreePort()) }, []);
      expect(await run.exit).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use, so the web app cannot start`);
      expect(run.output()).toContain(`PORT=${port + 1}`);
      expect(run.output()).not.toMatch(/Starting the embedded Postgres/);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('refuses malformed settings with the variable named', async () => {
    const run = launch({ PORT: 'three thousand' });
    expect(await run.exit).toBe(1);
    expect(run.output()).toMatch(/PORT must be a whole number from 1 to 65535 \(got "three thousand"\)/);
  }, 60_000);
});
