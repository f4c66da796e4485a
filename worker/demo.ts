// The demo: without a TikTok key, `npm start` replays synthetic sessions for the seeded demo accounts,
// moved to the present, so the dashboard and overlays move. Each account gets its own session (generated
// once into the data folder, deterministic) and each replay is a new live.
//
// Cadence and size are those of the seeded history, so the totals stay believable: the accounts go live
// a couple of minutes apart after the data is seeded, then each every few hours (DEMO_REPLAY_PAUSE_SECONDS,
// with jitter), and a demo live has the history's pace and mix of gifts. (A 6-minute live of 14 big
// gifts a minute every 6.5 minutes took Koji Plays' 7-day earnings from $24–36 to $820–1,229 in 35 minutes.)
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ReplayWriter } from '@/lib/live/replay-file';
import { giftWeight } from '@/lib/seed/catalog';
import { generateSession, type SynthOptions } from '@/lib/live/synth';
import { generateBilibiliSession, type BilibiliSynthOptions } from '@/lib/platforms/bilibili/synth';

export const DEMO_SESSION_MINUTES = 6;
export const DEMO_AUDIENCE = 120;
/** The seeded lives' pace (0.6–2 gifts a minute, lib/seed/demo.ts), a little livelier for the feed. */
export const DEMO_GIFTS_PER_MINUTE = 2;
/** Part of the session file's name: a generator change that alters sessions makes new files. */
const DEMO_SESSION_VERSION = 3;

/** The seed of `handle`'s demo session. */
export function demoSessionSeed(handle: string): number {
  return createHash('sha256').update(handle).digest().readUInt32BE(0);
}

type GeneratedSession = { header: { handle: string; roomId: string; platform?: 'bilibili' }; frames: { t: number; frame: Uint8Array }[] };

/** `name` in the data folder's replays, written once (atomically, by rename) from `generate()`'s session. */
async function ensureSessionFile(dataDir: string, name: string, startedAt: number, note: string, generate: () => GeneratedSession): Promise<string> {
  const dir = path.join(dataDir, 'replays');
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const session = generate();
  const temp = `${file}.${process.pid}.tmp`;
  const writer = new ReplayWriter(temp, { ...session.header, startedAt, note });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();
  fs.renameSync(temp, file);
  return file;
}

/** Path of the demo session for `handle`, generating it on first use. */
export function ensureDemoSession(dataDir: string, handle: string): Promise<string> {
  const options = demoSessionOptions(handle);
  return ensureSessionFile(dataDir, `demo-v${DEMO_SESSION_VERSION}-${handle.replace(/[^a-z0-9_.]/g, '_')}.jsonl`, options.startTime, 'LiveLens demo session (synthetic)', () => generateSession(options));
}

/** Path of the demo session of Bilibili room `roomId` (raw packets), generating it on first use. */
export function ensureBilibiliDemoSession(dataDir: string, roomId: string): Promise<string> {
  const options = bilibiliDemoSessionOptions(roomId);
  return ensureSessionFile(dataDir, `demo-bilibili-v${DEMO_SESSION_VERSION}-${roomId.replace(/\D/g, '_')}.jsonl`, options.startTime, 'LiveLens demo session (synthetic Bilibili packets)', () => generateBilibiliSession(options));
}

/**
 * A Bilibili demo live: the TikTok demo's length, its chat pace, a few gifts and Super Chats and one guard
 * purchase (365,400 gold, ¥365, with the guard's ¥198): a small room's evening, every kind of paid event.
 */
export function bilibiliDemoSessionOptions(roomId: string): BilibiliSynthOptions {
  return {
    seed: demoSessionSeed(`bilibili:${roomId}`),
    roomId,
    durationSec: DEMO_SESSION_MINUTES * 60,
    startTime: Date.parse('2026-01-01T12:00:00Z'),
    audience: 80,
    peakViewers: 400,
    chatsPerMinute: 30,
    giftsPerMinute: 4,
    superChatsPerMinute: 0.5,
    guardsPerMinute: 0.1,
    streamEnd: true,
  };
}

/** What `handle`'s demo session is generated from. */
export function demoSessionOptions(handle: string): SynthOptions {
  const seed = demoSessionSeed(handle);
  return {
    seed,
    handle,
    roomId: `71${String(seed).padStart(17, '0')}`,
    durationSec: DEMO_SESSION_MINUTES * 60,
    startTime: Date.parse('2026-01-01T20:00:00Z'),
    audience: DEMO_AUDIENCE,
    peakViewers: 200 + (seed % 800),
    chatsPerMinute: 30,
    likeMessagesPerMinute: 120,
    giftsPerMinute: DEMO_GIFTS_PER_MINUTE,
    giftWeight,
    joinsPerMinute: 40,
    followsPerMinute: 4,
    sharesPerMinute: 3,
    duplicateFrameRate: 0.02,
  };
}

/** A fresh room id for each loop of a demo replay, so every loop is a live of its own. */
export function demoRoomId(handle: string, loopStartedAt: number): string {
  const digest = createHash('sha256').update(`${handle}:${loopStartedAt}`).digest();
  return `8${(digest.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '0')}`;
}
