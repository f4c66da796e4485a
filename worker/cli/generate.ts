// `npm run replay:generate -- <out.jsonl> [--seed N] [--minutes M] [--handle h] [--room-id id]
//    [--rate low|normal|busy] [--duplicates 0.03] [--no-end]`
// Writes a synthetic livelens-replay/1 session and, beside it, <out>.expected.json with the totals a
// correct pipeline must store for it.
import fs from 'node:fs';
import { ReplayWriter } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';
import { parseArgs } from '@/worker/cli/args';

const RATES = {
  low: { chatsPerMinute: 8, likeMessagesPerMinute: 20, giftsPerMinute: 3, joinsPerMinute: 10, followsPerMinute: 1, sharesPerMinute: 1, audience: 30, peakViewers: 60 },
  normal: { chatsPerMinute: 25, likeMessagesPerMinute: 80, giftsPerMinute: 10, joinsPerMinute: 30, followsPerMinute: 3, sharesPerMinute: 2, audience: 80, peakViewers: 300 },
  busy: { chatsPerMinute: 300, likeMessagesPerMinute: 1500, giftsPerMinute: 120, joinsPerMinute: 400, followsPerMinute: 30, sharesPerMinute: 20, audience: 2000, peakViewers: 12000 },
} as const;

async function main(): Promise<void> {
  const { positionals, flags } = parseArgs(process.argv.slice(2), ['no-end']);
  const out = positionals[0];
  if (!out) throw new Error('Usage: npm run replay:generate -- <out.jsonl> [--seed N] [--minutes M] [--handle h] [--room-id id] [--rate low|normal|busy]');
  const rate = flags.get('rate') ?? 'normal';
  if (!(rate in RATES)) throw new Error(`--rate must be one of ${Object.keys(RATES).join(', ')}`);
  const seed = Number(flags.get('seed') ?? 1);
  const startTime = Date.parse(flags.get('start') ?? '2026-11-01T18:00:00Z');
  const session = generateSession({
    seed,
    handle: flags.get('handle') ?? 'synthetic.live',
    roomId: flags.get('room-id') ?? `73${String(seed).padStart(17, '0')}`,
    durationSec: Math.round(Number(flags.get('minutes') ?? 5) * 60),
    startTime,
    ...RATES[rate as keyof typeof RATES],
    duplicateFrameRate: Number(flags.get('duplicates') ?? 0.03),
    streamEnd: !flags.has('no-end'),
  });
  const writer = new ReplayWriter(out, { ...session.header, startedAt: startTime, note: `synthetic, seed ${seed}, rate ${rate}` });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();
  fs.writeFileSync(out.replace(/\.jsonl$/, '') + '.expected.json', `${JSON.stringify(session.expected, null, 2)}\n`);
  console.log(JSON.stringify({ file: out, frames: session.frames.length, messages: session.messages, bytes: fs.statSync(out).size, expected: session.expected }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
