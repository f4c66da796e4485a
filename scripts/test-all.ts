// `npm test`: typecheck, lint, unit/integration tests (Vitest, real Postgres and soketi) and browser
// tests (Playwright, real Chromium, against `npm start`). Typecheck and lint run side by side, after
// the route types they both read are generated; Vitest starts when typecheck ends, beside the rest of
// the lint. Every stage runs even when an earlier one fails, so one run shows everything; the exit code
// is non-zero when anything failed. The production build the browser tests need is made while Vitest
// runs (both mostly wait: one on the compiler, the other on Postgres), after the lint, which reads
// .next/types that the build rewrites. The summary gives each stage's time; its last line is
// `tests: N passed, M failed`.
import { buildWebApp, checkStep, playwright, resetResults, startTypecheckAndLint, step, summarise, vitest, type StepResult } from './test-steps';

async function main(): Promise<void> {
  const startedAt = Date.now();
  resetResults();
  const { typecheck, lint } = await startTypecheckAndLint();
  const typechecked = await typecheck;
  // Vitest starts on the core tsc has freed, beside the rest of the lint.
  const unit = step('unit and integration tests (vitest, after typecheck, beside lint)', () => vitest('vitest.json'));
  const linted = await lint;
  // The build rewrites .next/types, which ESLint reads: it waits for the lint.
  const buildStarted = Date.now();
  const build = buildWebApp({ PORT: process.env.E2E_PORT ?? '3100' }).then((outcome) => ({ ...outcome, seconds: (Date.now() - buildStarted) / 1000 }));
  const results: StepResult[] = [typechecked, linted, await unit];
  results.push(
    await step('web app build for the browser tests (rest of it)', async () => {
      const outcome = await build;
      console.log(outcome.built ? `built in ${outcome.seconds.toFixed(0)} s, beside Vitest` : outcome.ok ? 'the build was up to date' : 'the build failed: .data/test-results/next-build.log says why');
      return checkStep(outcome.ok);
    }),
  );
  results.push(await step('browser tests (playwright)', playwright));
  summarise(results, startedAt);
}

await main();
