// Shared helpers of the bench scripts: percentiles, a description of the machine, a throwaway Postgres,
// and writing results into their own section of docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDeploy } from '@/tools/infra/migrate';
import { getFreePort } from '@/tools/infra/ports';
import { EmbeddedPostgres } from '@/tools/infra/postgres';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; os: string } {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

/** A fresh Postgres 17 for one bench run, with the same (durable) settings as `npm start`'s. */
export async function startBenchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = path.join(ROOT, '.data', 'bench', name);
  const postgres = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await getFreePort(), user: 'livelens', password: 'bench', logFile: path.join(dataDir, 'postgres.log') });
  await postgres.stopOrphan();
  await postgres.start();
  const url = await postgres.ensureDatabase('bench', { fresh: true });
  await migrateDeploy(url);
  return { url, stop: () => postgres.stop() };
}

/** Replaces the section between `<!-- bench:NAME -->` markers in docs/benchmarks.md (adds it if missing). */
export function writeBenchSection(name: string, markdown: string): void {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by the bench scripts (`npm run bench`, or one of `npm run bench:<name>`); each section is replaced by its own script on every run. Timings are measurements on the machine named in each section, never assertions in tests.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export function machineLine(): string {
  const m = machine();
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`;
}
