// `npm run record -- <handle> <out.jsonl> [--minutes N]`
// `npm run record -- <room id> <out.jsonl> --platform bilibili [--minutes N]`
// Records a real TikTok LIVE session: every raw websocket frame (the library's `websocketData` event)
// into a livelens-replay/1 file that `npm run replay` plays back through the same decoder. Needs
// network access to TikTok (and TIKTOK_SIGN_API_KEY for sensible rate limits). For Bilibili, every raw
// websocket packet of the room (BILIBILI_API_BASE, optional BILIBILI_SESSDATA) until the live ends.
import { getEnv, type Env } from '@/lib/env';
import { handleSchema } from '@/lib/tiktok/handle';
import { ReplayWriter } from '@/lib/live/replay-file';
import { parseArgs } from '@/worker/cli/args';
import { TikTokSource } from '@/worker/sources/tiktok';
import { BilibiliSource, bilibiliOptionsFromEnv } from '@/worker/sources/bilibili';

async function recordBilibili(roomInput: string, out: string, minutes: number, env: Env): Promise<void> {
  if (!/^\d{1,16}$/.test(roomInput)) throw new Error('A Bilibili room id is a number, e.g. 21144080');
  let writer: ReplayWriter | undefined;
  const recordingStart = Date.now();
  // Packets can arrive before start() resolves (right after the auth reply).
  const early: { bytes: Buffer; t: number }[] = [];
  const source = new BilibiliSource(roomInput, {
    ...bilibiliOptionsFromEnv(env),
    onPacket: (bytes) => (writer ? writer.write(bytes) : early.push({ bytes, t: Date.now() - recordingStart })),
  });
  const reason = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(`${minutes} minutes recorded`), minutes * 60_000);
    process.on('SIGINT', () => resolve('stopped by Ctrl-C'));
    source
      .start({
        events: () => undefined,
        disconnected: ({ reason: why }) => {
          clearTimeout(timer);
          resolve(why);
        },
        error: (error, context) => process.stderr.write(`[record] ${context}: ${error instanceof Error ? error.message : String(error)}\n`),
      })
      .then((started) => {
        writer = new ReplayWriter(out, { platform: 'bilibili', handle: roomInput, roomId: started.roomId, startedAt: recordingStart, recordedAt: new Date(recordingStart).toISOString() }, recordingStart);
        for (const frame of early.splice(0)) writer.write(frame.bytes, frame.t);
        process.stderr.write(`[record] connected to Bilibili room ${started.roomId}; recording into ${out}\n`);
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        resolve(`could not connect: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await source.stop();
  await writer?.close();
  process.stdout.write(`${JSON.stringify({ file: writer ? out : null, frames: writer?.frames ?? 0, reason })}\n`);
  if (!writer) process.exitCode = 1;
}

async function main(): Promise<void> {
  const { positionals, flags } = parseArgs(process.argv.slice(2));
  const [handleInput, out] = positionals;
  if (!handleInput || !out) throw new Error('Usage: npm run record -- <handle or Bilibili room id> <out.jsonl> [--platform tiktok|bilibili] [--minutes N]');
  const minutes = Number(flags.get('minutes') ?? 60);
  const env = getEnv();
  const platform = flags.get('platform') ?? 'tiktok';
  if (platform === 'bilibili') return recordBilibili(handleInput, out, minutes, env);
  if (platform !== 'tiktok') throw new Error('--platform must be tiktok or bilibili');
  const handle = handleSchema.parse(handleInput);
  let writer: ReplayWriter | undefined;
  const recordingStart = Date.now();
  // Frames arrive while connect() is still resolving (before we know the room id for the header).
  const early: { bytes: Uint8Array; t: number }[] = [];
  const source = new TikTokSource(handle, {
    signApiKey: env.TIKTOK_SIGN_API_KEY,
    sessionId: env.TIKTOK_SESSION_ID,
    proxyUrl: env.TIKTOK_PROXY,
    onWebsocketData: (bytes) => (writer ? writer.write(bytes) : early.push({ bytes, t: Date.now() - recordingStart })),
  });
  const ended = new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(`${minutes} minutes recorded`), minutes * 60_000);
    // `on`, not `once`: Ctrl-C arrives twice (from the terminal and through tools/node/run.mjs).
    process.on('SIGINT', () => resolve('stopped by Ctrl-C'));
    void source
      .start({
        message: () => undefined,
        events: () => undefined,
        disconnected: ({ reason }) => {
          clearTimeout(timer);
          resolve(reason);
        },
        error: (error, context) => process.stderr.write(`[record] ${context}: ${error instanceof Error ? error.message : String(error)}\n`),
      })
      .then((started) => {
        writer = new ReplayWriter(out, { handle, roomId: started.roomId, startedAt: recordingStart, recordedAt: new Date(recordingStart).toISOString() }, recordingStart);
        for (const frame of early.splice(0)) writer.write(frame.bytes, frame.t);
        process.stderr.write(`[record] connected to @${handle} (room ${started.roomId}); recording into ${out}\n`);
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        resolve(`could not connect: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  const reason = await ended;
  await source.stop();
  await writer?.close();
  process.stdout.write(`${JSON.stringify({ file: writer ? out : null, frames: writer?.frames ?? 0, reason })}\n`);
  if (!writer) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
