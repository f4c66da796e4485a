// tools/node/run.mjs is the one definition of how our Node processes start: package.json's scripts go
// through it, spawn sites use nodeCommand(), and nothing else spells out the flags.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeArgs, nodeCommand } from './run.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RUNNER = path.join(ROOT, 'tools', 'node', 'run.mjs');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => /\.(ts|tsx|mts|mjs|js|json)$/.test(file) && fs.existsSync(path.join(ROOT, file)));
}

describe('Node process profiles', () => {
  it('defines app, ingest and +gc, and refuses unknown ones', () => {
    expect(nodeArgs('app')).toEqual(['--conditions=react-server', '--import', 'tsx']);
    expect(nodeArgs('ingest')).toEqual(['--conditions=react-server', '--import', 'tsx', '--max-semi-space-size=64']);
    expect(nodeArgs('ingest+gc')).toContain('--expose-gc');
    expect(nodeArgs('web')).toEqual(['--import', 'tsx']);
    expect(nodeCommand('app', 'x.ts', ['a', 'b']).slice(-3)).toEqual(['x.ts', 'a', 'b']);
    expect(() => nodeArgs('fast')).toThrow(/Unknown Node profile "fast"/);
    expect(() => nodeArgs('app+jit')).toThrow(/\+jit/);
  });

  it('is the only place the flags are written: package.json scripts and spawn sites go through it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(pkg.scripts)) {
      if (!/^node\s/.test(command) || name === 'postinstall') continue;
      expect(command, `npm run ${name}`).toMatch(/^node tools\/node\/run\.mjs (app|ingest|web)(\+gc)? \S+\.ts/);
    }
    const offenders = trackedFiles().filter((file) => {
      if (file === 'tools/node/run.mjs' || file === 'tools/node/run.test.ts') return false;
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // A flag inside a string literal or a script: '--conditions=react-server', "--max-semi-space-size=64".
      return /['"`][^'"`\n]*--(conditions=react-server|max-semi-space-size|import[ =',]+tsx)/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('starts the entry with the profile, passes a signal on once, and leaves with the child’s exit code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-run-'));
    const entry = path.join(dir, 'entry.ts');
    // Typed TypeScript, so it only runs through tsx; reports its flags, then exits 40 + SIGTERMs received.
    fs.writeFileSync(
      entry,
      `const flags: string[] = process.execArgv;
let received: number = 0;
process.on('SIGTERM', () => { received++; setTimeout(() => process.exit(40 + received), 300); });
process.stdout.write(JSON.stringify({ flags, args: process.argv.slice(2) }) + '\\n');
setInterval(() => undefined, 1000);
`,
    );
    try {
      // Its own process group, so the SIGTERM reaches only the runner (as from a supervisor), not the child.
      const child = spawn(process.execPath, [RUNNER, 'ingest', entry, 'one', 'two'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
      const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      const report = JSON.parse(first) as { flags: string[]; args: string[] };
      expect(report.flags).toEqual(expect.arrayContaining(nodeArgs('ingest')));
      expect(report.args).toEqual(['one', 'two']);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(41);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains its usage instead of starting nothing', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [RUNNER, 'warp', 'x.ts'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toMatch(/Unknown Node profile "warp"/);
  });
});
