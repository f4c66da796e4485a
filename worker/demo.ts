// The demo: without a TikTok key, `npm start` replays synthetic sessions for the seeded demo accounts in
// a loop, moved to the present, so the dashboard and overlays move. Each account gets its own session
// (generated once into the data folder, deterministic) and each loop is a new live.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ReplayWriter } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';

export const DEMO_SESSION_MINUTES = 6;
export const DEMO_AUDIENCE = 120;
/** Part of the session file's name: a generator change that alters sessions makes new files. */
const DEMO_SESSION_VERSION = 2;

/** The seed of `handle`'s demo session. */
export function demoSessionSeed(handle: string): number {
  return createHash('sha256').update(handle).digest().readUInt32BE(0);
}

/** Path of the demo session for `handle`, generating it on first use. */
export async function ensureDemoSession(dataDir: string, handle: string): Promise<string> {
  const dir = path.join(dataDir, 'replays');
  const file = path.join(dir, `demo-v${DEMO_SESSION_VERSION}-${handle.replace(/[^a-z0-9_.]/g, '_')}.jsonl`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const seed = demoSessionSeed(handle);
  const startTime = Date.parse('2026-01-01T20:00:00Z');
  const session = generateSession({
    seed,
    handle,
    roomId: `71${String(seed).padStart(17, '0')}`,
    durationSec: DEMO_SESSION_MINUTES * 60,
    startTime,
    audience: DEMO_AUDIENCE,
    peakViewers: 200 + (seed % 800),
    chatsPerMinute: 30,
    likeMessagesPerMinute: 120,
    giftsPerMinute: 14,
    joinsPerMinute: 40,
    followsPerMinute: 4,
    sharesPerMinute: 3,
    duplicateFrameRate: 0.02,
  });
  const temp = `${file}.${process.pid}.tmp`;
  const writer = new ReplayWriter(temp, { ...session.header, startedAt: startTime, note: 'LiveLens demo session (synthetic)' });
  for (const frame of session.frames) writer.write(frame.frame, frame.t);
  await writer.close();
  fs.renameSync(temp, file);
  return file;
}

/** A fresh room id for each loop of a demo replay, so every loop is a live of its own. */
export function demoRoomId(handle: string, loopStartedAt: number): string {
  const digest = createHash('sha256').update(`${handle}:${loopStartedAt}`).digest();
  return `8${(digest.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, '0')}`;
}
