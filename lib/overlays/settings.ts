// Settings of each overlay kind, validated on save and read back leniently (a setting added later, or a
// stored value that no longer validates, falls back to its default rather than breaking an overlay that
// is on air). Shared by the editor, the API, the overlay page and the worker.
import { z } from 'zod';
import { countdownField, scoredFields } from '@/lib/games/config';
import { LOCALES } from '@/lib/i18n/locales';
import { lookFields } from '@/lib/overlays/look';
import { OBS_DEFAULT_URL } from '@/lib/overlays/obs';
import { alertVariationsField, readVariations } from '@/lib/overlays/variations';
import { wheelFields, wheelRuleSchema, wheelSegmentSchema } from '@/lib/overlays/wheel';

export const OVERLAY_KINDS = ['GIFT_ALERTS', 'LEADERBOARD', 'GOAL', 'CHAT', 'VIEWER_COUNT', 'ACTIVITY', 'QA_GAME', 'TOP_GIFTER', 'TIMER', 'WHEEL'] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

export const OVERLAY_KIND_LABELS: Record<OverlayKind, { name: string; description: string }> = {
  GIFT_ALERTS: { name: 'Gift alerts', description: 'Each gift as an animated alert, one after another, with optional sound and speech.' },
  LEADERBOARD: { name: 'Leaderboard', description: 'Top viewers of the session by points from likes and gifts.' },
  GOAL: { name: 'Goal bar', description: 'Progress towards a likes, diamonds, followers or one gift’s target (“100 Roses”).' },
  CHAT: { name: 'Chat box', description: 'The latest chat messages, filtered.' },
  VIEWER_COUNT: { name: 'Viewer count', description: 'How many people are watching now.' },
  ACTIVITY: { name: 'Recent activity', description: 'Follows, shares and gifts as they happen.' },
  QA_GAME: { name: 'Q&A game', description: 'A points board run from the host panel: freeze, countdown, pick a winner’s question.' },
  TOP_GIFTER: { name: 'Top gifter', description: 'The current LIVE’s biggest gifter: name, picture and diamonds, updated live.' },
  TIMER: { name: 'Subathon timer', description: 'A countdown that gains time from gifts, likes and follows, up to a cap.' },
  WHEEL: { name: 'Wheel of fortune', description: 'Gifts you choose spin a wheel; the result is shown and kept.' },
};

const words = z
  .array(z.string().trim().min(1).max(40))
  .max(200)
  .default([])
  .transform((list) => [...new Set(list.map((w) => w.toLowerCase()))]);

const text = (max: number, fallback: string) => z.string().trim().max(max).default(fallback);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #ff2d55.').default('#ff2d55');

const common = {
  /** Words that hide a name or a message wherever this overlay shows or speaks one. */
  blockedWords: words,
  /** Blocked entries match whole words and phrases, or also inside longer words. */
  filterMatch: z.enum(['word', 'anywhere']).default('word'),
  /** The language of what the overlay writes and says (the audience's, which may not be the dashboard's). */
  language: z.enum(LOCALES).default('en'),
  accent: colour,
  /** Scales the whole overlay (the OBS source size stays the same). */
  scale: z.number().min(0.5).max(3).default(1),
  /** Font, colours, position and custom CSS (lib/overlays/look.ts). */
  ...lookFields,
};

// A cluster holding the overlay's channel: its other channels' events count there too (one creator live on
// several platforms). '' for this channel only (lib/overlays/sources.ts).
const clusterIdField = z.string().trim().max(64).regex(/^[A-Za-z0-9_-]*$/, 'Choose a cluster from the list.').default('');

export const giftAlertsSettings = z.object({
  // Alerts of every channel of the cluster, each with its platform's badge.
  clusterId: clusterIdField,
  ...common,
  minDiamonds: z.number().int().min(0).max(1_000_000).default(1),
  durationSeconds: z.number().min(1).max(30).default(5),
  sound: z.boolean().default(false),
  volume: z.number().min(0).max(1).default(0.6),
  speech: z.boolean().default(false),
  /** A voice's name from the browser's list; '' (or a voice OBS's browser lacks): the language's first voice. */
  speechVoice: z.string().trim().max(200).default(''),
  speechRate: z.number().min(0.5).max(2).default(1),
  speechVolume: z.number().min(0).max(1).default(0.8),
  /** Read each alert in the language its text is written in (Thai, Russian, Chinese, English) rather than the overlay's. */
  speechDetect: z.boolean().default(false),
  /** {name}, {gift}, {count} and {diamonds} are replaced. */
  template: text(120, '{name} sent {count}× {gift}'),
  /** Rules tried in order before the settings above (lib/overlays/variations.ts); stored ones are read entry by entry. */
  variations: alertVariationsField,
});

export const leaderboardSettings = z.object({
  // One board for the viewers of every channel of the cluster, scored by each channel's worker and summed
  // (worker/games.ts).
  clusterId: clusterIdField,
  ...common,
  title: text(60, 'Top fans'),
  ...scoredFields,
  /** Start a fresh board whenever a new LIVE starts (otherwise only "Reset board" does). */
  resetEachLive: z.boolean().default(true),
  showOvertakes: z.boolean().default(true),
});

export const goalSettings = z.object({
  // The goal sums the current LIVEs of every channel of the cluster, values in this channel's unit
  // (lib/overlays/goal-progress.ts).
  clusterId: clusterIdField,
  ...common,
  /** What counts: a LIVE total, or how many of one gift (`giftId`) were sent ("100 Roses"). */
  metric: z.enum(['likes', 'diamonds', 'follows', 'gift']).default('likes'),
  target: z.number().int().min(1).max(1_000_000_000).default(10_000),
  title: text(60, 'Like goal'),
  /** The gift a 'gift' goal counts ('' until one is chosen), and its name as the editor showed it. */
  giftId: z.string().trim().max(40).regex(/^[\w-]*$/, 'Choose a gift from the list.').default(''),
  giftName: text(60, ''),
}).superRefine((settings, ctx) => {
  if (settings.metric === 'gift' && !settings.giftId) ctx.addIssue({ code: 'custom', path: ['giftId'], message: 'Choose a gift from the list.' });
});

export const chatSettings = z.object({
  ...common,
  maxMessages: z.number().int().min(1).max(50).default(8),
  /** Messages fade out after this many seconds (0: they stay until pushed out). */
  hideAfterSeconds: z.number().int().min(0).max(600).default(0),
  showModeratorBadge: z.boolean().default(true),
});

export const viewerCountSettings = z.object({
  ...common,
  label: text(40, 'watching'),
});

export const activitySettings = z.object({
  ...common,
  maxItems: z.number().int().min(1).max(20).default(5),
  follows: z.boolean().default(true),
  shares: z.boolean().default(true),
  gifts: z.boolean().default(true),
  joins: z.boolean().default(false),
});

export const qaGameSettings = z.object({
  ...common,
  title: text(60, 'Q&A — top fan asks'),
  ...scoredFields,
  ...countdownField,
  showOvertakes: z.boolean().default(true),
  /** Optional: OBS switches to this scene (over obs-websocket) when the freeze countdown ends; '' = off. */
  obsScene: text(100, ''),
  obsUrl: z.string().trim().max(200).regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'Use a websocket address like ws://127.0.0.1:4455.').default(OBS_DEFAULT_URL),
  obsPassword: z.string().max(200).default(''),
});

export const topGifterSettings = z.object({
  ...common,
  title: text(60, 'Top gifter'),
  showAvatar: z.boolean().default(true),
});

/** The timer's rules; its running state (started, paused, time added by hand) is kept apart (lib/overlays/timer.ts). */
export const timerSettings = z.object({
  ...common,
  title: text(60, 'Subathon'),
  /** The countdown's length when the host starts it. */
  startMinutes: z.number().int().min(1).max(10_080).default(60),
  /** Seconds added per diamond of a gift (0.5: one second per two diamonds). */
  secondsPerDiamond: z.number().min(0).max(600).default(1),
  /** `secondsPerLikeStep` seconds for every `likesPerStep` likes. */
  likesPerStep: z.number().int().min(1).max(1_000_000).default(100),
  secondsPerLikeStep: z.number().int().min(0).max(3600).default(10),
  secondsPerFollow: z.number().int().min(0).max(3600).default(30),
  /** The longest the whole timer can run, start length and all added time together; 0: no cap. */
  capMinutes: z.number().int().min(0).max(43_200).default(720),
});

/** The wheel of fortune: its segments, the gifts that spin it, and the pace (lib/overlays/wheel.ts). */
export const wheelSettings = z.object({
  ...common,
  title: text(60, 'Wheel of fortune'),
  ...wheelFields,
});

export const settingsSchemas = {
  GIFT_ALERTS: giftAlertsSettings,
  LEADERBOARD: leaderboardSettings,
  GOAL: goalSettings,
  CHAT: chatSettings,
  VIEWER_COUNT: viewerCountSettings,
  ACTIVITY: activitySettings,
  QA_GAME: qaGameSettings,
  TOP_GIFTER: topGifterSettings,
  TIMER: timerSettings,
  WHEEL: wheelSettings,
} as const;

export type OverlaySettingsByKind = { [K in OverlayKind]: z.infer<(typeof settingsSchemas)[K]> };
export type OverlaySettings = OverlaySettingsByKind[OverlayKind];

/** The settings of one overlay tagged with its kind, so code can narrow both together. */
export type KindSettings = { [K in OverlayKind]: { kind: K; settings: OverlaySettingsByKind[K] } }[OverlayKind];

/** Stored settings read leniently (see readSettings), tagged with their kind. */
export function readKindSettings(kind: OverlayKind, stored: unknown): KindSettings {
  // One branch per kind keeps the settings' type tied to the kind.
  switch (kind) {
    case 'GIFT_ALERTS': {
      // One broken variation drops only itself, not the whole list.
      const variations = typeof stored === 'object' && stored && 'variations' in stored ? readVariations(stored.variations) : [];
      return { kind, settings: { ...readSettings(kind, stored), variations } };
    }
    case 'LEADERBOARD':
      return { kind, settings: readSettings(kind, stored) };
    case 'GOAL':
      return { kind, settings: readSettings(kind, stored) };
    case 'CHAT':
      return { kind, settings: readSettings(kind, stored) };
    case 'VIEWER_COUNT':
      return { kind, settings: readSettings(kind, stored) };
    case 'ACTIVITY':
      return { kind, settings: readSettings(kind, stored) };
    case 'QA_GAME':
      return { kind, settings: readSettings(kind, stored) };
    case 'TOP_GIFTER':
      return { kind, settings: readSettings(kind, stored) };
    case 'TIMER':
      return { kind, settings: readSettings(kind, stored) };
    case 'WHEEL': {
      // One broken segment or rule drops only itself, not the whole wheel.
      const record = typeof stored === 'object' && stored ? (stored as Record<string, unknown>) : {};
      return { kind, settings: { ...readSettings(kind, stored), segments: readEach(record.segments, wheelSegmentSchema), rules: readEach(record.rules, wheelRuleSchema) } };
    }
  }
}

/** The entries of a stored list that still validate (a list that is not one reads as empty). */
function readEach<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Stored settings read leniently: each invalid or missing field takes its default. */
export function readSettings<K extends OverlayKind>(kind: K, stored: unknown): OverlaySettingsByKind[K] {
  const schema = settingsSchemas[kind];
  const parsed = schema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data as OverlaySettingsByKind[K];
  // Drop the offending top-level fields and try again, so one bad value does not reset everything.
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(typeof stored === 'object' && stored ? stored : {}).filter(([key]) => !bad.has(key)));
  const retry = schema.safeParse(kept);
  return (retry.success ? retry.data : schema.parse({})) as OverlaySettingsByKind[K];
}

/** Settings from an editor, validated strictly (the API answers 400 with the first problem). */
export function validateSettings<K extends OverlayKind>(kind: K, input: unknown): { ok: true; settings: OverlaySettingsByKind[K] } | { ok: false; error: string } {
  const parsed = settingsSchemas[kind].safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data as OverlaySettingsByKind[K] };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'settings'}: ${issue.message}` : 'Invalid settings.' };
}

export function isScoredKind(kind: OverlayKind): kind is 'LEADERBOARD' | 'QA_GAME' {
  return kind === 'LEADERBOARD' || kind === 'QA_GAME';
}
