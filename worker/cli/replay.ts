// `npm run replay -- <file> [--as <handle>] [--speed realtime|max|<factor>]`
// Replays a recorded session through the whole pipeline — the library's decoder, the normaliser, the
// write pipeline into Postgres and the fan-out to the realtime server (configured, or started the way
// `npm start` starts them) — then prints, as the last line, one JSON object with the totals it reads
// back from the database for that live. A Bilibili replay is counted by the session counter instead
// (the database cannot hold Bilibili lives until the platform model comes) and prints its totals.
import fs from 'node:fs';
import { createDb } from '@/lib/db';
import { EnvError, parseEnv, resetEnvCache } from '@/lib/env';
import { ensureServices } from '@/tools/infra/services';
import { readReplayHeader, replayPlatform } from '@/lib/live/replay-file';
import { countReplayFile } from '@/lib/platforms/bilibili/replay';
import { createLogger } from '@/lib/logger';
import { createPusher } from '@/lib/realtime/server';
import { handleSchema } from '@/lib/tiktok/handle';
import { parseArgs } from '@/worker/cli/args';
import { runReplay } from '@/worker/replay-run';
import { parseSpeed } from '@/worker/sources/replay';

const say = (message: string) => process.stderr.write(`[replay] ${message}\n`);

async function main(): Promise<void> {
  const { positionals, flags } = parseArgs(process.argv.slice(2));
  const file = positionals[0];
  if (!file) throw new Error('Usage: npm run replay -- <file.jsonl> [--as <handle>] [--speed realtime|max|<factor>]');
  if (!fs.existsSync(file)) throw new Error(`No such replay file: ${file}`);
  const speed = parseSpeed(flags.get('speed'));
  const header = await readReplayHeader(file);
  if (replayPlatform(header) === 'bilibili') return countBilibili(file, header.roomId);
  if (replayPlatform(header) !== 'tiktok') throw new Error(`${file}: ${replayPlatform(header)} replays cannot be played yet`);
  const parsedHandle = handleSchema.safeParse(flags.get('as') ?? header.handle);
  if (!parsedHandle.success) throw new Error(`--as: ${parsedHandle.error.issues[0]?.message ?? 'not a TikTok handle'}`);

  const services = await ensureServices(parseEnv(), { say });
  Object.assign(process.env, services.pusherEnv, { DATABASE_URL: services.databaseUrl });
  resetEnvCache();
  const db = createDb(services.databaseUrl, { max: 4, applicationName: 'livelens-replay' });
  try {
    say(`replaying ${file} as @${parsedHandle.data} at ${speed === 'max' ? 'full speed' : `${speed}× speed`}`);
    const result = await runReplay({ file, handle: parsedHandle.data, speed, db, databaseUrl: services.databaseUrl, pusher: createPusher(), log: createLogger('replay') });
    say(`${result.end.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.end.events / result.seconds)}/s); ${result.end.reason}`);
    const { totals } = result;
    process.stdout.write(
      `${JSON.stringify({ handle: result.handle, roomId: result.roomId, liveId: totals.liveId, diamonds: totals.diamonds, gifts: totals.gifts, likes: totals.likes, comments: totals.comments, follows: totals.follows, shares: totals.shares, peakViewers: totals.peakViewers, uniqueGifters: totals.uniqueGifters })}\n`,
    );
  } finally {
    await db.$disconnect();
    await services.stop();
  }
}

async function countBilibili(file: string, roomId: string): Promise<void> {
  say(`counting Bilibili room ${roomId} from ${file} (storage comes with the platform model: nothing is written to the database)`);
  const counter = await countReplayFile(file);
  const { report } = counter;
  const unknown = Object.entries(report.unknown).map(([cmd, n]) => `${cmd} ×${n}`).join(', ');
  say(`${report.packets} packets, ${report.commands} commands, ${report.duplicates} repeats dropped, ${report.undecodable} undecodable${unknown ? `; unknown: ${unknown}` : ''}`);
  const { platform, valueUnit, value, gifts, superChats, guards, comments, likes, follows, shares, peakViewers, uniqueGifters } = counter.totals();
  process.stdout.write(`${JSON.stringify({ platform, roomId, valueUnit, value, gifts, superChats, guards, comments, likes, follows, shares, peakViewers, uniqueGifters })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
