// Header parsers for the image types the library accepts: PNG (and APNG), JPEG, GIF and WebP (still and
// animated). Each reads only what it needs (dimensions, frames) and never decodes pixels; each returns
// null when the bytes are not its type, and throws Truncated (from Bytes) when they are but end early.
import { Bytes, Truncated } from '@/lib/media/bytes';

export type ImageInfo = { mime: string; width: number; height: number; frames: number; animated: boolean };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: IHDR gives the size; an acTL chunk before the first IDAT makes it an APNG with that many frames. */
export function readPng(b: Bytes): ImageInfo | null {
  if (!b.startsWith(PNG_SIGNATURE)) return null;
  if (b.ascii(12, 4) !== 'IHDR') throw new Truncated();
  const width = b.u32be(16);
  const height = b.u32be(20);
  let frames = 1;
  let at = 8;
  while (at + 8 <= b.length) {
    const size = b.u32be(at);
    const type = b.ascii(at + 4, 4);
    if (type === 'acTL') frames = Math.max(1, b.u32be(at + 8));
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + size;
  }
  return { mime: 'image/png', width, height, frames, animated: frames > 1 };
}

/** JPEG: the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) holds the size. */
export function readJpeg(b: Bytes): ImageInfo | null {
  if (!b.startsWith([0xff, 0xd8, 0xff])) return null;
  let at = 2;
  for (;;) {
    if (b.u8(at) !== 0xff) throw new Truncated();
    const marker = b.u8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) throw new Truncated(); // end of image or scan data before any frame header
    const length = b.u16be(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: 'image/jpeg', height: b.u16be(at + 5), width: b.u16be(at + 7), frames: 1, animated: false };
    }
    at += 2 + length;
  }
}

/** Skips GIF data sub-blocks (a size byte, that many bytes, until a size of 0); returns the offset after them. */
function skipSubBlocks(b: Bytes, start: number): number {
  let at = start;
  for (;;) {
    const size = b.u8(at);
    at += 1 + size;
    if (size === 0) return at;
  }
}

/**
 * GIF: the logical screen, then every block to the trailer, counting image descriptors (frames). A frame
 * reaching past the screen grows the canvas a browser composes on, so the canvas is the largest extent.
 */
export function readGif(b: Bytes): ImageInfo | null {
  if (!b.startsWith('GIF87a') && !b.startsWith('GIF89a')) return null;
  let width = b.u16le(6);
  let height = b.u16le(8);
  const flags = b.u8(10);
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let frames = 0;
  for (;;) {
    // Browsers show a GIF whose trailer is missing (some encoders end after the last frame's data).
    if (at >= b.length && frames > 0) break;
    const block = b.u8(at);
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      at = skipSubBlocks(b, at + 2); // extension: introducer, label, sub-blocks
    } else if (block === 0x2c) {
      const left = b.u16le(at + 1);
      const top = b.u16le(at + 3);
      width = Math.max(width, left + b.u16le(at + 5));
      height = Math.max(height, top + b.u16le(at + 7));
      const local = b.u8(at + 9);
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      at = skipSubBlocks(b, at + 1); // LZW minimum code size, then the image data
      frames += 1;
    } else {
      throw new Truncated();
    }
  }
  if (frames === 0) throw new Truncated();
  return { mime: 'image/gif', width, height, frames, animated: frames > 1 };
}

/** WebP: a RIFF container; VP8 (lossy), VP8L (lossless) or VP8X (extended: canvas size, ANMF frames). */
export function readWebp(b: Bytes): ImageInfo | null {
  if (!b.startsWith('RIFF') || !b.startsWith('WEBP', 8)) return null;
  const first = b.ascii(12, 4);
  if (first === 'VP8 ') {
    if (!b.startsWith([0x9d, 0x01, 0x2a], 23)) throw new Truncated();
    return { mime: 'image/webp', width: b.u16le(26) & 0x3fff, height: b.u16le(28) & 0x3fff, frames: 1, animated: false };
  }
  if (first === 'VP8L') {
    if (b.u8(20) !== 0x2f) throw new Truncated();
    const bits = b.u32le(21);
    return { mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, frames: 1, animated: false };
  }
  if (first !== 'VP8X') throw new Truncated();
  const width = b.u24le(24) + 1;
  const height = b.u24le(27) + 1;
  let frames = 0;
  let at = 12;
  while (at + 8 <= b.length) {
    const size = b.u32le(at + 4);
    if (b.ascii(at, 4) === 'ANMF') frames += 1;
    at += 8 + size + (size % 2);
  }
  return { mime: 'image/webp', width, height, frames: Math.max(1, frames), animated: frames > 1 };
}
