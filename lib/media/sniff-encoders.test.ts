// The sniffer on files made by a real encoder (ffmpeg's lavfi test sources), when ffmpeg is installed
// (`apt-get install ffmpeg`); skipped otherwise. The hand-made samples of sniff.test.ts cover the same
// parsers everywhere; this checks them against what real MP3, Ogg, WebM and MP4 muxers write.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/api/errors';
import { sniffMedia } from '@/lib/media/sniff';

const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-encoders-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function encode(name: string, args: string[]): Buffer {
  const out = path.join(folder, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, out], { stdio: 'ignore' });
  return fs.readFileSync(out);
}

const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3.2'];
const picture = (size: string, seconds: number, rate = 25) => ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}:duration=${seconds}`];

describe.skipIf(!hasFfmpeg)('files from ffmpeg', () => {
  it.each([
    ['CBR MP3 (Xing "Info" frame)', 'cbr.mp3', [...tone, '-c:a', 'libmp3lame', '-b:a', '128k'], { mime: 'audio/mpeg', durationMs: 3239 }],
    ['VBR MP3', 'vbr.mp3', [...tone, '-c:a', 'libmp3lame', '-q:a', '4'], { mime: 'audio/mpeg', durationMs: 3239 }],
    ['MP3 without a tag or Xing frame', 'plain.mp3', [...tone, '-c:a', 'libmp3lame', '-b:a', '96k', '-write_xing', '0', '-id3v2_version', '0'], { mime: 'audio/mpeg', durationMs: 3239 }],
    ['Ogg Vorbis', 'vorbis.ogg', [...tone, '-c:a', 'libvorbis'], { mime: 'audio/ogg', durationMs: 3200 }],
    ['Ogg Opus', 'opus.ogg', [...tone, '-c:a', 'libopus'], { mime: 'audio/ogg', durationMs: 3200 }],
    ['WAV', 'pcm.wav', [...tone, '-ar', '22050'], { mime: 'audio/wav', durationMs: 3200 }],
    ['WebM VP8', 'vp8.webm', [...picture('320x240', 2.5), '-c:v', 'libvpx', '-b:v', '200k'], { mime: 'video/webm', width: 320, height: 240, durationMs: 2520 }],
    ['MP4', 'clip.mp4', [...picture('640x360', 2.5), '-c:v', 'mpeg4'], { mime: 'video/mp4', width: 640, height: 360, durationMs: 2520 }],
    ['animated GIF', 'anim.gif', picture('120x90', 1, 10), { mime: 'image/gif', width: 120, height: 90, animated: true }],
    ['APNG', 'anim.png', [...picture('120x90', 1, 10), '-plays', '0', '-f', 'apng'], { mime: 'image/png', width: 120, height: 90, animated: true }],
  ] as const)('%s', (_label, name, args, expected) => {
    expect(sniffMedia(encode(name, [...args]))).toMatchObject(expected);
  });

  it('refuses AAC in MP4 (an .m4a sound): not among the accepted types', () => {
    const m4a = encode('sound.m4a', ['-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac']);
    let reason: unknown;
    try {
      sniffMedia(m4a);
    } catch (error) {
      reason = isAppError(error) ? error.details?.reason : error;
    }
    expect(reason).toBe('unsupported');
  });
});
