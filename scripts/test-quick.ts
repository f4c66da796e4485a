// `npm run test:quick`: what can be checked in about a minute without any service — typecheck and lint
// side by side (each mostly one core), then the unit tests that need no Postgres, soketi or browser
// (vitest.quick.config.mts). `npm test` runs everything.
import { resetResults, step, summarise, typecheckAndLint, vitest, type StepResult } from './test-steps';

async function main(): Promise<void> {
  const startedAt = Date.now();
  resetResults();
  const results: StepResult[] = await typecheckAndLint();
  results.push(await step('unit tests without services (vitest)', () => vitest('vitest-quick.json', 'vitest.quick.config.mts')));
  summarise(results, startedAt);
}

await main();
