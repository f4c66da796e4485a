// Child processes owned by the launcher and the test harness: spawned in their own process group (so
// a terminal Ctrl-C reaches only the launcher, which stops them in order), output appended to a log
// file, stopped with a signal and a deadline.
//
// Log files rotate by size, logrotate-style (web.log → web.log.1 → … → web.log.N, the oldest deleted), so
// a long-running `npm start` cannot fill the data folder's disk. rotating-file-stream does the rotation:
// a plain Writable that takes any bytes (the children's output is Next's, Postgres's and soketi's text as
// well as our JSON lines), with no dependencies; pino-roll, the other maintained choice, is a pino
// transport built on sonic-boom with date-fns that expects to be fed by pino, not by a child's pipe.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createStream, type FileSize } from 'rotating-file-stream';

/** A log file's size before it is rotated, and how many rotated files are kept (web.log.1 … web.log.5). */
export const LOG_ROTATION = { size: '10M' as FileSize, keep: 5 };

export type ChildOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output goes here (appended, rotated by size). Without it, output is inherited (shown in the terminal). */
  logFile?: string;
  /** Rotation of `logFile` (default LOG_ROTATION). */
  rotation?: { size: FileSize; keep: number };
  uid?: number;
  gid?: number;
  /** Called with each chunk of output (e.g. to watch for a readiness line). */
  onOutput?: (text: string) => void;
};

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

export class ManagedChild {
  readonly process: ChildProcess;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | undefined;
  private readonly recentOutput: string[] = [];

  constructor(readonly options: ChildOptions) {
    let log: NodeJS.WritableStream | undefined;
    if (options.logFile) {
      fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
      log = openRotatingLog(options.logFile, options.rotation ?? LOG_ROTATION);
      log.write(`\n--- ${new Date().toISOString()} ${options.name} starting: ${options.command} ${options.args.join(' ')}\n`);
    }
    const piped = Boolean(log || options.onOutput);
    this.process = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
      detached: true,
      uid: options.uid,
      gid: options.gid,
    });
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log?.write(chunk);
      this.recentOutput.push(text);
      if (this.recentOutput.length > 50) this.recentOutput.shift();
      options.onOutput?.(text);
    };
    this.process.stdout?.on('data', onData);
    this.process.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exitInfo) return;
        this.exitInfo = { code, signal };
        log?.end(`--- ${new Date().toISOString()} ${options.name} exited (code ${code}, signal ${signal})\n`);
        resolve(this.exitInfo);
      };
      this.process.once('exit', finish);
      this.process.once('error', (error) => {
        onData(Buffer.from(`${options.name} could not be started: ${error.message}\n`));
        finish(null, null);
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** The last lines the process printed, for error messages. */
  tail(lines = 15): string {
    return this.recentOutput.join('').split('\n').slice(-lines).join('\n').trim();
  }

  /** Sends `signal`, waits up to `timeoutMs`, then SIGKILLs the whole process group. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 5000): Promise<ExitInfo> {
    if (!this.running) return this.exited;
    this.signal(signal);
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.signal('SIGKILL', true);
    }
    return this.exited;
  }

  /** Signals the process (or its whole group, for children that fork helpers of their own). */
  signal(signal: NodeJS.Signals, group = false): void {
    const pid = this.process.pid;
    if (pid === undefined || !this.running) return;
    try {
      process.kill(group ? -pid : pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** True when a process with this pid exists (and we may signal it). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * Whether `pid` has exited but not been reaped yet. A child of a killed launcher is reparented to PID 1,
 * which may reap it seconds later (the sandbox's init took over 2 s): signal 0 still reaches such a
 * process, though it runs nothing and holds no port. False where /proc cannot be read (non-Linux).
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may contain spaces and parentheses, the state follows the last ')'.
    const state = stat[stat.lastIndexOf(')') + 2];
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * Waits until a child this process spawned has exited and Node has seen it (its `exitCode` or
 * `signalCode` is set), up to `timeoutMs`; resolves whether it has. For another process's children,
 * waitForExit.
 */
export async function childExited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const done = () => child.exitCode !== null || child.signalCode !== null;
  if (done()) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(done());
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** The command line of a process, or undefined when it is gone or unreadable (non-Linux). */
export function processCommandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return undefined;
  }
}

/** Waits until `pid` is gone, up to `timeoutMs`; resolves whether it is gone. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

/** `file`, appended to and rotated once it passes `size`: file.1 is the newest rotated one, file.<keep> the oldest. */
export function openRotatingLog(file: string, rotation: { size: FileSize; keep: number }): NodeJS.WritableStream {
  const name = path.basename(file);
  // In logrotate mode (`rotate`) the generator gets the rotation index as its first argument (null for the live file).
  const generator = (index: number | Date | null) => (typeof index === 'number' && index > 0 ? `${name}.${index}` : name);
  const stream = createStream(generator, { path: `${path.dirname(file)}/`, size: rotation.size, rotate: rotation.keep });
  // A full disk or a vanished folder must not take the launcher down: the output still reaches the terminal.
  stream.on('error', (error) => process.stderr.write(`Could not write ${file}: ${error.message}\n`));
  return stream;
}
