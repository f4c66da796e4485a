// A real worker process (`npm run worker`'s entry, the ingest profile) for tests that run several of them
// against a database of their own: worker/supervisor.test.ts and worker/shares.test.ts. Its output is
// kept, prefixed with its id, for the failure message of a test that times out waiting on it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { childExited } from '@/tools/infra/child';
import { nodeCommand } from '@/tools/node/run.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export class TestWorkers {
  readonly children: ChildProcess[] = [];
  private readonly output: string[] = [];

  /**
   * Starts worker `workerId` on `databaseUrl` with demo replays on (the accounts' replay files) and the
   * given settings on top; the parent's launcher link is cut so the test decides when it stops.
   */
  start(workerId: string, databaseUrl: string | undefined, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, nodeCommand('ingest', path.join(ROOT, 'worker', 'index.ts')), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_ID: workerId, DEMO_REPLAY: 'true', LOG_LEVEL: 'warn', LIVELENS_PARENT_PID: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => this.output.push(`[${workerId}] ${chunk.toString()}`);
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.children.push(child);
    return child;
  }

  /** The last `chars` characters the workers printed. */
  tail(chars = 3000): string {
    return this.output.join('').slice(-chars);
  }

  /** Kills whatever is still running (SIGKILL) and waits for every worker to be gone. */
  async killAll(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const child of this.children) await childExited(child, 10_000);
  }
}
