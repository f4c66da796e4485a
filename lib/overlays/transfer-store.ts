// Export, import and themes against the database: an overlay's settings written as a `livelens-overlay/1`
// file (lib/overlays/transfer.ts), a new overlay made from such a file in the caller's workspace with its
// media matched by checksum, the media links of an imported overlay re-checked after the missing files are
// uploaded, and a theme applied to an overlay (same token, same URL). Every query is scoped to a workspace.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { displayText } from '@/lib/text/clean';
import { createOverlay, getOverlay, updateOverlay, type OverlaySummary } from '@/lib/overlays/manage';
import { OVERLAY_KINDS, readKindSettings, type OverlayKind } from '@/lib/overlays/settings';
import { withTheme } from '@/lib/overlays/themes';
import { EXPORT_FORMAT, exportFileName, looksLikeOverlayFile, mapVariationMedia, overlayFileSchema, SHA256, type ExportedMedia, type OverlayFile } from '@/lib/overlays/transfer';
import { readVariations, type AlertVariation } from '@/lib/overlays/variations';
import type { Actor } from '@/lib/workspaces/context';

const isKind = (kind: string): kind is OverlayKind => (OVERLAY_KINDS as readonly string[]).includes(kind);

async function requireRow(db: Db, workspaceId: string, overlayId: string) {
  const row = await db.overlay.findFirst({ where: { id: overlayId, workspaceId }, select: { id: true, kind: true, name: true, settings: true } });
  if (!row) throw new AppError('NOT_FOUND', 'No such overlay in this workspace.');
  return row;
}

/** The overlay's settings as a file: media by checksum, no token, no OBS password, no timer state. */
export async function exportOverlay(db: Db, workspaceId: string, overlayId: string, now = new Date()): Promise<{ fileName: string; file: OverlayFile }> {
  const row = await requireRow(db, workspaceId, overlayId);
  // Read through the schema: only known settings are written (the timer's running state is not one).
  const read = readKindSettings(row.kind, row.settings);
  const settings: Record<string, unknown> = { ...read.settings };
  const media: ExportedMedia[] = [];
  if (read.kind === 'QA_GAME') settings.obsPassword = '';
  if (read.kind === 'GIFT_ALERTS') {
    const ids = [...new Set(read.settings.variations.flatMap((v) => [v.sound === 'media' ? v.soundId : '', v.visualId]).filter(Boolean))];
    const files = await db.mediaFile.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, sha256: true, name: true, kind: true } });
    const byId = new Map(files.map((f) => [f.id, f]));
    // A file deleted since it was chosen cannot be named: its variation plays without it, here as in OBS.
    settings.variations = mapVariationMedia(read.settings.variations, (id) => {
      const file = byId.get(id);
      if (!file) return '';
      if (!media.some((m) => m.sha256 === file.sha256)) media.push({ sha256: file.sha256, name: file.name, kind: file.kind });
      return file.sha256;
    });
  }
  return { fileName: exportFileName(row.name), file: { format: EXPORT_FORMAT, kind: row.kind, name: row.name, exportedAt: now.toISOString(), settings, media } };
}

/** Media of the file this workspace lacks (by checksum), with the name and kind the file gave them. */
export type MissingMedia = ExportedMedia;

/** Checksums in variations → this workspace's file ids; ones it lacks are left as checksums (shown as missing). */
async function linkMedia(db: Db, workspaceId: string, variations: AlertVariation[]): Promise<{ variations: AlertVariation[]; missing: Set<string> }> {
  const wanted = [...new Set(variations.flatMap((v) => [v.soundId, v.visualId]).filter((value) => SHA256.test(value)))];
  const files = wanted.length > 0 ? await db.mediaFile.findMany({ where: { workspaceId, sha256: { in: wanted } }, select: { id: true, sha256: true } }) : [];
  const bySha = new Map(files.map((f) => [f.sha256, f.id]));
  const missing = new Set<string>();
  const linked = mapVariationMedia(variations, (value) => {
    if (!SHA256.test(value)) return value;
    const id = bySha.get(value);
    if (id) return id;
    missing.add(value);
    return value;
  });
  return { variations: linked, missing };
}

/**
 * A new overlay in the caller's workspace from a file (already parsed as JSON): the format and kind
 * checked first (each with its own message), then the settings against the kind, as a save would be.
 * Media are matched by checksum in this workspace; ones it lacks are returned as `missing`, and their
 * variations play without them (the editor flags them) until the files are uploaded and relinked.
 */
export async function importOverlay(db: Db, actor: Actor, input: { accountId: string; file: unknown; name?: string; language?: Locale }): Promise<{ overlay: OverlaySummary; missing: MissingMedia[] }> {
  const parsed = overlayFileSchema.safeParse(input.file);
  if (!looksLikeOverlayFile(input.file) || !parsed.success) {
    const issues = parsed.error?.issues.slice(0, 5).map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('BAD_REQUEST', 'This is not a LiveLens overlay settings file.', issues ? { issues } : undefined);
  }
  const file = parsed.data;
  if (!isKind(file.kind)) throw new AppError('BAD_REQUEST', 'This file holds another kind of overlay, one this LiveLens does not have.');
  // Names are only ever shown as text; controls that would reorder them are dropped.
  const listed = new Map(file.media.map((m) => [m.sha256, { ...m, name: displayText(m.name).replace(/[\u0000-\u001f\u007f]/g, '').trim() || m.sha256.slice(0, 12) }]));
  const settings: Record<string, unknown> = { ...file.settings };
  const missing: MissingMedia[] = [];
  const stored: unknown[] = file.kind === 'GIFT_ALERTS' && Array.isArray(settings.variations) ? settings.variations : [];
  if (stored.length > 0) {
    // Strictly: a variation that does not validate fails the import (createOverlay names the field).
    const variations = readVariations(stored);
    const unlisted = variations.some((v) => [v.sound === 'media' ? v.soundId : '', v.visualId].some((ref) => ref !== '' && !listed.has(ref)));
    if (unlisted) throw new AppError('BAD_REQUEST', 'This is not a LiveLens overlay settings file.', { issues: [{ field: 'settings.variations', message: 'names a media file the file does not list' }] });
    if (variations.length === stored.length) {
      const linked = await linkMedia(db, actor.workspaceId, variations);
      settings.variations = linked.variations;
      for (const sha of linked.missing) {
        const entry = listed.get(sha);
        if (entry) missing.push(entry);
      }
    }
  }
  const overlay = await createOverlay(db, actor, { accountId: input.accountId, kind: file.kind, name: input.name?.trim() || file.name || undefined, language: input.language, settings });
  return { overlay, missing };
}

/** Re-matches an overlay's missing media (left as checksums by an import) against the library; returns what is still missing. */
export async function relinkOverlayMedia(db: Db, workspaceId: string, overlayId: string): Promise<{ overlay: OverlaySummary; missing: string[] }> {
  const row = await requireRow(db, workspaceId, overlayId);
  const read = readKindSettings(row.kind, row.settings);
  if (read.kind !== 'GIFT_ALERTS') return { overlay: await getOverlay(db, workspaceId, overlayId), missing: [] };
  const linked = await linkMedia(db, workspaceId, read.settings.variations);
  const changed = linked.variations.some((v, i) => v.soundId !== read.settings.variations[i]?.soundId || v.visualId !== read.settings.variations[i]?.visualId);
  const overlay = changed ? await updateOverlay(db, workspaceId, overlayId, { settings: { ...read.settings, variations: linked.variations } }) : await getOverlay(db, workspaceId, overlayId);
  return { overlay, missing: [...linked.missing] };
}

/** Applies a theme to an overlay: its style replaced, its texts, rules, secrets and token kept; open copies update at once. */
export async function applyOverlayTheme(db: Db, workspaceId: string, overlayId: string, themeId: string): Promise<OverlaySummary> {
  const current = await getOverlay(db, workspaceId, overlayId);
  const settings = current.settings as Record<string, unknown> & { language: Locale };
  // The masked OBS password goes back as its placeholder, which keeps the stored one (lib/overlays/obs-secret.ts).
  const themed = withTheme(current.kind, settings, themeId, settings.language);
  if (!themed) throw new AppError('BAD_REQUEST', 'No such theme for this kind of overlay.');
  return updateOverlay(db, workspaceId, overlayId, { settings: themed });
}
