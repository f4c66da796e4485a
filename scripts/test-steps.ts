// The stages of `npm test` and `npm run test:quick` (scripts/test-all.ts, scripts/test-quick.ts): running
// a tool, reading its JSON report, and the summary with the time of each stage.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { computeBuildFingerprint, isBuildCurrent, recordBuild } from '@/tools/infra/build-fingerprint';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RESULTS = path.join(ROOT, '.data', 'test-results');
export const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export type StepResult = { name: string; ok: boolean; passed: number; failed: number; skipped: number; seconds: number; failures?: string[] };

/** The first line of a failure message, without colour codes, shortened (long enough for a list of what failed, e.g. e2e/a11y.spec.ts's pages). */
const firstLine = (message: string | undefined) => (message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 600) ?? '';

export type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};

export function vitestFailures(report: VitestReport): string[] {
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const relative = path.relative(ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${relative} › ${a.fullName} — ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${relative} — ${firstLine(file.message)}`);
  }
  return failures;
}

export type PlaywrightSuite = { title: string; file?: string; specs?: { title: string; file?: string; tests?: { status: string; results?: { error?: { message?: string } }[] }[] }[]; suites?: PlaywrightSuite[] };

export function playwrightFailures(suites: PlaywrightSuite[] | undefined): string[] {
  const failures: string[] = [];
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.map((r) => r.error?.message).find(Boolean);
        failures.push(`${spec.file ?? suite.file ?? suite.title} › ${spec.title} — ${firstLine(error)}`);
      }
    }
    failures.push(...playwrightFailures(suite.suites));
  }
  return failures;
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function step(name: string, body: () => Promise<Omit<StepResult, 'name' | 'seconds'>>): Promise<StepResult> {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const result = await body();
  return { name, ...result, seconds: (Date.now() - started) / 1000 };
}

export const checkStep = (ok: boolean) => ({ ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

/**
 * ESLint's cache for `npm run test:quick` (as `next lint` keeps one): a file whose content and the config are
 * unchanged is not linted again. A type-aware rule's finding in an unchanged file can depend on another file's
 * types, which the cache does not see; `npm test` (and so CI) lints everything, without it.
 */
const ESLINT_CACHE = path.join(ROOT, '.data', 'eslint-cache', 'quick');

/**
 * Typecheck (`tsc --noEmit`) and lint side by side, each mostly one core (tsc, and ESLint's own
 * TypeScript program), after `next typegen` writes the route types both read. The two are returned
 * apart: tsc ends about 45 s before ESLint on this machine, and the next stage can start on the core it
 * frees (as long as that stage does not rewrite .next/types, which ESLint is still reading).
 */
export async function startTypecheckAndLint({ lintCache = false } = {}): Promise<{ typecheck: Promise<StepResult>; lint: Promise<StepResult> }> {
  const started = Date.now();
  const typegen = await run(bin('next'), ['typegen']);
  const typegenSeconds = (Date.now() - started) / 1000;
  const typecheck = step('typecheck', async () => checkStep(typegen === 0 && (await run(bin('tsc'), ['--noEmit'])) === 0)).then((result) => ({ ...result, seconds: result.seconds + typegenSeconds }));
  const cache = lintCache ? ['--cache', '--cache-strategy', 'content', '--cache-location', ESLINT_CACHE] : [];
  const lint = step(`lint (beside typecheck${lintCache ? ', cached' : ''})`, async () => checkStep((await run(bin('eslint'), ['.', '--max-warnings=0', ...cache])) === 0));
  return { typecheck, lint };
}

/** Vitest with a JSON report; `config` picks another configuration (test:quick's). */
export async function vitest(report: string, config?: string): Promise<Omit<StepResult, 'name' | 'seconds'>> {
  const file = path.join(RESULTS, report);
  const code = await run(bin('vitest'), ['run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const parsed = readJson<VitestReport>(file);
  if (!parsed) return checkStep(false);
  return { ok: code === 0, passed: parsed.numPassedTests, failed: parsed.numFailedTests + (code !== 0 && parsed.numFailedTests === 0 ? 1 : 0), skipped: parsed.numPendingTests + parsed.numTodoTests, failures: vitestFailures(parsed) };
}

export async function playwright(): Promise<Omit<StepResult, 'name' | 'seconds'>> {
  const code = await run(bin('playwright'), ['test']);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] }>(path.join(RESULTS, 'playwright.json'));
  if (!report) return checkStep(false);
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { ok: code === 0, passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0), skipped, failures: playwrightFailures(report.suites) };
}

export function resetResults(): void {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
}

/**
 * Failed tests named again next to the summary (so a log read from its end shows them), one line per stage
 * with its time, the stages' total and the wall-clock time, and last `tests: N passed, M failed`.
 * Sets the exit code.
 */
export function summarise(results: StepResult[], startedAt: number): void {
  const failures = results.flatMap((r) => r.failures ?? []);
  if (failures.length > 0) {
    console.log('\n━━━ failed tests ━━━');
    for (const failure of failures) console.log(`✗ ${failure}`);
  }
  console.log('\n━━━ summary ━━━');
  for (const r of results) {
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(44)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}  (${r.seconds.toFixed(0)} s)`);
  }
  const stages = results.reduce((sum, r) => sum + r.seconds, 0);
  console.log(`time: ${stages.toFixed(0)} s in stages, ${((Date.now() - startedAt) / 1000).toFixed(0)} s from start to end`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

/**
 * The production build the browser tests' `npm start` needs, made ahead of time (while other stages
 * run), recorded with the same fingerprint the launcher checks, so the launcher finds it up to date.
 * Output goes to .data/test-results/next-build.log. Resolves whether a current build exists.
 */
export async function buildWebApp(env: Record<string, string>): Promise<{ ok: boolean; built: boolean }> {
  const fingerprint = computeBuildFingerprint(ROOT);
  if (isBuildCurrent(ROOT, fingerprint)) return { ok: true, built: false };
  const log = fs.openSync(path.join(RESULTS, 'next-build.log'), 'w');
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        cwd: ROOT,
        stdio: ['ignore', log, log],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, NODE_ENV: 'production' },
      });
      child.on('error', () => resolve(1));
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0) return { ok: false, built: false };
    recordBuild(ROOT, fingerprint);
    return { ok: true, built: true };
  } finally {
    fs.closeSync(log);
  }
}
