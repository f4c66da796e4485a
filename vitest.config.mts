import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = import.meta.dirname;

// Test files run one after another in a reused process ("shared"): loading the app's modules once per
// process instead of once per file took Vitest from 532 to 285 CPU-s here (docs/benchmarks.md). The files
// below get a process each ("isolated"): they replace modules (`vi.mock` would leak into the files after
// them) or, like use-order's, make a library load as in a browser (TanStack Query decides once, on load).
export const ISOLATED = [
  'app/[locale]/(site)/checkout/success/use-order.test.ts',
  'app/[locale]/(site)/top/page.test.ts',
  'app/[locale]/(site)/top/_components/rank-list.test.ts',
  'app/[locale]/(site)/profile/[username]/page.test.ts',
  'app/[locale]/(site)/bilibili/[uid]/page.test.ts',
  'app/api/accounts/[handle]/route.test.ts',
  'lib/reports/bilibili.test.ts',
  'lib/reports/pdf.test.ts',
];

/**
 * The two projects over every test file, or over the given ones (`npm run test:quick`'s). The services'
 * global setup runs once per project that names it: only "shared" does, and the environment it leaves in
 * process.env reaches every test process of both.
 */
export function projects(files: 'all' | string[], globalSetup: string[]): TestProjectInlineConfiguration[] {
  const shared = files === 'all' ? { include: ['**/*.test.ts'], exclude: ISOLATED } : { include: files.filter((file) => !ISOLATED.includes(file)) };
  const isolated = files === 'all' ? ISOLATED : ISOLATED.filter((file) => files.includes(file));
  return [
    { extends: true, test: { name: 'shared', isolate: false, ...shared, globalSetup } },
    { extends: true, test: { name: 'isolated', isolate: true, include: isolated } },
  ];
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside Next.js, `server-only` would throw; the marker means nothing in tests.
      { find: /^server-only$/, replacement: path.join(root, 'node_modules/server-only/empty.js') },
    ],
  },
  test: {
    // Each project names its own files (a project's `include` would add to one given here).
    exclude: ['node_modules/**', '.next/**', '.data/**', 'e2e/**'],
    setupFiles: ['tools/testing/next-runtime.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' },
    projects: projects('all', ['tools/testing/global-setup.ts']),
  },
});
