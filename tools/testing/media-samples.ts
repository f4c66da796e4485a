// Small media files made in code for the media library's tests (and browser tests that upload one): real,
// minimal files of each accepted type, with the dimensions and lengths asked for, and the hostile ones
// the library must refuse (GIF bombs). PNG, GIF, WAV and MP3 decode in browsers (valid checksums, silent
// frames); the Ogg, MP4 and WebM samples carry real headers for the parsers but little or no media data.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u16le = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function pngChunk(type: string, body: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  return Buffer.concat([u32be(body.length), typed, u32be(crc32(typed))]);
}

/** A PNG of `width` × `height` in one colour; with `frames` > 1 an APNG header (acTL) too. */
export function samplePng(width: number, height: number, options: { frames?: number } = {}): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 6, 0, 0, 0])]);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x80)]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const frames = options.frames ?? 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(frames > 1 ? [pngChunk('acTL', Buffer.concat([u32be(frames), u32be(0)]))] : []),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A GIF with a `screen` logical screen and `frames` frames of `frame` size (each a one-colour image:
 * LZW codes of 3 bits, a clear code before every pixel so the table never grows).
 */
export function sampleGif(options: { screen: [number, number]; frame?: [number, number]; frames?: number }): Buffer {
  const [sw, sh] = options.screen;
  const [fw, fh] = options.frame ?? options.screen;
  const pixels = fw * fh;
  // Codes: clear (4), pixel 0, … , end (5); 3 bits each, packed least significant bit first.
  const codes: number[] = [];
  for (let i = 0; i < pixels; i += 1) codes.push(4, 1);
  codes.push(5);
  const packed: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const code of codes) {
    acc |= code << bits;
    bits += 3;
    while (bits >= 8) {
      packed.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) packed.push(acc & 0xff);
  const blocks: Buffer[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const part = packed.slice(i, i + 255);
    blocks.push(Buffer.from([part.length, ...part]));
  }
  const image = Buffer.concat([
    Buffer.from([0x21, 0xf9, 0x04, 0x04, 0x0a, 0x00, 0x00, 0x00]), // graphic control: 100 ms, keep
    Buffer.from([0x2c]), u16le(0), u16le(0), u16le(fw), u16le(fh), Buffer.from([0x00]),
    Buffer.from([0x02]), ...blocks, Buffer.from([0x00]),
  ]);
  const frames = options.frames ?? 1;
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'), u16le(sw), u16le(sh), Buffer.from([0xf1, 0x00, 0x00]),
    Buffer.from([0xff, 0x40, 0x00, 0x20, 0xc0, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]), // 4-colour table
    ...(frames > 1 ? [Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00])] : []),
    ...Array.from({ length: frames }, () => image),
    Buffer.from([0x3b]),
  ]);
}

/** A silent 16-bit mono PCM WAV of `ms` milliseconds. */
export function sampleWav(ms: number, rate = 8000): Buffer {
  const samples = Math.round((rate * ms) / 1000);
  const data = Buffer.alloc(samples * 2);
  const fmt = Buffer.concat([u16le(1), u16le(1), u32le(rate), u32le(rate * 2), u16le(2), u16le(16)]);
  return Buffer.concat([
    Buffer.from('RIFF', 'latin1'), u32le(4 + 8 + fmt.length + 8 + data.length), Buffer.from('WAVE', 'latin1'),
    Buffer.from('fmt ', 'latin1'), u32le(fmt.length), fmt,
    Buffer.from('data', 'latin1'), u32le(data.length), data,
  ]);
}

/**
 * A silent MPEG-1 layer III file (128 kbit/s, 44.1 kHz, 417-byte frames of zero side information) of
 * `frames` frames (26.1 ms each); optionally behind an ID3v2 tag and with a Xing header frame.
 */
export function sampleMp3(frames: number, options: { id3?: boolean; xing?: boolean } = {}): Buffer {
  const frame = () => {
    const f = Buffer.alloc(417);
    f.set([0xff, 0xfb, 0x90, 0x00]);
    return f;
  };
  const parts: Buffer[] = [];
  if (options.id3) {
    const title = Buffer.concat([Buffer.from('TIT2', 'latin1'), u32be(6), Buffer.from([0, 0, 0]), Buffer.from('Ding', 'latin1')]);
    parts.push(Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0, 0, 0, 0, title.length]), title);
  }
  if (options.xing) {
    const x = frame();
    x.write('Xing', 36, 'latin1');
    x.writeUInt32BE(1, 40);
    x.writeUInt32BE(frames, 44);
    parts.push(x);
  }
  for (let i = 0; i < frames; i += 1) parts.push(frame());
  return Buffer.concat(parts);
}

function oggPage(options: { granule: bigint; sequence: number; flags: number; packet: Buffer }): Buffer {
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'latin1');
  header[5] = options.flags;
  header.writeBigInt64LE(options.granule, 6);
  header.writeUInt32LE(0x4c4c, 14); // stream serial
  header.writeUInt32LE(options.sequence, 18);
  const lacing: number[] = [];
  let left = options.packet.length;
  while (left >= 255) {
    lacing.push(255);
    left -= 255;
  }
  lacing.push(left);
  header[26] = lacing.length;
  const page = Buffer.concat([header, Buffer.from(lacing), options.packet]);
  // Ogg's CRC-32: polynomial 0x04c11db7, not reflected, over the page with its CRC field zero.
  let crc = 0;
  for (const byte of page) {
    crc ^= byte << 24;
    for (let k = 0; k < 8; k += 1) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  page.writeUInt32LE(crc >>> 0, 22);
  return page;
}

/** An Ogg Opus file of `ms` milliseconds (OpusHead with a 312-sample pre-skip, OpusTags, silent 20 ms packets). */
export function sampleOgg(ms: number): Buffer {
  const preSkip = 312;
  const head = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1]), u16le(preSkip), u32le(48000), u16le(0), Buffer.from([0])]);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), u32le(4), Buffer.from('test', 'latin1'), u32le(0)]);
  const packets = Math.ceil(ms / 20);
  const audio = Buffer.concat(Array.from({ length: packets }, () => Buffer.from([0xf8, 0xff, 0xfe])));
  return Buffer.concat([
    oggPage({ granule: 0n, sequence: 0, flags: 2, packet: head }),
    oggPage({ granule: 0n, sequence: 1, flags: 0, packet: tags }),
    oggPage({ granule: BigInt(Math.round((ms * 48000) / 1000) + preSkip), sequence: 2, flags: 4, packet: audio }),
  ]);
}

function box(type: string, ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  return Buffer.concat([u32be(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/** An MP4 header (ftyp, moov with mvhd and one video trak/tkhd) of `ms` milliseconds and `width` × `height`. */
export function sampleMp4(ms: number, width: number, height: number, brand = 'isom'): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(ms, 16); // duration
  mvhd.writeUInt32BE(0x00010000, 20);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(0x00000003, 0); // version 0, enabled
  tkhd.writeUInt32BE(1, 12); // track id
  tkhd.writeUInt32BE(width * 65536, 76);
  tkhd.writeUInt32BE(height * 65536, 80);
  return Buffer.concat([
    box('ftyp', Buffer.from(brand, 'latin1'), u32be(512), Buffer.from('isomiso2mp41', 'latin1')),
    box('moov', box('mvhd', mvhd), box('trak', box('tkhd', tkhd))),
    box('mdat'),
  ]);
}

function ebml(id: number[], body: Buffer): Buffer {
  // Sizes as 8-byte vints (0x01 then 7 bytes), as some muxers write them.
  const size = Buffer.alloc(8);
  size[0] = 0x01;
  size.writeUIntBE(body.length, 2, 6);
  return Buffer.concat([Buffer.from(id), size, body]);
}

const ebmlUint = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** A WebM header (EBML, Segment with Info's Duration and a video track's size) of `ms` milliseconds. */
export function sampleWebm(ms: number, width: number, height: number, docType = 'webm'): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(ms); // in TimecodeScale units of 1 ms
  return Buffer.concat([
    ebml([0x1a, 0x45, 0xdf, 0xa3], Buffer.concat([ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from(docType, 'latin1'))])),
    ebml(
      [0x18, 0x53, 0x80, 0x67],
      Buffer.concat([
        ebml([0x15, 0x49, 0xa9, 0x66], Buffer.concat([ebml([0x2a, 0xd7, 0xb1], ebmlUint(1_000_000)), ebml([0x44, 0x89], duration)])),
        ebml([0x16, 0x54, 0xae, 0x6b], ebml([0xae], Buffer.concat([ebml([0xd7], Buffer.from([1])), ebml([0xe0], Buffer.concat([ebml([0xb0], ebmlUint(width)), ebml([0xba], ebmlUint(height))]))]))),
        ebml([0x1f, 0x43, 0xb6, 0x75], Buffer.alloc(16)),
      ]),
    ),
  ]);
}

/** A tiny ELF header: what a renamed Linux executable starts with. */
export function sampleElf(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
}
