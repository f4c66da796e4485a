// The response that serves a media file to an editor's preview or an overlay in OBS. A file's bytes never
// change (a new upload is a new file), so browsers keep it for a year (immutable) under its checksum as
// ETag, privately (both routes need a credential). The type is the one read from the bytes at upload, with
// nosniff; `inline`; and a CSP sandbox so a file opened on its own is never a document that runs script.
// One byte range (Range: bytes=a-b) is answered with 206, as <audio> and <video> seek with them.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { ServableMedia } from '@/lib/media/library';
import type { ByteRange, MediaStorage } from '@/lib/media/storage';

export const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

/** The single range a Range header asks for, null for the whole file, or 'unsatisfiable'. */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null; // several ranges or nonsense: the whole file
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function serveMedia(request: Request, storage: MediaStorage, file: ServableMedia | null): Promise<Response> {
  if (!file) throw new AppError('NOT_FOUND', 'No such media file in this workspace.');
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    'Content-Type': file.mime,
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': contentDisposition(file.name),
    'Content-Security-Policy': MEDIA_CSP,
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const cached = request.headers.get('if-none-match');
  if (cached && cached.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  const range = parseRange(request.headers.get('range'), file.bytes);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.bytes}` } });
  const body = await storage.get(file.storageKey, range ?? undefined);
  if (!body) throw new AppError('NOT_FOUND', 'No such media file in this workspace.');
  if (request.method === 'HEAD') await body.cancel();
  if (!range) return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Length': String(file.bytes) } });
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 206,
    headers: { ...headers, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${file.bytes}` },
  });
}
