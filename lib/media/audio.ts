// Header parsers for the sound types the library accepts: WAV, MP3 (with or without ID3v2) and Ogg
// (Vorbis or Opus). Each returns null when the bytes are not its type and the duration in ms (null when
// the file does not say), and throws Truncated when the type's structure is broken.
import { Bytes, Truncated } from '@/lib/media/bytes';

export type SoundInfo = { mime: string; durationMs: number | null };

/** WAV: RIFF/WAVE with a `fmt ` chunk (byte rate) and a `data` chunk (its size). */
export function readWav(b: Bytes): SoundInfo | null {
  if (!b.startsWith('RIFF') || !b.startsWith('WAVE', 8)) return null;
  let byteRate = 0;
  let dataBytes: number | null = null;
  let at = 12;
  while (at + 8 <= b.length) {
    const id = b.ascii(at, 4);
    const size = b.u32le(at + 4);
    if (id === 'fmt ') byteRate = b.u32le(at + 16);
    if (id === 'data') {
      dataBytes = Math.min(size, b.length - at - 8);
      break;
    }
    at += 8 + size + (size % 2);
  }
  if (dataBytes === null || byteRate === 0) throw new Truncated();
  return { mime: 'audio/wav', durationMs: Math.round((dataBytes / byteRate) * 1000) };
}

// MPEG audio layer III tables (ISO/IEC 11172-3 and 13818-3): kbit/s by bitrate index, Hz by sample rate index.
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

type FrameHeader = { version: number; sampleRate: number; bitrate: number; mono: boolean; length: number; samples: number };

/** The layer III frame header at `at`, or null when those four bytes are not one. */
function frameHeader(b: Bytes, at: number): FrameHeader | null {
  if (at + 4 > b.length) return null;
  const h = b.u32be(at);
  if ((h & 0xffe00000) >>> 0 !== 0xffe00000) return null;
  const version = (h >>> 19) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = (h >>> 17) & 3; // 1: layer III
  const bitrateIndex = (h >>> 12) & 15;
  const rateIndex = (h >>> 10) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const sampleRate = SAMPLE_RATES[version]?.[rateIndex];
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex];
  if (!sampleRate || !kbps) return null;
  const padding = (h >>> 9) & 1;
  const samples = version === 3 ? 1152 : 576;
  const length = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding;
  return { version, sampleRate, bitrate: kbps * 1000, mono: ((h >>> 6) & 3) === 3, length, samples };
}

/** Where the audio starts after an ID3v2 tag (syncsafe size, plus a footer when flagged), or 0. */
function id3End(b: Bytes): number {
  if (!b.startsWith('ID3')) return 0;
  const size = ((b.u8(6) & 0x7f) << 21) | ((b.u8(7) & 0x7f) << 14) | ((b.u8(8) & 0x7f) << 7) | (b.u8(9) & 0x7f);
  return 10 + size + (b.u8(5) & 0x10 ? 10 : 0);
}

/**
 * MP3: an optional ID3v2 tag, then layer III frames. The first frame's Xing/Info or VBRI header gives
 * the frame count (exact, for VBR too); without one the stream is taken as constant bitrate. Without an
 * ID3 tag, a second frame must follow the first, so random bytes starting 0xFFE… are not taken for MP3.
 */
export function readMp3(b: Bytes): SoundInfo | null {
  const tagged = b.startsWith('ID3');
  let start = id3End(b);
  if (tagged) {
    // Some encoders pad between the tag and the first frame.
    const limit = Math.min(b.length - 4, start + 4096);
    while (start < limit && !frameHeader(b, start)) start += 1;
  }
  const first = frameHeader(b, start);
  if (!first) {
    if (tagged) throw new Truncated();
    return null;
  }
  if (!tagged && !frameHeader(b, start + first.length)) return null;
  const sideInfo = first.version === 3 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17;
  const xing = start + 4 + sideInfo;
  let frames: number | null = null;
  if (b.startsWith('Xing', xing) || b.startsWith('Info', xing)) {
    if (b.u32be(xing + 4) & 1) frames = b.u32be(xing + 8);
  } else if (b.startsWith('VBRI', start + 36)) {
    frames = b.u32be(start + 36 + 14);
  }
  const durationMs = frames !== null ? (frames * first.samples * 1000) / first.sampleRate : ((b.length - start) * 8 * 1000) / first.bitrate;
  return { mime: 'audio/mpeg', durationMs: Math.round(durationMs) };
}

/**
 * Ogg: the first page's first packet names the codec (Vorbis: its sample rate; Opus: 48 kHz and a
 * pre-skip); the last page's granule position is the stream's length in samples. Ogg Theora (video)
 * and other codecs are not accepted.
 */
export function readOgg(b: Bytes): SoundInfo | null {
  if (!b.startsWith('OggS')) return null;
  const segments = b.u8(26);
  const packet = 27 + segments;
  let rate: number;
  let preSkip = 0;
  if (b.startsWith([0x01, ...'vorbis'.split('').map((c) => c.charCodeAt(0))], packet)) {
    rate = b.u32le(packet + 12);
  } else if (b.startsWith('OpusHead', packet)) {
    rate = 48000;
    preSkip = b.u16le(packet + 10);
  } else {
    return null;
  }
  if (rate === 0) throw new Truncated();
  let granule: bigint | null = null;
  for (let at = b.length - 27; at >= 0; at -= 1) {
    if (b.data[at] === 0x4f && b.startsWith('OggS', at)) {
      granule = b.i64le(at + 6);
      if (granule >= 0n) break;
    }
  }
  if (granule === null || granule < 0n) return { mime: 'audio/ogg', durationMs: null };
  return { mime: 'audio/ogg', durationMs: Math.max(0, Math.round(((Number(granule) - preSkip) / rate) * 1000)) };
}
