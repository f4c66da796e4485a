// The launcher's own files in the data folder: generated secrets (kept so restarts reuse them) and a
// lock that stops two launchers from sharing one data folder and lets the next start clean up after a
// launcher that was killed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive, processCommandLine, waitForExit } from './child';

export type LocalSecrets = {
  postgresPassword: string;
  soketi: { appId: string; key: string; secret: string };
  authSecret: string;
};

function writePrivateJson(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Reads `.data/secrets.json`, creating it (and any missing value) on first use. */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  } catch {
    // first start
  }
  const secrets: LocalSecrets = {
    postgresPassword: stored.postgresPassword ?? randomBytes(18).toString('base64url'),
    soketi: stored.soketi ?? { appId: 'livelens', key: randomBytes(10).toString('hex'), secret: randomBytes(24).toString('hex') },
    authSecret: stored.authSecret ?? randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    fs.mkdirSync(dataDir, { recursive: true });
    writePrivateJson(file, secrets);
  }
  return secrets;
}

export type LockContents = { pid: number; startedAt: string; children: Record<string, number> };

/** What a recorded child's command line must contain for us to treat a live pid as still ours. */
const CHILD_SIGNATURES: Record<string, string> = {
  postgres: 'postgres',
  soketi: 'soketi',
  web: 'next',
  worker: 'worker',
};

export class AlreadyRunningError extends Error {
  constructor(readonly pid: number, dataDir: string) {
    super(
      `LiveLens is already running from this data folder (${dataDir}, launcher pid ${pid}). ` +
        `Stop it first (Ctrl-C in its terminal, or \`kill ${pid}\`), or start a second copy with another LIVELENS_DATA_DIR and ports.`,
    );
    this.name = 'AlreadyRunningError';
  }
}

export class LauncherLock {
  private contents: LockContents;

  private constructor(readonly file: string) {
    this.contents = { pid: process.pid, startedAt: new Date().toISOString(), children: {} };
  }

  /**
   * Takes the lock for `dataDir`. A lock left by a launcher that no longer runs is taken over after its
   * recorded children (if still running) are stopped; `onStale` reports what was cleaned up.
   */
  static async acquire(dataDir: string, onStale: (message: string) => void = () => undefined): Promise<LauncherLock> {
    fs.mkdirSync(dataDir, { recursive: true });
    const lock = new LauncherLock(path.join(dataDir, 'launcher.lock'));
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(lock.file, JSON.stringify(lock.contents), { flag: 'wx', mode: 0o600 });
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let previous: LockContents | undefined;
      try {
        previous = JSON.parse(fs.readFileSync(lock.file, 'utf8')) as LockContents;
      } catch {
        previous = undefined; // half-written by a launcher killed mid-write: stale
      }
      if (previous && previous.pid !== process.pid && isProcessAlive(previous.pid) && (processCommandLine(previous.pid) ?? 'launch').includes('launch')) {
        throw new AlreadyRunningError(previous.pid, dataDir);
      }
      for (const [name, pid] of Object.entries(previous?.children ?? {})) {
        const signature = CHILD_SIGNATURES[name];
        if (!signature || !isProcessAlive(pid) || !(processCommandLine(pid) ?? '').includes(signature)) continue;
        onStale(`stopping ${name} (pid ${pid}) left running by a launcher that was killed`);
        try {
          process.kill(-pid, name === 'postgres' ? 'SIGINT' : 'SIGTERM');
        } catch {
          try {
            process.kill(pid, name === 'postgres' ? 'SIGINT' : 'SIGTERM');
          } catch {
            // gone meanwhile
          }
        }
        if (!(await waitForExit(pid, 10000))) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone
          }
        }
      }
      fs.rmSync(lock.file, { force: true });
    }
    throw new Error(`Could not take the launcher lock ${lock.file}; remove it if no LiveLens is running.`);
  }

  recordChild(name: string, pid: number | undefined): void {
    if (pid === undefined) return;
    this.contents.children[name] = pid;
    writePrivateJson(this.file, this.contents);
  }

  forgetChild(name: string): void {
    delete this.contents.children[name];
    writePrivateJson(this.file, this.contents);
  }

  release(): void {
    try {
      const current = JSON.parse(fs.readFileSync(this.file, 'utf8')) as LockContents;
      if (current.pid === process.pid) fs.rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}
