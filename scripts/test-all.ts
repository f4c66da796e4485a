// `npm test`: typecheck, lint, unit/integration tests (Vitest, real Postgres and soketi) and browser
// tests (Playwright, real Chromium), one after another. Every step runs even when an earlier one fails,
// so one run shows everything; the exit code is non-zero when anything failed. The last line is the
// summary: `tests: N passed, M failed`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, '.data', 'test-results');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

type StepResult = { name: string; ok: boolean; passed: number; failed: number; skipped: number; seconds: number; failures?: string[] };

/** The first line of a failure message, without colour codes, shortened. */
const firstLine = (message: string | undefined) => (message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? '';

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};

function vitestFailures(report: VitestReport): string[] {
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const relative = path.relative(ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${relative} › ${a.fullName} — ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${relative} — ${firstLine(file.message)}`);
  }
  return failures;
}

type PlaywrightSuite = { title: string; file?: string; specs?: { title: string; file?: string; tests?: { status: string; results?: { error?: { message?: string } }[] }[] }[]; suites?: PlaywrightSuite[] };

function playwrightFailures(suites: PlaywrightSuite[] | undefined): string[] {
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

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function step(name: string, body: () => Promise<Omit<StepResult, 'name' | 'seconds'>>): Promise<StepResult> {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const result = await body();
  return { name, ...result, seconds: (Date.now() - started) / 1000 };
}

const checkStep = (ok: boolean) => ({ ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

async function main(): Promise<void> {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const results: StepResult[] = [];

  results.push(
    await step('typecheck', async () => {
      const typegen = await run(bin('next'), ['typegen']);
      return checkStep(typegen === 0 && (await run(bin('tsc'), ['--noEmit'])) === 0);
    }),
  );

  results.push(await step('lint', async () => checkStep((await run(bin('eslint'), ['.', '--max-warnings=0'])) === 0)));

  results.push(
    await step('unit and integration tests (vitest)', async () => {
      const file = path.join(RESULTS, 'vitest.json');
      const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
      const report = readJson<VitestReport>(file);
      if (!report) return checkStep(false);
      return { ok: code === 0, passed: report.numPassedTests, failed: report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0), skipped: report.numPendingTests + report.numTodoTests, failures: vitestFailures(report) };
    }),
  );

  results.push(
    await step('browser tests (playwright)', async () => {
      const code = await run(bin('playwright'), ['test']);
      const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] }>(path.join(RESULTS, 'playwright.json'));
      if (!report) return checkStep(false);
      const { expected, unexpected, flaky, skipped } = report.stats;
      return { ok: code === 0, passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0), skipped, failures: playwrightFailures(report.suites) };
    }),
  );

  // Failed tests are named again here, next to the summary, so a log read from its end shows them.
  const failures = results.flatMap((r) => r.failures ?? []);
  if (failures.length > 0) {
    console.log('\n━━━ failed tests ━━━');
    for (const failure of failures) console.log(`✗ ${failure}`);
  }
  console.log('\n━━━ summary ━━━');
  for (const r of results) {
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(38)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}  (${r.seconds.toFixed(0)} s)`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

await main();
