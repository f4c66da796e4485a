// Header parsers for the video types the library accepts: MP4 (ISO base media: ftyp, moov/mvhd for the
// duration, trak/tkhd for the frame size) and WebM (EBML: Info's Duration × TimecodeScale, the first
// video track's PixelWidth/PixelHeight). Null when the bytes are not the type; Truncated when broken.
import { Bytes, Truncated } from '@/lib/media/bytes';

export type VideoInfo = { mime: string; width: number | null; height: number | null; durationMs: number | null };

// ftyp major brands of audio-only or Apple QuickTime files: not what a browser source plays as video/mp4.
const NOT_MP4_VIDEO = new Set(['M4A ', 'M4B ', 'M4P ', 'qt  ']);

type Box = { type: string; start: number; body: number; end: number };

function* boxes(b: Bytes, from: number, to: number): Generator<Box, void> {
  let at = from;
  while (at + 8 <= to) {
    let size = b.u32be(at);
    const type = b.ascii(at + 4, 4);
    let body = at + 8;
    if (size === 1) {
      size = b.u64be(at + 8);
      body = at + 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < body - at) throw new Truncated();
    const end = Math.min(at + size, to);
    yield { type, start: at, body, end };
    at += size;
  }
}

export function readMp4(b: Bytes): VideoInfo | null {
  if (!b.startsWith('ftyp', 4)) return null;
  if (NOT_MP4_VIDEO.has(b.ascii(8, 4))) return null;
  const info: VideoInfo = { mime: 'video/mp4', width: null, height: null, durationMs: null };
  let sawMoov = false;
  for (const box of boxes(b, 0, b.length)) {
    if (box.type !== 'moov') continue;
    sawMoov = true;
    for (const child of boxes(b, box.body, box.end)) {
      if (child.type === 'mvhd') {
        const version = b.u8(child.body);
        const timescale = version === 1 ? b.u32be(child.body + 20) : b.u32be(child.body + 12);
        const duration = version === 1 ? b.u64be(child.body + 24) : b.u32be(child.body + 16);
        if (timescale > 0) info.durationMs = Math.round((duration / timescale) * 1000);
      }
      if (child.type === 'trak' && info.width === null) {
        for (const track of boxes(b, child.body, child.end)) {
          if (track.type !== 'tkhd') continue;
          // Width and height are the tkhd's last 8 bytes, 16.16 fixed point; audio tracks have 0 × 0.
          const width = b.u32be(track.end - 8) / 65536;
          const height = b.u32be(track.end - 4) / 65536;
          if (width > 0 && height > 0) {
            info.width = Math.round(width);
            info.height = Math.round(height);
          }
        }
      }
    }
  }
  if (!sawMoov) throw new Truncated();
  return info;
}

// ── EBML (Matroska/WebM) ──

const EBML = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;
const CLUSTER = 0x1f43b675;

type Element = { id: number; body: number; end: number; unknownSize: boolean };

/** An EBML variable-length integer at `at`: its length in bytes and its value (with or without the marker bit). */
function vint(b: Bytes, at: number, keepMarker: boolean): { length: number; value: number; allOnes: boolean } {
  const first = b.u8(at);
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length += 1;
  if (length > 8) throw new Truncated();
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = (first & (0xff >> length)) === 0xff >> length;
  for (let i = 1; i < length; i += 1) {
    const byte = b.u8(at + i);
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { length, value, allOnes };
}

function* elements(b: Bytes, from: number, to: number): Generator<Element, void> {
  let at = from;
  while (at < to) {
    const id = vint(b, at, true);
    const size = vint(b, at + id.length, false);
    const body = at + id.length + size.length;
    const end = size.allOnes ? to : Math.min(body + size.value, to);
    yield { id: id.value, body, end, unknownSize: size.allOnes };
    if (size.allOnes) return;
    at = body + size.value;
  }
}

function uint(b: Bytes, e: Element): number {
  let value = 0;
  for (let at = e.body; at < e.end; at += 1) value = value * 256 + b.u8(at);
  return value;
}

export function readWebm(b: Bytes): VideoInfo | null {
  if (!b.startsWith([0x1a, 0x45, 0xdf, 0xa3])) return null;
  const first = elements(b, 0, b.length).next();
  const header = first.done ? undefined : first.value;
  if (!header || header.id !== EBML) throw new Truncated();
  let docType = '';
  for (const e of elements(b, header.body, header.end)) if (e.id === DOC_TYPE) docType = b.ascii(e.body, e.end - e.body).replace(/\0+$/, '');
  if (docType !== 'webm') return null;
  const info: VideoInfo = { mime: 'video/webm', width: null, height: null, durationMs: null };
  let scale = 1_000_000;
  let duration: number | null = null;
  for (const segment of elements(b, header.end, b.length)) {
    if (segment.id !== SEGMENT) continue;
    for (const top of elements(b, segment.body, segment.end)) {
      if (top.id === CLUSTER) break; // media data: everything we read comes before it
      if (top.id === INFO) {
        for (const e of elements(b, top.body, top.end)) {
          if (e.id === TIMECODE_SCALE) scale = uint(b, e);
          if (e.id === DURATION) duration = e.end - e.body === 4 ? b.f32be(e.body) : b.f64be(e.body);
        }
      }
      if (top.id === TRACKS) {
        for (const entry of elements(b, top.body, top.end)) {
          if (entry.id !== TRACK_ENTRY || info.width !== null) continue;
          for (const e of elements(b, entry.body, entry.end)) {
            if (e.id !== VIDEO) continue;
            for (const v of elements(b, e.body, e.end)) {
              if (v.id === PIXEL_WIDTH) info.width = uint(b, v);
              if (v.id === PIXEL_HEIGHT) info.height = uint(b, v);
            }
          }
        }
      }
    }
    break;
  }
  if (duration !== null && Number.isFinite(duration) && duration >= 0) info.durationMs = Math.round((duration * scale) / 1_000_000);
  return info;
}
