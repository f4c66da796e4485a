// `npm run bench`: every benchmark, one after another, each in its own process. Results are written to
// docs/benchmarks.md by each script; the last line is one JSON object with every script's figures.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeCommand } from '@/tools/node/run.mjs';

const BENCHES = ['ingest', 'web', 'dashboard', 'overlay'];

async function run(name: string): Promise<unknown> {
  const script = path.join(import.meta.dirname, `${name}.ts`);
  // The benches that act as the worker run with the worker's V8 flags, as their npm scripts do.
  const profile = name === 'ingest' || name === 'overlay' ? 'ingest+gc' : 'app+gc';
  const child = spawn(process.execPath, nodeCommand(profile, script), { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) return { error: `bench:${name} exited with ${code}` };
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

const results: Record<string, unknown> = {};
for (const name of BENCHES) results[name] = await run(name);
process.stdout.write(`${JSON.stringify(results)}\n`);
