// Debian's PgBouncer in front of the test Postgres, for tests that check LiveLens works through a pooler in
// transaction mode (docs/deploy.md). Found at PGBOUNCER_PATH, /usr/sbin/pgbouncer or on the PATH; absent →
// `undefined` and the test skips. PgBouncer refuses to run as root, so as root it runs as `nobody` with its
// files in a folder that user can read.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childExited } from '@/tools/infra/child';
import { getFreePort } from '@/tools/infra/ports';

export type PgBouncer = { url: string; stop(): Promise<void>; log(): string };

export function findPgBouncer(): string | undefined {
  const candidates = [process.env.PGBOUNCER_PATH, '/usr/sbin/pgbouncer', ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'pgbouncer'))];
  return candidates.find((file): file is string => Boolean(file) && fs.existsSync(file as string));
}

/** Starts PgBouncer in `poolMode` before the database of `databaseUrl`; the returned URL goes through it. */
export async function startPgBouncer(binary: string, databaseUrl: string, poolMode: 'transaction' | 'session' = 'transaction'): Promise<PgBouncer> {
  const target = new URL(databaseUrl);
  const port = await getFreePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-pgbouncer-'));
  fs.chmodSync(dir, 0o777);
  const dbname = decodeURIComponent(target.pathname.slice(1));
  const user = decodeURIComponent(target.username);
  const conf = [
    '[databases]',
    `${dbname} = host=${target.hostname} port=${target.port || 5432} dbname=${dbname} user=${user} password=${decodeURIComponent(target.password)}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    // The server-side login comes from [databases]; clients on loopback are the test itself.
    'auth_type = any',
    `pool_mode = ${poolMode}`,
    'max_client_conn = 200',
    // Fewer server connections than the app opens, so clients really share them.
    'default_pool_size = 4',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `unix_socket_dir =`,
  ].join('\n');
  const confFile = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(confFile, `${conf}\n`, { mode: 0o644 });
  const args = [...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), confFile];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = () => output + (fs.existsSync(path.join(dir, 'pgbouncer.log')) ? fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8') : '');

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${log()}`);
    if (/listening on 127\.0\.0\.1:\d+/.test(log())) break;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not start listening within 15 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await childExited(child, 10_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
