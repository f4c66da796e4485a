// `npm run replay -- <file> [--as <handle>] [--speed realtime|max|<factor>]`
// Replays a recorded session through the whole pipeline — the platform's decoder (tiktok-live-connector's,
// or ours for Bilibili's packets), the normaliser, the write pipeline into Postgres and the fan-out to the
// realtime server (configured, or started the way `npm start` starts them) — then prints, as the last
// line, one JSON object with the totals it reads back from the database for that live: `platform`,
// `valueUnit` (`diamonds` or `gold`), `value`, `gifts`, `superChats`, `guards`, `comments`, `likes`,
// `follows`, `shares`, `peakViewers`, `uniqueGifters` (issue 20, item 4), and for TikTok `diamonds` too.
import fs from 'node:fs';
import { createDb } from '@/lib/db';
import { EnvError, parseEnv, resetEnvCache } from '@/lib/env';
import { ensureServices } from '@/tools/infra/services';
import { readReplayHeader, replayPlatform } from '@/lib/live/replay-file';
import { createLogger } from '@/lib/logger';
import { createPusher } from '@/lib/realtime/server';
import { bilibiliUidSchema } from '@/lib/platforms/channel-page';
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
  const platform = replayPlatform(header);
  if (platform !== 'tiktok' && platform !== 'bilibili') throw new Error(`${file}: ${platform} replays cannot be played yet`);
  // A Bilibili recording is replayed as a channel named by a number (its room, or the uid given).
  const parsedHandle = (platform === 'bilibili' ? bilibiliUidSchema : handleSchema).safeParse(flags.get('as') ?? header.handle);
  if (!parsedHandle.success) throw new Error(`--as: ${parsedHandle.error.issues[0]?.message ?? 'not a handle'}`);

  const services = await ensureServices(parseEnv(), { say });
  Object.assign(process.env, services.pusherEnv, { DATABASE_URL: services.databaseUrl });
  resetEnvCache();
  const db = createDb(services.databaseUrl, { max: 4, applicationName: 'livelens-replay' });
  try {
    say(`replaying ${file} as ${platform === 'tiktok' ? '@' : 'Bilibili '}${parsedHandle.data} at ${speed === 'max' ? 'full speed' : `${speed}× speed`}`);
    const result = await runReplay({ file, handle: parsedHandle.data, speed, db, databaseUrl: services.databaseUrl, pusher: createPusher(), log: createLogger('replay') });
    say(`${result.end.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.end.events / result.seconds)}/s); ${result.end.reason}`);
    const { liveId, platform: _platform, valueUnit, value, ...counts } = result.session;
    process.stdout.write(
      `${JSON.stringify({ platform, handle: result.handle, roomId: result.roomId, liveId, valueUnit, value, ...(platform === 'tiktok' ? { diamonds: value } : {}), ...counts })}\n`,
    );
  } finally {
    await db.$disconnect();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
