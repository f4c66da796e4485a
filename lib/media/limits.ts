// What the media library accepts, in one place. These are our own choices, not outside facts: sized for
// what an alert in an OBS browser source plays (a few seconds of sound, a GIF or a short clip), so one
// workspace cannot fill the disk or make every overlay decode a gigabyte.
/** The kinds of file (the `media_kind` enum of prisma/schema.prisma). */
export const MEDIA_KINDS = ['SOUND', 'IMAGE', 'VIDEO'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const MB = 1024 * 1024;

/** The largest file of each kind, in bytes. */
export const MAX_BYTES: Record<MediaKind, number> = { SOUND: 5 * MB, IMAGE: 10 * MB, VIDEO: 50 * MB };

/** The most any upload may send before its kind is known (the largest per-kind limit). */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));

/** The longest sound or video, in ms: alerts are short, and a long file is usually a mistake. */
export const MAX_DURATION_MS: Record<Exclude<MediaKind, 'IMAGE'>, number> = { SOUND: 2 * 60_000, VIDEO: 2 * 60_000 };

/** The widest or tallest image or video frame, in pixels (8K). */
export const MAX_SIDE = 8192;

/** The most pixels of one canvas (a still image, or an animation's screen): 40 megapixels. */
export const MAX_CANVAS_PIXELS = 40_000_000;

/**
 * GIF, APNG and animated WebP: frames × canvas pixels a browser may have to compose. 300 megapixels is
 * 300 frames of 1000 × 1000, far above any alert, and well below what freezes a browser source (a
 * 20 KB GIF can declare 65535 × 65535 or thousands of full-screen frames).
 */
export const MAX_ANIMATION_PIXELS = 300_000_000;

/** The most frames of an animated image. */
export const MAX_FRAMES = 5000;

/** Files per workspace, and all their bytes together. */
export const MAX_FILES_PER_WORKSPACE = 500;
export const MAX_WORKSPACE_BYTES = 1024 * MB;

/** How many bytes identify a type (the longest header the sniffer looks at before choosing a limit). */
export const SNIFF_BYTES = 4096;

export const MAX_NAME_LENGTH = 120;
