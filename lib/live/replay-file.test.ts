import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReplay, readReplayHeader, replayPlatform, ReplayFileError, ReplayWriter } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-replay-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

async function readAll(file: string) {
  const items = [];
  for await (const item of readReplay(file)) items.push(item);
  return items;
}

describe('livelens-replay/1 files', () => {
  it('round-trips a header and frames', async () => {
    const file = path.join(dir, 'round-trip.jsonl');
    const writer = new ReplayWriter(file, { handle: 'someone', roomId: '7123', startedAt: 1_760_000_000_000 }, 0);
    writer.write(Buffer.from([1, 2, 3]), 0);
    writer.write(Buffer.from([4, 5]), 1500);
    await writer.close();
    expect(await readReplayHeader(file)).toEqual({ format: 'livelens-replay/1', handle: 'someone', roomId: '7123', startedAt: 1_760_000_000_000 });
    const frames = (await readAll(file)).flatMap((i) => ('frame' in i ? [i.frame] : []));
    expect(frames.map((f) => [f.t, [...f.frame]])).toEqual([[0, [1, 2, 3]], [1500, [4, 5]]]);
  });

  it('names the file and line of what is wrong', async () => {
    await expect(readAll(write('empty.jsonl', ''))).rejects.toThrow(/empty\.jsonl:1: the file is empty/);
    await expect(readAll(write('bad-json.jsonl', '{"format":"livelens-replay/1","handle":"a","roomId":"1"}\nnot json\n'))).rejects.toThrow(/bad-json\.jsonl:2: not valid JSON/);
    await expect(readAll(write('bad-frame.jsonl', '{"format":"livelens-replay/1","handle":"a","roomId":"1"}\n{"t":-1,"frame":"AA=="}\n'))).rejects.toThrow(ReplayFileError);
    await expect(readAll(write('bad-room.jsonl', '{"format":"livelens-replay/1","handle":"a","roomId":"abc"}\n'))).rejects.toThrow(/roomId must be a numeric string/);
  });

  it('names the platform in the header; none means TikTok, whose room ids stay numeric', async () => {
    const bilibili = write('bilibili.jsonl', '{"format":"livelens-replay/1","platform":"bilibili","handle":"unknown","roomId":"unknown"}\n');
    expect(await readReplayHeader(bilibili)).toEqual({ format: 'livelens-replay/1', platform: 'bilibili', handle: 'unknown', roomId: 'unknown' });
    expect(replayPlatform(await readReplayHeader(write('old.jsonl', '{"format":"livelens-replay/1","handle":"a","roomId":"1"}\n')))).toBe('tiktok');
    await expect(readAll(write('tiktok-room.jsonl', '{"format":"livelens-replay/1","platform":"tiktok","handle":"a","roomId":"abc"}\n'))).rejects.toThrow(/roomId must be a numeric string/);
    await expect(readAll(write('other.jsonl', '{"format":"livelens-replay/1","platform":"myspace","handle":"a","roomId":"1"}\n'))).rejects.toThrow(/platform/);
  });
});

describe('synthetic sessions', () => {
  it('are the same bytes and totals for the same seed, and differ for another', () => {
    const options = { seed: 5, handle: 'x', roomId: '7', durationSec: 60, startTime: 1_760_000_000_000 };
    const a = generateSession(options);
    const b = generateSession(options);
    expect(b.expected).toEqual(a.expected);
    expect(Buffer.concat(b.frames.map((f) => f.frame)).equals(Buffer.concat(a.frames.map((f) => f.frame)))).toBe(true);
    expect(generateSession({ ...options, seed: 6 }).expected).not.toEqual(a.expected);
  });

  it('contain what the worker must cope with: duplicates, an unfinished streak, a stream end', () => {
    const session = generateSession({ seed: 9, handle: 'x', roomId: '7', durationSec: 120, startTime: 1_760_000_000_000, duplicateFrameRate: 0.2 });
    const unique = new Set(session.frames.map((f) => f.frame.toString('base64')));
    expect(unique.size).toBeLessThan(session.frames.length);
    expect(session.expected.gifts).toBeGreaterThan(0);
    expect(session.frames.every((f, i, all) => i === 0 || (all[i - 1]?.t ?? 0) <= f.t)).toBe(true);
  });
});
