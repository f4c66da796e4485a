// The docs/benchmarks.md section of `npm run bench:dashboard`, rendered from its measurements.
import type { GeneratedData } from './dashboard-data';
import { EVENT_TABLES } from './dashboard-data';
import { NAIVE_SQL } from './dashboard-naive';

export type Timing = { p50Ms: number; p99Ms: number; meanMs: number; iterations: number };
export type QueryResult = { label: string; real: Timing; naive: Timing; meetsTarget: boolean };

export type DashboardReport = {
  machine: string;
  when: Date;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  requestedEvents: number;
  storedEvents: number;
  data: GeneratedData;
  targetP99Ms: number;
  targetMet: boolean;
  comparisons: number;
  mismatchList: string[];
  results: Record<string, QueryResult>;
  livePageParts: Record<string, { p50Ms: number; p99Ms: number }>;
  bigLives: number;
  options: { iterations: number; naiveIterations: number };
};

const count = (n: number) => n.toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 0 })} MiB`;
const ms = (value: number) => `${value} ms`;

function tablesTable(data: GeneratedData): string {
  const rows = Object.keys(data.rows).map((table) => {
    const kind = (EVENT_TABLES as readonly string[]).includes(table) ? 'events' : ['live_viewers', 'gifter_stats'].includes(table) ? 'rollup' : '';
    return `| \`${table}\` | ${kind} | ${count(data.rows[table] ?? 0)} | ${mib(data.bytes[table] ?? 0)} |`;
  });
  const bytes = EVENT_TABLES.reduce((sum, t) => sum + (data.bytes[t] ?? 0), 0);
  return ['| table | kind | rows | size with indexes |', '|---|---|---|---|', ...rows, `| **stored events** (${EVENT_TABLES.map((t) => `\`${t}\``).join(' + ')}) | | **${count(data.storedEvents)}** | ${mib(bytes)} |`].join('\n');
}

function resultsTable(report: DashboardReport): string {
  const rows = Object.values(report.results).map(
    (r) => `| ${r.label} | ${ms(r.real.p50Ms)} | ${ms(r.real.p99Ms)} | ${ms(r.real.meanMs)} | ${ms(r.naive.p50Ms)} | ${ms(r.naive.p99Ms)} | ${ms(r.naive.meanMs)} | ${r.meetsTarget ? 'yes' : '**NO**'} |`,
  );
  return ['| query | p50 | p99 | mean | naive p50 | naive p99 | naive mean | p99 < 200 ms |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export function renderDashboardSection(report: DashboardReport): string {
  const { data } = report;
  const s = data.seconds;
  const parts = Object.entries(report.livePageParts).map(([name, t]) => `\`${name}\` p50 ${ms(t.p50Ms)} / p99 ${ms(t.p99Ms)}`).join(', ');
  const mismatches = report.mismatchList.length;
  const agreement =
    mismatches === 0
      ? `all ${report.comparisons} naive answers equal the real ones, field by field (totals, per-row counters, top gifters and leaderboard ranks, lives attended).`
      : `**${mismatches} MISMATCHES** in ${report.comparisons} comparisons — a rollup or a reader of it is wrong:\n\n${report.mismatchList.slice(0, 10).map((m) => `- ${m}`).join('\n')}`;
  const sql = (title: string, text: string) => `${title}:\n\n\`\`\`sql${text}\n\`\`\``;
  return `## Dashboard queries on 10 million events (\`npm run bench:dashboard\`)

Machine: ${report.machine}. Run ${report.when.toISOString().slice(0, 16)}Z. Load average (1, 5, 15 min) ${report.loadAverageBefore.join(', ')} before the run and ${report.loadAverageAfter.join(', ')} after it — other work on this machine at the same time shows here.

Data: ${count(data.storedEvents)} stored event rows (\`--events ${report.requestedEvents}\`), generated with set-based SQL into a fresh embedded Postgres 17 (default durable settings, shared_buffers 256 MB). Ten accounts: one big streamer with a live every day for 365 days (${report.bigLives} lives, about 85% of the events) and nine smaller ones with 60 lives each; viewer samples every ${data.sampleEverySeconds} s; chats, like buckets (per viewer per minute), gifts with streaks and follows/shares per live; gifters heavy-tailed (the top 1% send the expensive gifts and the long streaks). The rollups (running totals on \`lives\`, \`live_viewers\`, \`gifter_stats\`) are derived from the raw rows with the meaning the worker gives them, then VACUUM ANALYZE and a checkpoint.

${tablesTable(data)}

Generation: ${s.total} s in all — accounts, viewers and lives ${s.base} s, event rows ${s.events} s, secondary indexes rebuilt ${s.indexes} s, rollups ${s.rollups} s, VACUUM ANALYZE and checkpoint ${s.vacuum} s.

Latency: each query called through the app's own functions and Prisma client (pg driver adapter, pool of 10), one call at a time, ${report.options.iterations} runs each after a warm-up; the naive versions ${report.options.naiveIterations} runs each. Pages, lives and inputs are picked at random (seeded) from the generated data.

${resultsTable(report)}

Target (p99 under ${report.targetP99Ms} ms for every real query): **${report.targetMet ? 'met' : 'NOT met'}**.

The live page is \`requireOwnLive\`, then \`getLiveSummary\`, \`getLiveSeries\`, \`getLiveTopGifters\` (10) and \`getGiftBreakdown\` in parallel (as \`page.tsx\` loads them), then \`searchChats\` page 1 with no query (the chat browser's first fetch). Its parts, timed inside that load: ${parts}.

Rollups against raw rows: ${agreement}

What the naive versions compute from the raw tables (the live page's series, gift breakdown and chat page already read raw rows, so its naive version differs only in the summary and the top gifters, which the real page reads from \`live_viewers\`):

${sql('Lives list, newest first', NAIVE_SQL.livesByStart)}

${sql('Lives list, sorted by diamonds', NAIVE_SQL.livesByDiamonds)}

${sql('Live summary counters', NAIVE_SQL.liveSummary)}

${sql('Live top gifters', NAIVE_SQL.liveTopGifters)}

${sql('30-day gifter leaderboard', NAIVE_SQL.leaderboard)}

Notes on the data: \`lives.likes\` is TikTok's room total in production (never below the stored likes); here every like was stored, so it equals the sum of the buckets. Join messages leave no row, so \`lives.joins\` is one join per viewer seen. \`processed_messages\` (message ids of likes and joins, kept for idempotency and pruned once a live is long over) is not generated: the dashboard never reads it.

Command: \`npm run bench:dashboard\` (\`-- --events N\` or \`BENCH_EVENTS\`, \`--iterations\`, \`--naive-iterations\`).`;
}
