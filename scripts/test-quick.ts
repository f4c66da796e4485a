// `npm run test:quick`: what can be checked in about a minute without any service — typecheck and lint
// side by side (each mostly one core), and the unit tests that need no Postgres, soketi or browser
// (vitest.quick.config.mts) on the core tsc frees when it ends before ESLint. `npm test` runs everything.
import { resetResults, startTypecheckAndLint, step, summarise, vitest, type StepResult } from './test-steps';

async function main(): Promise<void> {
  const startedAt = Date.now();
  resetResults();
  const { typecheck, lint } = await startTypecheckAndLint({ lintCache: true });
  const typechecked = await typecheck;
  const unit = step('unit tests without services (vitest, after typecheck, beside lint)', () => vitest('vitest-quick.json', 'vitest.quick.config.mts'));
  const results: StepResult[] = [typechecked, await lint, await unit];
  summarise(results, startedAt);
}

await main();
