// The replay file format, `livelens-replay/1`: JSON Lines. The first line is a header
// {"format":"livelens-replay/1","platform":"tiktok","handle":"...","roomId":"..."} (no `platform` means
// TikTok); every other line is one raw message exactly as the platform sent it,
// {"t": <ms since the start>, "frame": "<base64>"}: for TikTok the binary WebcastPushFrame a real
// connection's `websocketData` event delivers, for Bilibili one binary websocket packet (header included,
// compressed or not).
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';

export const REPLAY_FORMAT = 'livelens-replay/1';

/** Platforms a replay can come from; a header without `platform` is TikTok's (files from before it). */
export const REPLAY_PLATFORMS = ['tiktok', 'bilibili', 'twitch', 'youtube'] as const;
export type ReplayPlatform = (typeof REPLAY_PLATFORMS)[number];

export const replayHeaderSchema = z
  .object({
    format: z.literal(REPLAY_FORMAT),
    platform: z.enum(REPLAY_PLATFORMS).optional(),
    handle: z.string().min(1).max(64),
    // TikTok room ids are numeric; other platforms' are channel names or may be unknown for a capture.
    roomId: z.string().regex(/^[\w.:-]{1,64}$/, 'roomId must be letters, digits, or . _ : -'),
    recordedAt: z.string().optional(),
    /** The platform's clock (ms since the epoch) at t = 0, so a replay can be moved to the present. */
    startedAt: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .superRefine((header, context) => {
    if ((header.platform ?? 'tiktok') === 'tiktok' && !/^\d{1,25}$/.test(header.roomId)) {
      context.addIssue({ code: 'custom', path: ['roomId'], message: 'roomId must be a numeric string' });
    }
  });
export type ReplayHeader = z.infer<typeof replayHeaderSchema>;

export function replayPlatform(header: Pick<ReplayHeader, 'platform'>): ReplayPlatform {
  return header.platform ?? 'tiktok';
}

const frameLineSchema = z.object({ t: z.number().finite().min(0), frame: z.string().min(1) });
export type ReplayFrame = { t: number; frame: Buffer };

export class ReplayFileError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ReplayFileError';
  }
}

function parseJsonLine(file: string, lineNumber: number, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ReplayFileError(file, lineNumber, 'not valid JSON');
  }
}

/** Reads the header line only. */
export async function readReplayHeader(file: string): Promise<ReplayHeader> {
  for await (const item of readReplay(file)) {
    if ('header' in item) return item.header;
  }
  throw new ReplayFileError(file, 1, 'the file is empty');
}

/** Streams the header and then every frame, validating as it goes (large files are never loaded whole). */
export async function* readReplay(file: string): AsyncGenerator<{ header: ReplayHeader } | { frame: ReplayFrame; line: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let lineNumber = 0;
  let sawHeader = false;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const value = parseJsonLine(file, lineNumber, line);
    if (!sawHeader) {
      const header = replayHeaderSchema.safeParse(value);
      if (!header.success) {
        throw new ReplayFileError(file, lineNumber, `not a ${REPLAY_FORMAT} header: ${header.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
      sawHeader = true;
      yield { header: header.data };
      continue;
    }
    const frame = frameLineSchema.safeParse(value);
    if (!frame.success) throw new ReplayFileError(file, lineNumber, 'a frame line needs {"t": <ms>, "frame": "<base64>"}');
    yield { frame: { t: frame.data.t, frame: Buffer.from(frame.data.frame, 'base64') }, line: lineNumber };
  }
  if (!sawHeader) throw new ReplayFileError(file, 1, 'the file is empty');
}

/** Appends frames as they arrive (the recorder), or writes a whole session (the generator). */
export class ReplayWriter {
  private readonly stream: fs.WriteStream;
  private readonly clockStart: number;
  frames = 0;

  /** `clockStart`: the wall-clock time that `t = 0` stands for (now, for a recorder). */
  constructor(file: string, header: Omit<ReplayHeader, 'format'>, clockStart = Date.now()) {
    this.stream = fs.createWriteStream(file, { flags: 'w' });
    this.clockStart = clockStart;
    this.stream.write(`${JSON.stringify({ format: REPLAY_FORMAT, ...header })}\n`);
  }

  /** `t` defaults to the time since the writer was created. */
  write(frame: Uint8Array, t: number = Date.now() - this.clockStart): void {
    this.frames++;
    this.stream.write(`${JSON.stringify({ t: Math.max(0, Math.round(t)), frame: Buffer.from(frame).toString('base64') })}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}
