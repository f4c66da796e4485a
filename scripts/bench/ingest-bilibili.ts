// bench:ingest's Bilibili part (issue 20, item 8): a busy synthetic Bilibili session (raw websocket packets:
// danmaku, gold and silver gifts with combos, Super Chats, guards, likes, enters, follows, shares, viewer
// counts, zlib and brotli batches, 1% packets received twice), measured like the TikTok session:
//   1. decode-only: every packet through our decoder, normaliser and repeat filter (BilibiliSessionCounter)
//      with nothing after it;
//   2. end to end at full speed: the same recording through the worker's chain (BilibiliReplaySource, the
//      write pipeline) into Postgres; events persisted per second and time from decoded to committed.
// Runs alternate and their ratio is taken pair by pair, as for TikTok; the stored totals must equal the
// generator's (the counting rules of docs/bilibili-counting.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReplayWriter } from '@/lib/live/replay-file';
import { createLogger } from '@/lib/logger';
import { BilibiliSessionCounter } from '@/lib/platforms/bilibili/counter';
import { generateBilibiliSession } from '@/lib/platforms/bilibili/synth';
import type { SessionTotals } from '@/lib/platforms/events';
import { endToEnd } from './end-to-end';
import { machineLine, round, writeBenchSection } from './lib';

const log = createLogger('bench');
const say = (message: string) => process.stderr.write(`[bench:ingest] ${message}\n`);
const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Commands decoded, normalised and filtered per second, by our decoder alone. */
function decodeOnce(frames: { t: number; frame: Buffer }[]): number {
  const counter = new BilibiliSessionCounter();
  const started = performance.now();
  for (const frame of frames) counter.addPacket(frame.frame, frame.t);
  return Math.round(counter.report.commands / ((performance.now() - started) / 1000));
}

const same = (a: SessionTotals, b: SessionTotals) => JSON.stringify(a) === JSON.stringify(b);

export async function bilibiliBench(databaseUrl: string, minutes: number): Promise<Record<string, unknown>> {
  say(`generating a busy ${minutes}-minute Bilibili session…`);
  const startTime = Date.parse('2026-11-01T12:00:00Z');
  const session = generateBilibiliSession({
    seed: 78, roomId: '7788001', durationSec: minutes * 60, startTime, audience: 5000, peakViewers: 20_000,
    chatsPerMinute: 3000, giftsPerMinute: 600, superChatsPerMinute: 10, guardsPerMinute: 2, likesPerMinute: 3000, entersPerMinute: 3000,
    followsPerMinute: 100, sharesPerMinute: 100, batchRate: 0.4, duplicatePacketRate: 0.01,
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-bench-bili-')), 'busy.jsonl');
  const writer = new ReplayWriter(file, { ...session.header, startedAt: startTime });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();
  try {
    say('Bilibili decode-only, warm-up pass…');
    say(`  ${decodeOnce(session.frames)} commands/s`);
    say('Bilibili end to end at full speed (warm-up run, not counted)…');
    const warmUp = await endToEnd({ file, databaseUrl, speed: 'max', handle: '7788001', log });
    say(`  ${warmUp.eventsPerSecond} events/s persisted`);
    const decodeRuns: number[] = [];
    const fullRuns: Awaited<ReturnType<typeof endToEnd>>[] = [];
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      decodeRuns.push(decodeOnce(session.frames));
      say(`Bilibili decode-only (run ${run} of ${RUNS}): ${decodeRuns.at(-1)} commands/s`);
      const r = await endToEnd({ file, databaseUrl, speed: 'max', handle: String(7788001 + run), log });
      say(`Bilibili end to end (run ${run} of ${RUNS}): ${r.eventsPerSecond} events/s; decoded→committed p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
      fullRuns.push(r);
      ratios.push(r.eventsPerSecond / (decodeRuns.at(-1) ?? 1));
    }
    const full = [...fullRuns].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(RUNS / 2)] ?? fullRuns[0]!;
    const exact = [warmUp, ...fullRuns].every((r) => same(r.session, session.expected));
    const ratio = round(median(ratios), 3);
    const result = {
      bilibiliPackets: session.frames.length,
      bilibiliCommands: session.messages,
      bilibiliDecodeOnlyCommandsPerSecond: median(decodeRuns),
      bilibiliDecodeOnlyRuns: decodeRuns,
      bilibiliEndToEndEventsPerSecond: full.eventsPerSecond,
      bilibiliEndToEndRuns: fullRuns.map((r) => r.eventsPerSecond),
      bilibiliEndToEndRatio: ratio,
      bilibiliCommitP50Ms: full.p50Ms,
      bilibiliCommitP99Ms: full.p99Ms,
      bilibiliTotalsExact: exact,
    };
    const n = (value: number) => value.toLocaleString('en-US');
    writeBenchSection(
      'ingest-bilibili',
      `## Ingest, Bilibili (\`npm run bench:ingest\`, part \`bilibili\`)

Machine: ${machineLine()}. Run ${new Date().toISOString().slice(0, 16)}Z. Input: a synthetic ${minutes}-minute busy Bilibili session of ${n(session.messages)} commands in ${n(session.frames.length)} websocket packets (danmaku, gold and silver gifts with combos, Super Chats, guards, likes, enters, follows, shares, viewer counts; 40% of packets zlib or brotli batches; 1% received twice), replayed through one worker process's chain into a fresh embedded Postgres. Expected: ${n(session.expected.value)} gold, ${n(session.expected.gifts)} gifts, ${session.expected.superChats} Super Chats, ${session.expected.guards} guards, ${n(session.expected.comments)} comments.

| measurement | result | target |
|---|---|---|
| decode only (packet decoder, normaliser, repeat filter), median of ${RUNS}, each just before an end-to-end run | ${n(median(decodeRuns))} commands/s (runs: ${decodeRuns.map(n).join(', ')}) | — |
| end to end, full speed, events persisted, median of ${RUNS} after a warm-up run | ${n(full.eventsPerSecond)} events/s (runs: ${fullRuns.map((r) => n(r.eventsPerSecond)).join(', ')}; warm-up: ${n(warmUp.eventsPerSecond)}) | — |
| end to end ÷ decode only, median of the ${RUNS} pairs | ${(ratio * 100).toFixed(1)}% (pairs: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}) | ≥ 40% |
| decoded → committed at full speed (queue included) | p50 ${full.p50Ms} ms, p99 ${full.p99Ms} ms; ${full.seconds} s a run, ${full.drainSeconds} s of it after the last packet | — |
| stored totals equal the generator's (every field of \`npm run replay\`'s line) | ${exact ? 'yes' : 'NO'} | yes |

Decode-only counts commands (what a packet carries, repeats and ignored commands included); end to end counts the events stored (after the counting rules leave out COMBO_SEND, repeats and the like), so the ratio understates the chain a little.

Command: \`BENCH_PARTS=bilibili npm run bench:ingest\` (\`BENCH_MINUTES\` changes the session's length).`,
    );
    return result;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
