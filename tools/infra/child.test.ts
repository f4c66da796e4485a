// A child's log file rotates by size and keeps only the newest N rotated files, with nothing lost in the
// files kept: the child prints numbered lines well past the limit, and the lines found in the kept files
// are exactly the newest ones, in order, up to the last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { childExited, isProcessAlive, ManagedChild } from '@/tools/infra/child';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-rotate-'));

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('child log rotation', () => {
  it('rotates past the size limit and keeps the newest N files', async () => {
    const file = path.join(dir, 'worker.log');
    // 12,000 lines of ~100 bytes (~1.2 MB) against a 64 KB limit, in bursts of 200 lines. The launcher writes
    // to the log without backpressure, so under load a rotation can take in several chunks at once: in CI,
    // 4,000 lines once fitted in the four files kept. At 1.2 MB the first line cannot survive unless one file
    // grew far past the limit, which the size check below would catch.
    const script = "let i = 0; const burst = () => { for (const end = i + 200; i < end; i++) process.stdout.write(`line ${String(i).padStart(5, '0')} ${'x'.repeat(88)}\\n`); if (i < 12000) setTimeout(burst, 1); }; burst();";
    const child = new ManagedChild({ name: 'printer', command: process.execPath, args: ['-e', script], logFile: file, rotation: { size: '64K', keep: 3 } });
    expect((await child.exited).code).toBe(0);
    await waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('printer exited (code 0'));

    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual(['worker.log', 'worker.log.1', 'worker.log.2', 'worker.log.3']);
    // Each rotated file was cut near the limit (a write that crosses it finishes in the same file).
    for (const name of ['worker.log.1', 'worker.log.2', 'worker.log.3']) {
      const size = fs.statSync(path.join(dir, name)).size;
      expect(size).toBeGreaterThanOrEqual(64 * 1024);
      expect(size).toBeLessThan(300 * 1024);
    }
    // Oldest kept first: .3, .2, .1, then the current file; the numbers run on without a gap to the last line.
    // The files are joined before splitting lines: the pipe hands output over in chunks that may end
    // mid-line, and a rotation between two chunks leaves the line's halves at the end of one file and the
    // start of the next (seen in CI: "line 032" + "69 xxx…").
    const lines = ['worker.log.3', 'worker.log.2', 'worker.log.1', 'worker.log']
      .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('line '))
      .map((line) => Number(line.slice(5, 10)));
    expect(lines.at(-1)).toBe(11999);
    expect(lines[0]).toBeGreaterThan(0); // the oldest output was rotated away
    expect(lines).toEqual(Array.from({ length: lines.length }, (_, i) => (lines[0] ?? 0) + i));
  });
});

describe('isProcessAlive', () => {
  it('counts an exited process its parent has not reaped yet as gone', async () => {
    // `sh` starts a short sleep, then becomes a long one that never waits for it: the short sleep exits
    // and stays a zombie (signal 0 still reaches it) until the long one ends.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
      expect(isProcessAlive(pid)).toBe(true);
      await waitFor(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '));
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('childExited', () => {
  it('resolves once Node has seen its own child exit, with the exit code set, or false at the deadline', async () => {
    // isProcessAlive counts an unreaped child as gone before Node has read its exit code: waiting on the
    // pid, a test once read `exitCode` as null.
    const quick = spawn('sh', ['-c', 'exit 3'], { stdio: 'ignore' });
    expect(await childExited(quick, 5_000)).toBe(true);
    expect(quick.exitCode).toBe(3);
    expect(await childExited(quick, 5_000)).toBe(true);
    const slow = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      expect(await childExited(slow, 200)).toBe(false);
    } finally {
      slow.kill('SIGKILL');
    }
    expect(await childExited(slow, 5_000)).toBe(true);
    expect(slow.signalCode).toBe('SIGKILL');
  });
});
