// `npm run bench:dashboard [-- --events N --iterations N --naive-iterations N]` — the streamer dashboard's
// reads on a large history: about 10 million stored events (generated straight into a fresh Postgres,
// see dashboard-data.ts), then p50/p99/mean latency of the real dashboard functions — the lives list
// (first page, a deep page, sorted by diamonds), everything a live's page loads, and the 30-day gifter
// leaderboard — beside the same answers computed naively from the raw tables (dashboard-naive.ts),
// whose results are checked against the real ones. Target: p99 under 200 ms for each real query.
// Results go to docs/benchmarks.md; the last line printed is one JSON object with the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { createDb, type Db } from '@/lib/db';
import { GIFTERS_PAGE_SIZE, gifterLeaderboard, periodStartDay } from '@/lib/dashboard/gifters';
import { getGiftBreakdown, getLiveSeries, getLiveSummary, getLiveTopGifters, listLives, LIVES_PAGE_SIZE, requireOwnLive, searchChats } from '@/lib/dashboard/lives';
import { createRandom } from '@/lib/seed/random';
import { parseArgs } from '@/worker/cli/args';
import { generateDashboardData, type GeneratedData } from './dashboard-data';
import { compareLeaderboard, compareLivesPage, compareSummary, compareTopGifters, naiveLeaderboard, naiveLiveSummary, naiveLivesPage, naiveTopGifters } from './dashboard-naive';
import { renderDashboardSection, type QueryResult, type Timing } from './dashboard-report';
import { machineLine, percentile, ROOT, round, startBenchDatabase, writeBenchSection } from './lib';

const say = (message: string) => process.stderr.write(`[bench:dashboard] ${message}\n`);
const TARGET_P99_MS = 200;
// The live page shows this many top gifters (app/[locale]/(site)/dashboard/lives/[liveId]/page.tsx).
const TOP_GIFTERS = 10;

const optionsSchema = z.object({
  events: z.coerce.number().int().min(20_000, 'at least 20,000 events'),
  iterations: z.coerce.number().int().min(1),
  naiveIterations: z.coerce.number().int().min(1),
});

function readOptions() {
  const { flags } = parseArgs(process.argv.slice(2));
  return optionsSchema.parse({
    events: flags.get('events') ?? process.env.BENCH_EVENTS ?? 10_000_000,
    iterations: flags.get('iterations') ?? process.env.BENCH_ITERATIONS ?? 200,
    naiveIterations: flags.get('naive-iterations') ?? process.env.BENCH_NAIVE_ITERATIONS ?? 20,
  });
}

/** Runs `run` sequentially (one request at a time), after a few untimed warm-up calls. */
async function time(iterations: number, run: (i: number) => Promise<unknown>): Promise<Timing> {
  const warmup = Math.min(10, Math.max(2, Math.round(iterations / 10)));
  for (let i = 0; i < warmup; i++) await run(i);
  globalThis.gc?.();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return { p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)), meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length), iterations };
}

/** What the live page loads: the access check and its four parallel reads (page.tsx), then the chat
 *  browser's first page, which it fetches from /api/lives/[liveId]/chats as soon as it mounts. */
async function loadLivePage(db: Db, workspaceId: string, liveId: string, parts?: Record<string, number[]>) {
  const timed = async <T,>(name: string, promise: Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await promise;
    parts?.[name]?.push(performance.now() - started);
    return value;
  };
  const live = await timed('requireOwnLive', requireOwnLive(db, workspaceId, liveId));
  const [summary, series, gifters, breakdown] = await Promise.all([
    timed('getLiveSummary', getLiveSummary(db, live.id)),
    timed('getLiveSeries', getLiveSeries(db, live.id)),
    timed('getLiveTopGifters', getLiveTopGifters(db, live, TOP_GIFTERS)),
    timed('getGiftBreakdown', getGiftBreakdown(db, live)),
  ]);
  const chats = await timed('searchChats', searchChats(db, live, {}));
  return { live, summary, series, gifters, breakdown, chats };
}

/** The same page with the summary's counters and the top gifters computed from raw rows (the other reads
 *  already are). */
async function loadLivePageNaive(db: Db, workspaceId: string, liveId: string) {
  const live = await requireOwnLive(db, workspaceId, liveId);
  const [summary, gifters] = await Promise.all([
    naiveLiveSummary(db, live.id),
    naiveTopGifters(db, live.id, TOP_GIFTERS),
    getLiveSeries(db, live.id),
    getGiftBreakdown(db, live),
  ]);
  await searchChats(db, live, {});
  return { summary, gifters };
}

async function measure(db: Db, data: GeneratedData, options: z.infer<typeof optionsSchema>, now: Date) {
  const account = data.bigAccountId;
  const liveIds = (await db.live.findMany({ where: { accountId: account }, select: { id: true }, orderBy: { id: 'asc' } })).map((l) => l.id.toString());
  const pages = Math.ceil(liveIds.length / LIVES_PAGE_SIZE);
  const random = createRandom(7);
  const deepPage = () => random.int(Math.ceil(pages / 2), pages);
  const anyPage = () => random.int(1, pages);
  const anyLive = () => random.pick(liveIds);
  const since = periodStartDay('30d', now) ?? '';
  const mismatches: string[] = [];
  let comparisons = 0;
  const check = (problems: string[]) => {
    comparisons++;
    for (const problem of problems) say(`MISMATCH ${problem}`);
    mismatches.push(...problems);
  };
  const results: Record<string, QueryResult> = {};
  const run = async (name: string, label: string, real: () => Promise<unknown>, naive: () => Promise<unknown>) => {
    say(`${label}: ${options.iterations} real runs…`);
    const realTiming = await time(options.iterations, real);
    say(`  p50 ${realTiming.p50Ms} ms, p99 ${realTiming.p99Ms} ms, mean ${realTiming.meanMs} ms; ${options.naiveIterations} naive runs…`);
    const naiveTiming = await time(options.naiveIterations, naive);
    say(`  naive p50 ${naiveTiming.p50Ms} ms, p99 ${naiveTiming.p99Ms} ms, mean ${naiveTiming.meanMs} ms`);
    results[name] = { label, real: realTiming, naive: naiveTiming, meetsTarget: realTiming.p99Ms < TARGET_P99_MS };
  };

  await run(
    'livesFirstPage',
    'Lives list, first page (newest first)',
    () => listLives(db, account, { page: 1, now }),
    async () => {
      const naive = await naiveLivesPage(db, account, 'started', 1, LIVES_PAGE_SIZE);
      check(compareLivesPage('lives list page 1', await listLives(db, account, { page: 1, now }), naive));
    },
  );
  await run(
    'livesDeepPage',
    `Lives list, a random page from ${Math.ceil(pages / 2)} to ${pages}`,
    () => listLives(db, account, { page: deepPage(), now }),
    async () => {
      const page = deepPage();
      const naive = await naiveLivesPage(db, account, 'started', page, LIVES_PAGE_SIZE);
      check(compareLivesPage(`lives list page ${page}`, await listLives(db, account, { page, now }), naive));
    },
  );
  await run(
    'livesByDiamonds',
    'Lives list sorted by diamonds, a random page',
    () => listLives(db, account, { sort: 'diamonds', page: anyPage(), now }),
    async () => {
      const page = anyPage();
      const naive = await naiveLivesPage(db, account, 'diamonds', page, LIVES_PAGE_SIZE);
      check(compareLivesPage(`lives by diamonds page ${page}`, await listLives(db, account, { sort: 'diamonds', page, now }), naive));
    },
  );
  const parts: Record<string, number[]> = { requireOwnLive: [], getLiveSummary: [], getLiveSeries: [], getLiveTopGifters: [], getGiftBreakdown: [], searchChats: [] };
  let recordParts = false;
  await run(
    'livePage',
    'Live page data (a random live of the big streamer)',
    async () => {
      // Warm-up calls are not recorded in the per-part figures.
      await loadLivePage(db, data.workspaceId, anyLive(), recordParts ? parts : undefined);
      recordParts = true;
    },
    async () => {
      const liveId = anyLive();
      const naive = await loadLivePageNaive(db, data.workspaceId, liveId);
      check(compareSummary(`live ${liveId} summary`, await getLiveSummary(db, BigInt(liveId), now), naive.summary));
      check(compareTopGifters(`live ${liveId} top gifters`, await getLiveTopGifters(db, BigInt(liveId), TOP_GIFTERS), naive.gifters));
    },
  );
  await run(
    'gifters30d',
    '30-day gifter leaderboard, first page',
    () => gifterLeaderboard(db, account, { period: '30d', now }),
    async () => {
      const naive = await naiveLeaderboard(db, account, since, GIFTERS_PAGE_SIZE);
      check(compareLeaderboard('30-day leaderboard', await gifterLeaderboard(db, account, { period: '30d', now }), naive));
    },
  );
  const partTimings = Object.fromEntries(
    Object.entries(parts).map(([name, values]) => [name, { p50Ms: round(percentile(values, 50)), p99Ms: round(percentile(values, 99)) }]),
  );
  return { results, partTimings, comparisons, mismatches, bigLives: liveIds.length };
}

const loadAverage = () => os.loadavg().map((v) => round(v, 2));

async function main(): Promise<void> {
  const options = readOptions();
  const now = new Date();
  const loadBefore = loadAverage();
  say(`load average before: ${loadBefore.join(', ')} on ${os.cpus().length} cores`);
  const database = await startBenchDatabase('dashboard');
  let data: GeneratedData;
  let measured: Awaited<ReturnType<typeof measure>>;
  try {
    say(`generating about ${options.events.toLocaleString('en-US')} stored events…`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      data = await generateDashboardData(client, { events: options.events, now, say });
    } finally {
      await client.end();
    }
    say(`${data.storedEvents.toLocaleString('en-US')} stored event rows in ${data.seconds.total} s: ${JSON.stringify(data.rows)}`);
    const db = createDb(database.url, { max: 10, applicationName: 'bench-dashboard' });
    try {
      measured = await measure(db, data, options, now);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await database.stop();
    say(`failed; the database folder is kept for its log: ${path.join(ROOT, '.data', 'bench', 'dashboard')}`);
    throw error;
  }
  await database.stop();
  fs.rmSync(path.join(ROOT, '.data', 'bench', 'dashboard'), { recursive: true, force: true });
  const loadAfter = loadAverage();

  const targetMet = Object.values(measured.results).every((r) => r.meetsTarget);
  const result = {
    bench: 'dashboard',
    machine: machineLine(),
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    requestedEvents: options.events,
    storedEvents: data.storedEvents,
    rows: data.rows,
    generationSeconds: data.seconds.total,
    targetP99Ms: TARGET_P99_MS,
    targetMet,
    comparisons: measured.comparisons,
    mismatches: measured.mismatches.length,
    queries: Object.fromEntries(Object.entries(measured.results).map(([name, r]) => [name, { real: r.real, naive: r.naive }])),
    livePageParts: measured.partTimings,
  };
  writeBenchSection(
    'dashboard',
    renderDashboardSection({ ...result, data, results: measured.results, mismatchList: measured.mismatches, bigLives: measured.bigLives, options, when: now }),
  );
  if (measured.mismatches.length > 0) say(`!!! ${measured.mismatches.length} MISMATCHES between rollups and raw rows (see above) !!!`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
