// Import directions, enforced by ESLint rather than by discipline (conventions.md):
//   app → components → lib;  worker → lib;  nothing shipped → scripts/, tools/ or e2e/;
//   inside lib: overlays → games (never back), stats → tiktok (never back).
// Tests (*.test.ts) may import anything: they exercise routes and use the tools. The worker's command-line
// tools (worker/cli) may use tools/ (embedded services for `npm run replay`). lib/api/layers.test.ts lints
// a reverse import with these rules to show they bite.

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const ban = (area, message) => ({ group: [`@/${area}`, `@/${area}/*`, `@/${area}/**`], message });

const notShipped = [
  ban('scripts', 'Shipped code does not import scripts/ (launcher, benches): move what both need into lib/.'),
  ban('tools', 'Shipped code does not import tools/ (embedded services, test helpers).'),
  ban('e2e', 'Only the browser tests live in e2e/.'),
];
const ui = [ban('app', 'Only Next.js imports app/: move the shared part into lib/ or components/.'), ban('components', 'lib/ and the worker do not import React components.')];
const worker = [ban('worker', 'Only the worker imports worker/: move what the app needs into lib/.')];

const layer = (files, patterns, ignores = []) => ({ files, ignores: [...TESTS, ...ignores], rules: { 'no-restricted-imports': ['error', { patterns }] } });

export const layerRules = [
  layer(['lib/**/*.ts', 'lib/**/*.tsx'], [...ui, ...worker, ...notShipped], ['lib/games/**', 'lib/tiktok/**']),
  layer(['lib/games/**/*.ts'], [...ui, ...worker, ...notShipped, ban('lib/overlays', 'lib/overlays builds on lib/games, not the other way round (game types and config live in lib/games).')]),
  layer(['lib/tiktok/**/*.ts'], [...ui, ...worker, ...notShipped, ban('lib/stats', 'lib/stats builds on lib/tiktok (lookups and views), not the other way round.')]),
  layer(['components/**/*.ts', 'components/**/*.tsx'], [ban('app', 'Components do not import routes.'), ...worker, ...notShipped]),
  layer(['app/**/*.ts', 'app/**/*.tsx', 'proxy.ts', 'instrumentation.ts'], [...worker, ...notShipped]),
  layer(['worker/**/*.ts'], [...ui, ...notShipped], ['worker/cli/**']),
  layer(['worker/cli/**/*.ts'], [...ui, ban('scripts', 'The worker CLIs do not import scripts/.'), ban('e2e', 'Only the browser tests live in e2e/.')]),
];
