// Pure helpers of the overlay editor in the dashboard (browser-safe, unit-tested): the OBS source size
// we suggest per kind, overlay URLs, the preview message protocol, word lists, gift tier rows, scoring
// rules in plain words, and validation messages a streamer can act on.
import { giftPoints, likePoints, type GiftTier, type ScoringRules } from '@/lib/games/rules';
import type { EditorMessage } from '@/lib/overlays/preview';
import { readKindSettings, settingsSchemas, type KindSettings, type OverlayKind } from '@/lib/overlays/settings';

export type ObsSize = { width: number; height: number };

/**
 * The browser-source size we suggest per kind. TikTok LIVE canvases are portrait (1080 × 1920), so
 * nothing is wider than 1080; the overlay's own "scale" setting enlarges its content inside this box.
 */
export const OBS_SIZES: Record<OverlayKind, ObsSize> = {
  GIFT_ALERTS: { width: 800, height: 450 },
  LEADERBOARD: { width: 420, height: 560 },
  GOAL: { width: 800, height: 140 },
  CHAT: { width: 420, height: 600 },
  VIEWER_COUNT: { width: 320, height: 100 },
  ACTIVITY: { width: 420, height: 420 },
  QA_GAME: { width: 520, height: 720 },
};

/** A picture for each kind in lists and pickers (decorative; the kind's name is always beside it). */
export const OVERLAY_KIND_ICONS: Record<OverlayKind, string> = {
  GIFT_ALERTS: '🎁',
  LEADERBOARD: '🏆',
  GOAL: '🎯',
  CHAT: '💬',
  VIEWER_COUNT: '👀',
  ACTIVITY: '⚡',
  QA_GAME: '🙋',
};

export function formatObsSize(size: ObsSize): string {
  return `${size.width} × ${size.height}`;
}

/** The path OBS opens; the token is the only credential, so it is never logged or shortened. */
export function overlayPath(token: string): string {
  return `/overlay/${encodeURIComponent(token)}`;
}

/** The absolute URL to paste into OBS (`origin` is `window.location.origin` in the browser). */
export function overlayUrl(origin: string, token: string): string {
  return new URL(overlayPath(token), origin).toString();
}

/** The same page in preview mode: checkerboard background and sample data, for the editor's iframe. */
export function previewPath(token: string): string {
  return `${overlayPath(token)}?preview=1`;
}

// The editor → preview protocol is defined by the overlay page (lib/overlays/preview.ts); only its type
// is imported here, so the editor's bundle does not carry the preview's sample data.
export function settingsMessage(settings: unknown): EditorMessage {
  return { source: 'livelens-editor', type: 'settings', settings };
}

export function testEventMessage(): EditorMessage {
  return { source: 'livelens-editor', type: 'test' };
}

/** The settings of one overlay, tagged with its kind so a form can narrow both together. */
export type SettingsDraft = KindSettings;

/** Stored settings (read leniently, defaults filled) as a draft for the editor. */
export const readDraft = readKindSettings;

/** Structural equality of JSON-like values (settings), ignoring key order; NaN equals NaN. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const left = Object.entries(a);
  const right = b as Record<string, unknown>;
  return left.length === Object.keys(right).length && left.every(([key, value]) => key in right && sameValue(value, right[key]));
}

/**
 * A textarea with one word per line → the list the server stores: trimmed, blank lines dropped,
 * lower-cased and without repeats (the word filter ignores case anyway), in the order typed.
 */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().toLowerCase();
    if (word) seen.add(word);
  }
  return [...seen];
}

export function formatWordList(words: readonly string[]): string {
  return words.join('\n');
}

export const MAX_GIFT_TIERS = 10;
const MAX_TIER_DIAMONDS = 1_000_000;

/** Tiers from the cheapest gifts up (the order the rules are explained in). */
export function sortTiers(tiers: readonly GiftTier[]): GiftTier[] {
  return [...tiers].sort((a, b) => a.minDiamonds - b.minDiamonds);
}

/** The row "Add tier" appends: above the highest tier (×10 its threshold), with its multiplier. */
export function nextGiftTier(tiers: readonly GiftTier[]): GiftTier {
  const valid = tiers.filter((t) => Number.isFinite(t.minDiamonds) && Number.isFinite(t.multiplier));
  const top = sortTiers(valid).at(-1);
  if (!top) return { minDiamonds: 1, multiplier: 1 };
  const taken = new Set(valid.map((t) => t.minDiamonds));
  let minDiamonds = Math.min(MAX_TIER_DIAMONDS, Math.max(top.minDiamonds * 10, top.minDiamonds + 1));
  // At the ceiling, step down to a free value so two tiers never start at the same value.
  while (taken.has(minDiamonds) && minDiamonds > 1) minDiamonds -= 1;
  return { minDiamonds, multiplier: top.multiplier };
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const n = (value: number) => numberFormat.format(value);
const perLikes = (likes: number) => (likes === 1 ? '1 point per like' : `1 point per ${n(likes)} likes`);

/** The gift part of the rules: "×1 for gifts of 1–9 diamonds, ×1.2 for 10–99 and ×1.5 for 100 or more". */
function describeTiers(tiers: readonly GiftTier[]): string {
  const sorted = sortTiers(tiers);
  const parts = sorted.map((tier, i) => {
    const next = sorted[i + 1];
    const range = next ? (next.minDiamonds - 1 === tier.minDiamonds ? n(tier.minDiamonds) : `${n(tier.minDiamonds)}–${n(next.minDiamonds - 1)}`) : `${n(tier.minDiamonds)} or more`;
    return `×${n(tier.multiplier)} for ${i === 0 ? `gifts worth ${range} diamonds each` : range}`;
  });
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** The scoring rules as short sentences for the editor (updated as the streamer edits them). */
export function describeRules(rules: ScoringRules): string[] {
  const lines = [`Followers: ${perLikes(rules.likesPerPointFollower)}; everyone else: ${perLikes(rules.likesPerPointNonFollower)}. Only whole points count; leftover likes carry over.`];
  if (rules.giftTiers.length > 0) {
    lines.push(`Gifts: diamonds × a multiplier, ${describeTiers(rules.giftTiers)}.`);
    const lowest = sortTiers(rules.giftTiers)[0];
    if (lowest && lowest.minDiamonds > 1) lines.push(`Gifts worth less than ${n(lowest.minDiamonds)} diamonds count ×1.`);
  }
  lines.push('A gift streak counts once, when it ends. Nothing scores while the game is frozen.');
  const likes = rules.likesPerPointFollower * 3;
  lines.push(`Example: ${n(likes)} likes from a follower = ${n(likePoints(rules, likes, true))} points; a 5-diamond gift sent 3 times in one streak = ${n(giftPoints(rules, 5, 3))} points.`);
  return lines;
}

/** Field path → message, as the form shows them (one message per field). */
export type FieldErrors = Record<string, string>;

/** zod's wording → words a streamer can act on. Unknown messages pass through unchanged. */
export function humaniseIssue(message: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/expected number, received (NaN|null|undefined|string)/, () => 'Enter a number.'],
    [/expected int, received number/, () => 'Use a whole number.'],
    [/^Too small: expected number to be >=(-?[\d.]+)$/, (m) => `Use ${n(Number(m[1]))} or more.`],
    [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => `Use more than ${n(Number(m[1]))}.`],
    [/^Too big: expected number to be <=(-?[\d.]+)$/, (m) => `Use ${n(Number(m[1]))} or less.`],
    [/^Too big: expected number to be <(-?[\d.]+)$/, (m) => `Use less than ${n(Number(m[1]))}.`],
    [/^Too big: expected string to have <=(\d+) characters$/, (m) => `Use at most ${m[1]} characters.`],
    [/^Too small: expected string to have >=1 characters$/, () => 'This cannot be empty.'],
    [/^Too big: expected array to have <=(\d+) items$/, (m) => `At most ${m[1]} entries.`],
    [/^Too small: expected array to have >=1 items$/, () => 'Keep at least one row.'],
    [/^Invalid option: expected one of (.+)$/, (m) => `Pick one of ${m[1]?.replaceAll('"', '').split('|').join(', ')}.`],
  ];
  for (const [pattern, say] of rules) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/**
 * An API error message ("target: Too small: …", as validateSettings and the route wrapper write them)
 * split into the field path and a readable message. `field` is null for errors about no one field.
 */
export function splitFieldError(message: string): { field: string | null; message: string } {
  const match = /^([A-Za-z]\w*(?:\.\w+)*): ([\s\S]+)$/.exec(message);
  if (!match?.[1] || !match[2] || match[1] === 'body' || match[1] === 'settings') return { field: null, message: match?.[2] ? humaniseIssue(match[2]) : message };
  return { field: match[1], message: humaniseIssue(match[2]) };
}

/** A failed request in words: the API's message, or what to do when the request never arrived. */
export function requestErrorMessage(error: Error): string {
  const status = 'status' in error ? error.status : undefined;
  if (typeof status !== 'number') return 'Could not reach LiveLens. Check your connection and try again.';
  if (status === 401) return 'Your session has ended. Sign in again (in another tab, to keep your changes), then retry.';
  if (status === 404) return 'This overlay no longer exists — it may have been deleted in another tab or by a co-manager.';
  return splitFieldError(error.message).message;
}

/** Every problem with a draft, checked with the same schema as the API, before anything is sent. */
export function draftErrors(draft: SettingsDraft): FieldErrors {
  const parsed = settingsSchemas[draft.kind].safeParse(draft.settings);
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'settings';
    errors[field] ??= humaniseIssue(issue.message);
  }
  return errors;
}

/** The id of a settings control, so an error summary can link to (and focus) the field. */
export function fieldId(path: string): string {
  return `setting-${path.replace(/[^\w-]/g, '-')}`;
}

// The editor's visible labels, so the error summary names a field the way the form does.
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  blockedWords: 'Blocked words',
  filterMatch: 'Match blocked words',
  language: 'Overlay language',
  speechVoice: 'Voice',
  speechRate: 'Speaking rate',
  speechVolume: 'Speech volume',
  speechDetect: 'Read each alert in its own language',
  accent: 'Accent colour',
  scale: 'Size',
  minDiamonds: 'Minimum diamonds',
  durationSeconds: 'Alert duration',
  sound: 'Play a sound',
  volume: 'Volume',
  speech: 'Read alerts aloud',
  template: 'Alert text',
  title: 'Title',
  size: 'Rows shown',
  resetEachLive: 'Start a fresh board each LIVE',
  showOvertakes: 'Show “A overtook B” moments',
  metric: 'Goal counts',
  target: 'Target',
  maxMessages: 'Messages shown',
  hideAfterSeconds: 'Hide messages after',
  showModeratorBadge: 'Show a badge on moderators’ messages',
  label: 'Label',
  maxItems: 'Items shown',
  follows: 'Follows',
  shares: 'Shares',
  gifts: 'Gifts',
  joins: 'Viewers joining',
  countdownSeconds: 'Freeze countdown',
  'rules.likesPerPointFollower': 'Likes per point — followers',
  'rules.likesPerPointNonFollower': 'Likes per point — everyone else',
  'rules.giftTiers': 'Gift tiers',
};

/** "Target", "Gift tier 2 — minimum diamonds", "Blocked word 3": how an error summary names a field. */
export function fieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const tier = /^rules\.giftTiers\.(\d+)(?:\.(minDiamonds|multiplier))?$/.exec(path);
  if (tier) return `Gift tier ${Number(tier[1]) + 1}${tier[2] ? ` — ${tier[2] === 'minDiamonds' ? 'from diamonds' : 'multiplier'}` : ''}`;
  const word = /^blockedWords\.(\d+)$/.exec(path);
  if (word) return `Blocked word ${Number(word[1]) + 1}`;
  return path;
}
