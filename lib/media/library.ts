// A workspace's media library: upload (the body read as it streams, refused as soon as it passes its
// kind's limit, the type read from the bytes), list, rename, delete, and the look-ups the serve routes
// make. Every query is scoped to one workspace: another workspace's file is "no such file" (404).
import 'server-only';
import { createHash } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { MAX_FILES_PER_WORKSPACE, MAX_NAME_LENGTH, MAX_UPLOAD_BYTES, MAX_WORKSPACE_BYTES, SNIFF_BYTES, type MediaKind } from '@/lib/media/limits';
import { checkSize, sniffKind, sniffMedia } from '@/lib/media/sniff';
import { mediaKey, type MediaStorage } from '@/lib/media/storage';
import { OVERLAY_TOKEN } from '@/lib/overlays/token';
import { createLogger } from '@/lib/logger';
import { cleanText } from '@/lib/text/clean';

const log = createLogger('media');

export type MediaSummary = {
  id: string;
  name: string;
  kind: MediaKind;
  mime: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  animated: boolean;
  /** Where the dashboard loads it (an editor of the workspace, signed in). */
  url: string;
  createdAt: string;
};

type MediaRow = { id: string; name: string; kind: MediaKind; mime: string; bytes: number; sha256: string; width: number | null; height: number | null; durationMs: number | null; animated: boolean; createdAt: Date };

export function summarizeMedia(row: MediaRow): MediaSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    animated: row.animated,
    url: `/api/media/${row.id}`,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Where an overlay (OBS, no session) loads one of its workspace's files. */
export function overlayMediaUrl(token: string, mediaId: string): string {
  return `/api/overlay/${token}/media/${mediaId}`;
}

/** A display name from what the browser sent: no folders, no control characters, at most MAX_NAME_LENGTH. */
export function mediaName(raw: string | null | undefined): string {
  const base = cleanText(raw ?? '').split(/[\\/]/).pop() ?? '';
  const name = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, MAX_NAME_LENGTH).trim();
  return name || 'Untitled';
}

/**
 * Reads an upload's body up to its kind's limit: the first bytes choose the kind (and refuse executables,
 * markup and unknown types before more is read), then the stream is cancelled as soon as it passes the
 * limit. A declared Content-Length over the largest limit is refused before anything is read.
 */
export async function readUpload(body: ReadableStream<Uint8Array> | null, declaredLength: number | null): Promise<Uint8Array> {
  if (declaredLength !== null && declaredLength > MAX_UPLOAD_BYTES) checkSize('VIDEO', declaredLength);
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let kind: MediaKind | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (kind === null && total >= SNIFF_BYTES) {
        kind = sniffKind(concat(chunks, SNIFF_BYTES));
        if (declaredLength !== null) checkSize(kind, declaredLength);
      }
      checkSize(kind ?? 'VIDEO', total);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  // A body shorter than it said was cut on the way (a dropped connection): not the file that was sent.
  if (declaredLength !== null && total !== declaredLength) throw new AppError('BAD_REQUEST', 'This file is damaged or incomplete.', { reason: 'damaged' });
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= length) break;
    const part = chunk.subarray(0, length - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const isUniqueViolation = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'P2002';

/**
 * Stores an upload in the workspace's library. The same bytes uploaded again give back the file already
 * there (`duplicate: true`), whatever name they came with.
 */
export async function addMedia(
  db: Db,
  storage: MediaStorage,
  actor: { workspaceId: string; userId: string },
  upload: { name: string | null; data: Uint8Array },
): Promise<{ file: MediaSummary; duplicate: boolean }> {
  const media = sniffMedia(upload.data);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  const existing = await db.mediaFile.findUnique({ where: { workspaceId_sha256: { workspaceId: actor.workspaceId, sha256 } } });
  if (existing) return { file: summarizeMedia(existing), duplicate: true };
  const used = await db.mediaFile.aggregate({ where: { workspaceId: actor.workspaceId }, _count: true, _sum: { bytes: true } });
  if (used._count >= MAX_FILES_PER_WORKSPACE) throw new AppError('CONFLICT', `This workspace has ${MAX_FILES_PER_WORKSPACE} media files, the most it can keep. Delete some to upload more.`);
  if ((used._sum.bytes ?? 0) + upload.data.byteLength > MAX_WORKSPACE_BYTES) {
    throw new AppError('CONFLICT', `This workspace’s media would pass ${MAX_WORKSPACE_BYTES / (1024 * 1024)} MB. Delete some files to upload more.`);
  }
  const storageKey = mediaKey(actor.workspaceId, sha256);
  // The bytes first: a row always has its object. The key is the content's, so a second upload of the
  // same bytes racing this one writes the same object.
  await storage.put(storageKey, upload.data, media.mime);
  try {
    const row = await db.mediaFile.create({
      data: {
        workspaceId: actor.workspaceId,
        createdById: actor.userId,
        name: mediaName(upload.name),
        kind: media.kind,
        mime: media.mime,
        bytes: upload.data.byteLength,
        sha256,
        width: media.width,
        height: media.height,
        durationMs: media.durationMs,
        animated: media.animated,
        storageKey,
      },
    });
    return { file: summarizeMedia(row), duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.mediaFile.findUniqueOrThrow({ where: { workspaceId_sha256: { workspaceId: actor.workspaceId, sha256 } } });
    return { file: summarizeMedia(row), duplicate: true };
  }
}

/** The workspace's files, newest first. */
export async function listMedia(db: Db, workspaceId: string): Promise<MediaSummary[]> {
  const rows = await db.mediaFile.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(summarizeMedia);
}

async function requireMedia(db: Db, workspaceId: string, mediaId: string) {
  const row = await db.mediaFile.findFirst({ where: { id: mediaId, workspaceId } });
  if (!row) throw new AppError('NOT_FOUND', 'No such media file in this workspace.');
  return row;
}

export async function renameMedia(db: Db, workspaceId: string, mediaId: string, name: string): Promise<MediaSummary> {
  await requireMedia(db, workspaceId, mediaId);
  return summarizeMedia(await db.mediaFile.update({ where: { id: mediaId }, data: { name: mediaName(name) } }));
}

/** Deletes the row, then its bytes. Overlays that name the file fall back to their defaults. */
export async function deleteMedia(db: Db, storage: MediaStorage, workspaceId: string, mediaId: string): Promise<void> {
  const row = await requireMedia(db, workspaceId, mediaId);
  await db.mediaFile.delete({ where: { id: row.id } });
  await storage.delete(row.storageKey);
}

/** Deletes stored bytes whose rows are gone (a deleted workspace's files); a failure is logged, not thrown. */
export async function deleteStoredMedia(storage: MediaStorage, keys: string[]): Promise<void> {
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (error) {
      log.warn('could not delete a stored media file', { key, error });
    }
  }
}

export type ServableMedia = { name: string; mime: string; bytes: number; sha256: string; storageKey: string };

const SERVABLE = { name: true, mime: true, bytes: true, sha256: true, storageKey: true } as const;

/** A file of the workspace, for an editor's preview; null when the workspace has no such file. */
export async function findWorkspaceMedia(db: Db, workspaceId: string, mediaId: string): Promise<ServableMedia | null> {
  return db.mediaFile.findFirst({ where: { id: mediaId, workspaceId }, select: SERVABLE });
}

/** A file for the overlay with this token: only while the token works, only of the overlay's workspace. */
export async function findOverlayMedia(db: Db, token: string, mediaId: string): Promise<ServableMedia | null> {
  if (!OVERLAY_TOKEN.test(token)) return null;
  const overlay = await db.overlay.findUnique({ where: { token }, select: { workspaceId: true, revokedAt: true } });
  if (!overlay || overlay.revokedAt) return null;
  return findWorkspaceMedia(db, overlay.workspaceId, mediaId);
}
