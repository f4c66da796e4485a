// What an uploaded file is, from its bytes alone: the name and the type the browser sent are never
// asked. Refused: empty files, executables and scripts (ELF, PE, Mach-O, "#!", even renamed to .mp3),
// SVG and other markup (an SVG can carry script; we do not accept it rather than sanitise it), any type
// not listed below, files over their kind's limit, images over the size limits and animations over the
// pixel budget (GIF bombs), sounds and videos over the length limit, and files whose structure is broken.
//
//   sounds  MP3 (ID3 or not), Ogg Vorbis/Opus, WAV        images  PNG/APNG, JPEG, GIF, WebP (animated too)
//   videos  WebM, MP4
import { AppError } from '@/lib/api/errors';
import { readMp3, readOgg, readWav } from '@/lib/media/audio';
import { Bytes, Truncated } from '@/lib/media/bytes';
import { readGif, readJpeg, readPng, readWebp } from '@/lib/media/image';
import { MAX_ANIMATION_PIXELS, MAX_BYTES, MAX_CANVAS_PIXELS, MAX_DURATION_MS, MAX_FRAMES, MAX_SIDE, SNIFF_BYTES, type MediaKind } from '@/lib/media/limits';
import { readMp4, readWebm } from '@/lib/media/video';

export type SniffedMedia = {
  kind: MediaKind;
  mime: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  animated: boolean;
};

export type MediaRejection = 'empty' | 'executable' | 'markup' | 'unsupported' | 'too-large' | 'dimensions' | 'bomb' | 'too-long' | 'damaged';

const EXECUTABLE_MAGIC: (readonly number[] | string)[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  'MZ', // DOS/Windows PE
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (and Java class files)
  '#!', // scripts
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

/** Markup a browser might render as a document (SVG with script, HTML): first non-blank text starts with `<`. */
function looksLikeMarkup(b: Bytes): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.data.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<(\?xml|!doctype|svg|html|script|!--|[a-z])/.test(head);
}

/** The kind and type of the first bytes only (enough for the size limit while an upload is still arriving), or a refusal. */
export function sniffKind(head: Uint8Array): MediaKind {
  const b = new Bytes(head);
  if (b.length === 0) throw new AppError('BAD_REQUEST', 'This file is empty.', { reason: 'empty' });
  if (EXECUTABLE_MAGIC.some((magic) => b.startsWith(magic))) throw new AppError('BAD_REQUEST', 'This file is a program or a script, not a sound, image or video.', { reason: 'executable' });
  if (looksLikeMarkup(b)) throw new AppError('BAD_REQUEST', 'SVG and other markup files are not accepted; upload a PNG, JPEG, GIF or WebP instead.', { reason: 'markup' });
  if (b.startsWith([0x89, 0x50, 0x4e, 0x47]) || b.startsWith([0xff, 0xd8, 0xff]) || b.startsWith('GIF8') || (b.startsWith('RIFF') && b.startsWith('WEBP', 8))) return 'IMAGE';
  if (b.startsWith('ID3') || b.startsWith('OggS') || (b.startsWith('RIFF') && b.startsWith('WAVE', 8)) || (b.length >= 2 && b.data[0] === 0xff && ((b.data[1] ?? 0) & 0xe0) === 0xe0)) return 'SOUND';
  if (b.startsWith('ftyp', 4) || b.startsWith([0x1a, 0x45, 0xdf, 0xa3])) return 'VIDEO';
  throw new AppError('BAD_REQUEST', 'This type of file is not accepted. Sounds: MP3, Ogg, WAV. Images: PNG, JPEG, GIF, WebP. Videos: WebM, MP4.', { reason: 'unsupported' });
}

function parse(b: Bytes, kind: MediaKind): SniffedMedia | null {
  if (kind === 'IMAGE') {
    const image = readPng(b) ?? readJpeg(b) ?? readGif(b) ?? readWebp(b);
    if (!image) return null;
    const area = image.width * image.height;
    if (image.width === 0 || image.height === 0) throw new Truncated();
    if (image.width > MAX_SIDE || image.height > MAX_SIDE || area > MAX_CANVAS_PIXELS) {
      const reason: MediaRejection = image.animated || image.mime === 'image/gif' ? 'bomb' : 'dimensions';
      throw new AppError('BAD_REQUEST', `This image is ${image.width} × ${image.height} pixels; the most accepted is ${MAX_SIDE} on a side and ${MAX_CANVAS_PIXELS / 1_000_000} megapixels.`, { reason });
    }
    if (image.frames > MAX_FRAMES || image.frames * area > MAX_ANIMATION_PIXELS) {
      throw new AppError('BAD_REQUEST', `This animation has ${image.frames} frames of ${image.width} × ${image.height} pixels, more than a browser source can play safely.`, { reason: 'bomb' });
    }
    return { kind, mime: image.mime, width: image.width, height: image.height, durationMs: null, animated: image.animated };
  }
  if (kind === 'SOUND') {
    const sound = readWav(b) ?? readOgg(b) ?? readMp3(b);
    return sound ? { kind, mime: sound.mime, width: null, height: null, durationMs: sound.durationMs, animated: false } : null;
  }
  const video = readMp4(b) ?? readWebm(b);
  if (!video) return null;
  if ((video.width ?? 0) > MAX_SIDE || (video.height ?? 0) > MAX_SIDE) {
    throw new AppError('BAD_REQUEST', `This video is ${video.width ?? 0} × ${video.height ?? 0} pixels; the most accepted is ${MAX_SIDE} on a side.`, { reason: 'dimensions' });
  }
  return { kind, mime: video.mime, width: video.width, height: video.height, durationMs: video.durationMs, animated: false };
}

/** Checks a whole file and reads what it is: kind, type, size in pixels, length. Throws a BAD_REQUEST AppError with `details.reason` when refused. */
export function sniffMedia(data: Uint8Array): SniffedMedia {
  const kind = sniffKind(data.subarray(0, SNIFF_BYTES));
  checkSize(kind, data.byteLength);
  let media: SniffedMedia | null;
  try {
    media = parse(new Bytes(data), kind);
  } catch (error) {
    if (error instanceof Truncated || error instanceof RangeError) throw new AppError('BAD_REQUEST', 'This file is damaged or incomplete.', { reason: 'damaged' });
    throw error;
  }
  if (!media) throw new AppError('BAD_REQUEST', 'This type of file is not accepted. Sounds: MP3, Ogg, WAV. Images: PNG, JPEG, GIF, WebP. Videos: WebM, MP4.', { reason: 'unsupported' });
  if (media.kind !== 'IMAGE' && media.durationMs !== null && media.durationMs > MAX_DURATION_MS[media.kind]) {
    throw new AppError('BAD_REQUEST', `This file plays for longer than ${MAX_DURATION_MS[media.kind] / 60_000} minutes, the most accepted.`, { reason: 'too-long' });
  }
  return media;
}

/** Refuses `bytes` over the limit of `kind` (called while an upload streams in, and again on the whole file). */
export function checkSize(kind: MediaKind, bytes: number): void {
  const limit = MAX_BYTES[kind];
  if (bytes > limit) throw new AppError('PAYLOAD_TOO_LARGE', `This file is larger than ${Math.round(limit / (1024 * 1024))} MB, the most accepted for its kind.`, { reason: 'too-large' });
}
