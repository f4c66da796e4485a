// `npm run replay:generate -- <out.jsonl> [--platform tiktok|bilibili] [--seed N] [--minutes M]
//    [--handle h] [--room-id id] [--rate low|normal|busy] [--duplicates 0.03] [--no-end]`
// Writes a synthetic livelens-replay/1 session and, beside it, <out>.expected.json with the totals a
// correct pipeline must store for it (for Bilibili: the totals `npm run replay` prints).
import fs from 'node:fs';
import { ReplayWriter } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';
import { generateBilibiliSession } from '@/lib/platforms/bilibili/synth';
import { parseArgs } from '@/worker/cli/args';

const RATES = {
  low: { chatsPerMinute: 8, likeMessagesPerMinute: 20, giftsPerMinute: 3, joinsPerMinute: 10, followsPerMinute: 1, sharesPerMinute: 1, audience: 30, peakViewers: 60 },
  normal: { chatsPerMinute: 25, likeMessagesPerMinute: 80, giftsPerMinute: 10, joinsPerMinute: 30, followsPerMinute: 3, sharesPerMinute: 2, audience: 80, peakViewers: 300 },
  busy: { chatsPerMinute: 300, likeMessagesPerMinute: 1500, giftsPerMinute: 120, joinsPerMinute: 400, followsPerMinute: 30, sharesPerMinute: 20, audience: 2000, peakViewers: 12000 },
} as const;

// Bilibili rooms of the same three sizes: gifts are cheaper and more frequent, guards and super chats rare.
const BILIBILI_RATES = {
  low: { chatsPerMinute: 10, giftsPerMinute: 4, superChatsPerMinute: 0.3, guardsPerMinute: 0.2, likesPerMinute: 15, entersPerMinute: 10, followsPerMinute: 1, sharesPerMinute: 0.5, audience: 30, peakViewers: 80, batchRate: 0.2 },
  normal: { chatsPerMinute: 40, giftsPerMinute: 15, superChatsPerMinute: 1, guardsPerMinute: 0.5, likesPerMinute: 60, entersPerMinute: 40, followsPerMinute: 3, sharesPerMinute: 1, audience: 120, peakViewers: 600, batchRate: 0.4 },
  busy: { chatsPerMinute: 400, giftsPerMinute: 150, superChatsPerMinute: 6, guardsPerMinute: 3, likesPerMinute: 900, entersPerMinute: 500, followsPerMinute: 30, sharesPerMinute: 10, audience: 3000, peakViewers: 20000, batchRate: 0.9 },
} as const;

type Session = ReturnType<typeof generateSession> | ReturnType<typeof generateBilibiliSession>;

/** Writes the session's frames to `out`, its expected totals beside it, and prints a summary. */
async function writeSession(out: string, session: Session, startTime: number, note: string): Promise<void> {
  const writer = new ReplayWriter(out, { ...session.header, startedAt: startTime, note });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();
  fs.writeFileSync(out.replace(/\.jsonl$/, '') + '.expected.json', `${JSON.stringify(session.expected, null, 2)}\n`);
  console.log(JSON.stringify({ file: out, frames: session.frames.length, messages: session.messages, bytes: fs.statSync(out).size, expected: session.expected }));
}

async function writeBilibili(out: string, flags: Map<string, string>, rate: keyof typeof RATES, seed: number, startTime: number): Promise<void> {
  const roomId = flags.get('room-id') ?? String(21_000_000 + seed);
  if (!/^\d{1,16}$/.test(roomId)) throw new Error('--room-id must be a numeric Bilibili room id');
  const session = generateBilibiliSession({
    seed,
    roomId,
    durationSec: Math.round(Number(flags.get('minutes') ?? 5) * 60),
    startTime,
    ...BILIBILI_RATES[rate],
    duplicatePacketRate: Number(flags.get('duplicates') ?? 0.03),
    streamEnd: !flags.has('no-end'),
  });
  await writeSession(out, session, startTime, `synthetic, seed ${seed}, rate ${rate}`);
}

async function main(): Promise<void> {
  const { positionals, flags } = parseArgs(process.argv.slice(2), ['no-end']);
  const out = positionals[0];
  if (!out) throw new Error('Usage: npm run replay:generate -- <out.jsonl> [--platform tiktok|bilibili] [--seed N] [--minutes M] [--handle h] [--room-id id] [--rate low|normal|busy]');
  const rate = flags.get('rate') ?? 'normal';
  if (!(rate in RATES)) throw new Error(`--rate must be one of ${Object.keys(RATES).join(', ')}`);
  const seed = Number(flags.get('seed') ?? 1);
  const startTime = Date.parse(flags.get('start') ?? '2026-11-01T18:00:00Z');
  const platform = flags.get('platform') ?? 'tiktok';
  if (platform === 'bilibili') return writeBilibili(out, flags, rate as keyof typeof RATES, seed, startTime);
  if (platform !== 'tiktok') throw new Error('--platform must be tiktok or bilibili');
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
  await writeSession(out, session, startTime, `synthetic, seed ${seed}, rate ${rate}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
