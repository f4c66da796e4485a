// The media sniffer on real small files made in tools/testing/media-samples.ts, and on the hostile uploads
// issue 16 names: a renamed executable, an empty file, an oversized one, GIF bombs, SVG with script.
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/api/errors';
import { MAX_BYTES } from '@/lib/media/limits';
import { checkSize, sniffMedia, type MediaRejection } from '@/lib/media/sniff';
import { sampleElf, sampleGif, sampleMp3, sampleMp4, sampleOgg, samplePng, sampleWav, sampleWebm } from '@/tools/testing/media-samples';

function refusal(run: () => unknown): MediaRejection | undefined {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.details?.reason as MediaRejection;
    throw error;
  }
  return undefined;
}

const jpeg = (width: number, height: number) =>
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xd9,
  ]);

describe('accepted files: type from the bytes, size and length read', () => {
  it.each([
    ['PNG', samplePng(64, 32), { kind: 'IMAGE', mime: 'image/png', width: 64, height: 32, animated: false }],
    ['APNG', samplePng(10, 10, { frames: 12 }), { kind: 'IMAGE', mime: 'image/png', width: 10, height: 10, animated: true }],
    ['JPEG', jpeg(640, 480), { kind: 'IMAGE', mime: 'image/jpeg', width: 640, height: 480, animated: false }],
    ['GIF', sampleGif({ screen: [3, 2] }), { kind: 'IMAGE', mime: 'image/gif', width: 3, height: 2, animated: false }],
    ['animated GIF', sampleGif({ screen: [20, 10], frames: 5 }), { kind: 'IMAGE', mime: 'image/gif', width: 20, height: 10, animated: true }],
    ['WAV', sampleWav(1500), { kind: 'SOUND', mime: 'audio/wav', durationMs: 1500 }],
    // Without a Xing header the length is estimated from the size at the first frame's bitrate (100 × 1152 samples is 2612 ms).
    ['MP3 (CBR)', sampleMp3(100), { kind: 'SOUND', mime: 'audio/mpeg', durationMs: 2606 }],
    ['MP3 with ID3 and Xing', sampleMp3(200, { id3: true, xing: true }), { kind: 'SOUND', mime: 'audio/mpeg', durationMs: 5224 }],
    ['Ogg Opus', sampleOgg(3000), { kind: 'SOUND', mime: 'audio/ogg', durationMs: 3000 }],
    ['MP4', sampleMp4(4200, 1280, 720), { kind: 'VIDEO', mime: 'video/mp4', width: 1280, height: 720, durationMs: 4200 }],
    ['WebM', sampleWebm(2500, 640, 360), { kind: 'VIDEO', mime: 'video/webm', width: 640, height: 360, durationMs: 2500 }],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffMedia(bytes)).toMatchObject(expected);
  });

  it('takes a GIF without its trailer byte (browsers show it), but not one cut inside a frame', () => {
    const gif = sampleGif({ screen: [4, 4], frames: 2 });
    expect(sniffMedia(gif.subarray(0, gif.length - 1))).toMatchObject({ mime: 'image/gif', animated: true });
  });

  it('reads WebP headers: lossy, lossless and animated', () => {
    const riff = (chunks: Buffer) => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBP'), chunks]);
    const lossy = Buffer.alloc(30);
    lossy.write('VP8 ', 0);
    lossy.writeUInt32LE(20, 4);
    lossy.set([0x9d, 0x01, 0x2a], 11);
    lossy.writeUInt16LE(300, 14);
    lossy.writeUInt16LE(200, 16);
    expect(sniffMedia(riff(lossy))).toMatchObject({ mime: 'image/webp', width: 300, height: 200, animated: false });
    const lossless = Buffer.alloc(14);
    lossless.write('VP8L', 0);
    lossless.writeUInt32LE(5, 4);
    lossless[8] = 0x2f;
    lossless.writeUInt32LE((49 & 0x3fff) | ((29 & 0x3fff) << 14), 9);
    expect(sniffMedia(riff(lossless))).toMatchObject({ width: 50, height: 30 });
    const vp8x = Buffer.alloc(18);
    vp8x.write('VP8X', 0);
    vp8x.writeUInt32LE(10, 4);
    vp8x[8] = 0x02;
    vp8x.writeUIntLE(99, 12, 3);
    vp8x.writeUIntLE(49, 15, 3);
    const anmf = () => Buffer.concat([Buffer.from('ANMF'), Buffer.from([0, 0, 0, 0])]);
    expect(sniffMedia(riff(Buffer.concat([vp8x, anmf(), anmf(), anmf()])))).toMatchObject({ width: 100, height: 50, animated: true });
  });

  it('does not care what the file is called or what the browser said: the bytes decide', () => {
    // sniffMedia takes no name or type at all; a PNG is a PNG whatever it was uploaded as.
    expect(sniffMedia.length).toBe(1);
  });
});

describe('refused uploads', () => {
  it('a renamed executable (ELF, Windows PE, a shell script)', () => {
    expect(refusal(() => sniffMedia(sampleElf()))).toBe('executable');
    expect(refusal(() => sniffMedia(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)])))).toBe('executable');
    expect(refusal(() => sniffMedia(Buffer.from('#!/bin/sh\nrm -rf ~\n')))).toBe('executable');
  });

  it('a 0-byte file', () => {
    expect(refusal(() => sniffMedia(new Uint8Array()))).toBe('empty');
  });

  it('a file over its kind’s limit (a sound over 5 MB, an image over 10 MB)', () => {
    const big = Buffer.concat([sampleWav(100), Buffer.alloc(MAX_BYTES.SOUND)]);
    expect(refusal(() => sniffMedia(big))).toBe('too-large');
    expect(refusal(() => checkSize('IMAGE', MAX_BYTES.IMAGE + 1))).toBe('too-large');
    expect(refusal(() => checkSize('IMAGE', MAX_BYTES.IMAGE))).toBeUndefined();
  });

  it('GIF bombs: a huge logical screen, and many full frames over the pixel budget', () => {
    const screen = sampleGif({ screen: [65535, 65535], frame: [1, 1] });
    expect(screen.length).toBeLessThan(200);
    expect(refusal(() => sniffMedia(screen))).toBe('bomb');
    const frames = sampleGif({ screen: [1000, 1000], frame: [1, 1], frames: 400 });
    expect(refusal(() => sniffMedia(frames))).toBe('bomb');
    // The same frames on a small screen are fine.
    expect(sniffMedia(sampleGif({ screen: [100, 100], frame: [1, 1], frames: 400 }))).toMatchObject({ animated: true });
  });

  it('SVG with script, and other markup', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect(refusal(() => sniffMedia(Buffer.from(svg)))).toBe('markup');
    expect(refusal(() => sniffMedia(Buffer.from(`\uFEFF  <?xml version="1.0"?>\n${svg}`)))).toBe('markup');
    expect(refusal(() => sniffMedia(Buffer.from('<!DOCTYPE html><html><script>1</script>')))).toBe('markup');
  });

  it('a file whose structure is broken, and types that are not accepted', () => {
    expect(refusal(() => sniffMedia(samplePng(10, 10).subarray(0, 20)))).toBe('damaged');
    expect(refusal(() => sniffMedia(sampleGif({ screen: [5, 5] }).subarray(0, 30)))).toBe('damaged');
    expect(refusal(() => sniffMedia(Buffer.from('just some text')))).toBe('unsupported');
    expect(refusal(() => sniffMedia(Buffer.from('PK\x03\x04 a zip file')))).toBe('unsupported');
    expect(refusal(() => sniffMedia(sampleMp4(1000, 0, 0, 'M4A ')))).toBe('unsupported');
    expect(refusal(() => sniffMedia(sampleWebm(1000, 10, 10, 'matroska')))).toBe('unsupported');
    // Random bytes that start like an MPEG frame but are not followed by a second one.
    expect(refusal(() => sniffMedia(Buffer.from([0xff, 0xfb, 0x90, 0x00, 1, 2, 3])))).toBe('unsupported');
  });

  it('a sound longer than the limit', () => {
    expect(refusal(() => sniffMedia(sampleOgg(3 * 60_000)))).toBe('too-long');
  });
});
