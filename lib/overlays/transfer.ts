// An overlay's settings as a file (format `livelens-overlay/1`), to keep or to move into another workspace.
// The file holds the kind, a suggested name, the settings and the media the settings use. Media are named
// by checksum, never by id or URL: in the file, a variation's `soundId` and `visualId` hold the SHA-256 of a
// file listed in `media` (with its name and kind), which the importing workspace matches against its own
// library. The overlay's token and OBS password are never written. Pure, shared by the server and the
// import form (which checks a file's size and shape before sending it).
import { z } from 'zod';
import { MAX_NAME_LENGTH, MEDIA_KINDS } from '@/lib/media/limits';
import { MAX_VARIATIONS, type AlertVariation } from '@/lib/overlays/variations';

export const EXPORT_FORMAT = 'livelens-overlay/1';

/** The largest file the import takes: settings with every variation filled are well under 40 KB. */
export const MAX_IMPORT_BYTES = 64 * 1024;

export const SHA256 = /^[0-9a-f]{64}$/;

export const exportedMediaSchema = z.object({
  sha256: z.string().regex(SHA256),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  kind: z.enum(MEDIA_KINDS),
});
export type ExportedMedia = z.infer<typeof exportedMediaSchema>;

/** The file, once its format line and kind have been checked (the settings are checked against the kind). */
export const overlayFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  kind: z.string().max(40),
  name: z.string().trim().max(80).default(''),
  settings: z.record(z.string(), z.unknown()),
  media: z.array(exportedMediaSchema).max(MAX_VARIATIONS * 2).default([]),
});

export type OverlayFile = { format: typeof EXPORT_FORMAT; kind: string; name: string; exportedAt: string; settings: Record<string, unknown>; media: ExportedMedia[] };

/** True when `value` says it is this format (so a wrong file gets "not an overlay file", not a list of fields). */
export function looksLikeOverlayFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'format' in value && value.format === EXPORT_FORMAT;
}

/** The media fields of every variation, with `map` applied to each non-empty one (sound only when it plays a file). */
export function mapVariationMedia(variations: readonly AlertVariation[], map: (value: string, role: 'sound' | 'visual', v: AlertVariation) => string): AlertVariation[] {
  return variations.map((v) => {
    const soundId = v.sound === 'media' && v.soundId ? map(v.soundId, 'sound', v) : '';
    const visualId = v.visualId ? map(v.visualId, 'visual', v) : '';
    // A sound that cannot be named any more is dropped rather than left as "media" without a file (invalid).
    return { ...v, soundId, visualId, sound: v.sound === 'media' && !soundId ? 'none' : v.sound };
  });
}

/** A download's file name from the overlay's: letters and digits of any script kept, the rest dashes. */
export function exportFileName(name: string): string {
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'overlay'}.livelens-overlay.json`;
}
