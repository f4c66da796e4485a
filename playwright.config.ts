// End-to-end tests in a real Chromium against the real app, started by the same launcher as `npm start`
// (embedded Postgres, soketi, production build, worker) with its own data folder and ports.
import fs from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A local stand-in for tiktok.com's profile pages (saved pages, see tools/testing/profile-server.ts) and
// Bilibili's room API (tools/testing/bilibili-room-api.ts).
const tiktokPort = Number(process.env.E2E_TIKTOK_PORT ?? 7171);
// The embedded mail catcher's web inbox of the e2e instance (e2e/support/mail.ts reads it).
export const E2E_MAIL_INBOX_PORT = Number(process.env.E2E_MAIL_INBOX_PORT ?? 1180);
// Where the notification stand-ins (Discord, Telegram, a webhook receiver) listen during e2e/mail.spec.ts.
export const E2E_NOTIFY_PORT = Number(process.env.E2E_NOTIFY_PORT ?? 7272);

// Debian's Chromium by default (Playwright cannot download browsers on a closed network), overridable,
// with Playwright's own browser as the fallback on a developer laptop.
function chromiumExecutable(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  if (fs.existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium found for the browser tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu) or ' +
      '`npx playwright install chromium`, or point PLAYWRIGHT_CHROMIUM_PATH at a Chrome/Chromium binary.',
  );
}

function e2eWorkers(): number {
  const given = process.env.E2E_WORKERS ?? '1';
  if (!/^[1-9]\d*$/.test(given)) throw new Error(`E2E_WORKERS=${given}: give a whole number of browser-test workers, e.g. 1.`);
  return Number(given);
}

export default defineConfig({
  testDir: 'e2e',
  // One test at a time by default: on the 2-core machine CI uses, the app, the worker, Postgres and
  // Chromium already keep both cores busy (see docs/benchmarks.md), and timing-bound tests (a gift row
  // within 2 s) miss their windows when the machine is overloaded. E2E_WORKERS raises it on a bigger one.
  fullyParallel: false,
  workers: e2eWorkers(),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.data/test-results/playwright.json' }]],
  outputDir: '.data/test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A failed test keeps its trace: every action with the page's DOM before and after it, the network and
    // the console. Not the screencast: its JPEG frames doubled Chromium's CPU time (overlays, live-now and
    // dashboard specs: 114 CPU-s with it, 53 without; 130 s → 113 s of wall time on 2 cores).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Without the background-networking flags Chromium floods a closed network with connections.
      // Overlays' alert sounds play without a click, as in OBS's browser source.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `node tools/node/run.mjs web scripts/profile-server.ts ${tiktokPort}`,
      url: `http://127.0.0.1:${tiktokPort}/@luna.bakes`,
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
    command: 'node tools/node/run.mjs app scripts/launch.ts start',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT: String(port),
      LIVELENS_DATA_DIR: '.data/e2e',
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54339)),
      SOKETI_PORT: String(Number(process.env.E2E_SOKETI_PORT ?? 6111)),
      MAIL_INBOX_PORT: String(E2E_MAIL_INBOX_PORT),
      MAIL_CATCHER_SMTP_PORT: String(Number(process.env.E2E_MAIL_SMTP_PORT ?? 1125)),
      WORKER_HEARTBEAT_MS: '2000',
      // Notifications go to local stand-ins (e2e/mail.spec.ts), which live on loopback.
      NOTIFY_ALLOW_PRIVATE_URLS: 'true',
      TELEGRAM_API_BASE: `http://127.0.0.1:${E2E_NOTIFY_PORT}`,
      // Every test signs in and adds accounts from this one machine.
      RATE_LIMIT_SCALE: '50',
      NEXT_TELEMETRY_DISABLED: '1',
      TIKTOK_PROFILE_BASE_URL: `http://127.0.0.1:${tiktokPort}`,
      // The same stand-in answers Bilibili's room API (rooms 3002xxxx); the demo's Bilibili room is replayed.
      BILIBILI_API_BASE: `http://127.0.0.1:${tiktokPort}`,
      BILIBILI_LIVE_BASE: `http://127.0.0.1:${tiktokPort}`,
    },
    },
  ],
});
