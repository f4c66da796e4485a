// `npm run bench:web` — the public lookup under load, with the production build: requests per second
// and p50/p99 latency for a cached profile page (/@handle) and for GET /api/accounts/{handle}, beside a
// static page of the same app (/about), each at 50 concurrent connections. The app runs the way
// `npm start` runs it (its own data folder and ports, demo data, no worker); no request reaches TikTok.
// The pages are measured twice: as `npm start` serves them (the shared cache of scripts/web-server.ts in
// front of Next) and from Next alone (`Cache-Control: no-cache` on the request, which that cache passes
// through), so the table shows what the cache adds.
import { spawn } from 'node:child_process';
import { nodeCommand } from '@/tools/node/run.mjs';
import path from 'node:path';
import { getFreePort } from '@/tools/infra/ports';
import { runLoad, type LoadResult } from './load';
import { machineLine, ROOT, round, writeBenchSection } from './lib';

const say = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const HANDLE = 'luna.streams';

async function startApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await getFreePort();
  const child = spawn(process.execPath, nodeCommand('app', path.join(ROOT, 'scripts', 'launch.ts'), ['start', '--no-worker']), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      LIVELENS_DATA_DIR: '.data/bench-web',
      EMBEDDED_PG_PORT: String(await getFreePort()),
      SOKETI_PORT: String(await getFreePort(2)),
      // Nothing may leave the machine: a closed port stands in for TikTok.
      TIKTOK_PROFILE_BASE_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 300_000;
  while (!output.includes('LiveLens is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  say('starting the app (production build, embedded Postgres, demo data)…');
  const app = await startApp();
  try {
    const check = await fetch(`${app.url}/api/accounts/${HANDLE}`);
    const body = (await check.json()) as { stale?: boolean };
    if (!check.ok || body.stale) throw new Error(`the profile of @${HANDLE} is not served from the cache (status ${check.status})`);
    const results: Record<string, LoadResult> = {};
    const nextAlone = { 'cache-control': 'no-cache' };
    const targets = [
      ['static', '/about', {}],
      ['profile', `/@${HANDLE}`, {}],
      ['api', `/api/accounts/${HANDLE}`, {}],
      ['staticNext', '/about', nextAlone],
      ['profileNext', `/@${HANDLE}`, nextAlone],
    ] as const;
    for (const [name, target, headers] of targets) {
      say(`${target}${name.endsWith('Next') ? ' (Next alone)' : ''}: ${CONCURRENCY} connections for ${SECONDS} s…`);
      results[name] = await runLoad(app.url, target, { concurrency: CONCURRENCY, seconds: SECONDS, headers });
      const r = results[name];
      say(`  ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`);
    }
    const { static: stat, profile, api, staticNext, profileNext } = results as Record<(typeof targets)[number][0], LoadResult>;
    const share = round(profile.requestsPerSecond / stat.requestsPerSecond, 2);
    const shareNext = round(profileNext.requestsPerSecond / staticNext.requestsPerSecond, 2);
    const result = {
      bench: 'web',
      machine: machineLine(),
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      staticRps: stat.requestsPerSecond,
      staticP50Ms: stat.p50Ms,
      staticP99Ms: stat.p99Ms,
      profileRps: profile.requestsPerSecond,
      profileP50Ms: profile.p50Ms,
      profileP99Ms: profile.p99Ms,
      profileShareOfStatic: share,
      apiRps: api.requestsPerSecond,
      apiP50Ms: api.p50Ms,
      apiP99Ms: api.p99Ms,
      nextAloneStaticRps: staticNext.requestsPerSecond,
      nextAloneStaticP99Ms: staticNext.p99Ms,
      nextAloneProfileRps: profileNext.requestsPerSecond,
      nextAloneProfileP50Ms: profileNext.p50Ms,
      nextAloneProfileP99Ms: profileNext.p99Ms,
      nextAloneProfileShareOfStatic: shareNext,
      errors: Object.values(results).reduce((sum, r) => sum + r.errors, 0),
    };
    const row = (label: string, r: LoadResult) => `| ${label} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} |`;
    writeBenchSection(
      'web',
      `## Public lookup (\`npm run bench:web\`)

Machine: ${result.machine}. Run ${new Date().toISOString().slice(0, 16)}Z. The production build started by the launcher the way \`npm start\` serves it (scripts/web-server.ts: Next's handler behind the shared cache, \`WEB_SHARED_CACHE_MS\` 1000; embedded Postgres 17, demo data, no worker), ${CONCURRENCY} keep-alive connections for ${SECONDS} s per target after a 2 s warm-up, load generated on the same machine. The profile (@${HANDLE}) is fresh, so it is served from the database without a request to TikTok. The "Next alone" rows send \`Cache-Control: no-cache\`, which the shared cache passes to Next.

| target | requests/s | p50 | p99 | errors |
|---|---|---|---|---|
${row('static page (`/about`)', stat)}
${row(`cached profile page (\`/@${HANDLE}\`)`, profile)}
${row(`\`GET /api/accounts/${HANDLE}\` (never shared: \`no-store\`)`, api)}
${row('static page, Next alone', staticNext)}
${row(`cached profile page, Next alone`, profileNext)}

As served: profile page throughput ${Math.round(share * 100)}% of the static page (target ≥ 50%); profile p99 ${profile.p99Ms} ms (target < 100 ms). Next alone: ${Math.round(shareNext * 100)}% of the static page, p99 ${profileNext.p99Ms} ms.

Command: \`npm run bench:web\` (\`BENCH_CONCURRENCY\`, \`BENCH_SECONDS\` change the load).`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
