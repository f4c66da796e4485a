// Pure helpers of the overlay editor in the dashboard (browser-safe, unit-tested): the OBS source size
// we suggest per kind, overlay URLs, the preview message protocol, word lists, gift tier rows, scoring
// rules in plain words, and validation messages a streamer can act on. The sentences come from an
// EditorWords object the dashboard builds from its catalogue (editor-words.ts next to the editor), so this
// file knows no language.
import { giftPoints, likePoints, wholePoints, type GiftTier, type ScoringRules } from '@/lib/games/rules';
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
  TOP_GIFTER: { width: 480, height: 160 },
  TIMER: { width: 480, height: 200 },
  WHEEL: { width: 600, height: 720 },
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
  TOP_GIFTER: '👑',
  TIMER: '⏳',
  WHEEL: '🎡',
};

/**
 * Whether a kind shows or speaks viewers' names or messages. Only those offer the word filter: a goal
 * bar or a viewer count shows none, so a filter there would be a setting that does nothing.
 */
const SHOWS_VIEWER_TEXT: Record<OverlayKind, boolean> = {
  GIFT_ALERTS: true,
  LEADERBOARD: true,
  GOAL: false,
  CHAT: true,
  VIEWER_COUNT: false,
  ACTIVITY: true,
  QA_GAME: true,
  TOP_GIFTER: true,
  TIMER: false,
  WHEEL: true,
};

export function offersWordFilter(kind: OverlayKind): boolean {
  return SHOWS_VIEWER_TEXT[kind];
}

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

/**
 * The editor's sentences in the page's language. editor.ts decides which sentence applies and with which
 * values; the dashboard builds this object from its `overlayEditor` catalogue (useEditorWords), and each
 * function formats its numbers in the page's locale.
 */
export type EditorWords = {
  // Validation, from zod's wording (humaniseIssue).
  enterNumber: () => string;
  wholeNumber: () => string;
  atLeast: (min: number) => string;
  moreThan: (min: number) => string;
  atMost: (max: number) => string;
  lessThan: (max: number) => string;
  maxCharacters: (max: number) => string;
  notEmpty: () => string;
  maxEntries: (max: number) => string;
  keepOneRow: () => string;
  pickOneOf: (options: readonly string[]) => string;
  invalid: () => string;
  // The settings schemas' own messages (lib/overlays/settings.ts, lib/games/rules.ts).
  colourFormat: () => string;
  obsUrlFormat: () => string;
  tiersClash: () => string;
  chooseGift: () => string;
  segmentLabel: () => string;
  chooseGifts: () => string;
  // Requests that failed before the API could say why.
  unreachable: () => string;
  signedOut: () => string;
  overlayGone: () => string;
  // Field names in the error summary (fieldLabel).
  field: (name: FieldName) => string;
  giftTier: (index: number) => string;
  giftTierFrom: (index: number) => string;
  giftTierMultiplier: (index: number) => string;
  blockedWord: (index: number) => string;
  wheelSegment: (index: number) => string;
  wheelRule: (index: number) => string;
  // The scoring rules in plain words (describeRules).
  rulesLikes: (follower: number, others: number) => string;
  rulesGifts: (tiers: string) => string;
  /** The first tier names the unit: "×1 for gifts worth 1–9 diamonds each". */
  tierFirstRange: (multiplier: number, from: number, to: number) => string;
  tierFirstExact: (multiplier: number, diamonds: number) => string;
  tierFirstUp: (multiplier: number, from: number) => string;
  /** Later tiers: "×1.2 for 10–99", "×2 for 100", "×1.5 for 100 or more". */
  tierRange: (multiplier: number, from: number, to: number) => string;
  tierExact: (multiplier: number, diamonds: number) => string;
  tierUp: (multiplier: number, from: number) => string;
  /** "a, b and c" in the page's language. */
  list: (parts: readonly string[]) => string;
  rulesBelowLowest: (diamonds: number) => string;
  rulesStreak: () => string;
  rulesExample: (likes: number, likePoints: number, giftPoints: number) => string;
};

/** The gift part of the rules: "×1 for gifts worth 1–9 diamonds each, ×1.2 for 10–99 and ×1.5 for 100 or more". */
function describeTiers(tiers: readonly GiftTier[], words: EditorWords): string {
  const sorted = sortTiers(tiers);
  const parts = sorted.map((tier, i) => {
    const next = sorted[i + 1];
    const first = i === 0;
    if (!next) return first ? words.tierFirstUp(tier.multiplier, tier.minDiamonds) : words.tierUp(tier.multiplier, tier.minDiamonds);
    const to = next.minDiamonds - 1;
    if (to === tier.minDiamonds) return first ? words.tierFirstExact(tier.multiplier, to) : words.tierExact(tier.multiplier, to);
    return first ? words.tierFirstRange(tier.multiplier, tier.minDiamonds, to) : words.tierRange(tier.multiplier, tier.minDiamonds, to);
  });
  return words.list(parts);
}

/** The scoring rules as short sentences for the editor (updated as the streamer edits them). */
export function describeRules(rules: ScoringRules, words: EditorWords): string[] {
  const lines = [words.rulesLikes(rules.likesPerPointFollower, rules.likesPerPointNonFollower)];
  if (rules.giftTiers.length > 0) {
    lines.push(words.rulesGifts(describeTiers(rules.giftTiers, words)));
    const lowest = sortTiers(rules.giftTiers)[0];
    if (lowest && lowest.minDiamonds > 1) lines.push(words.rulesBelowLowest(lowest.minDiamonds));
  }
  lines.push(words.rulesStreak());
  const likes = rules.likesPerPointFollower * 3;
  lines.push(words.rulesExample(likes, likePoints(rules, likes, true), wholePoints(giftPoints(rules, 5, 3))));
  return lines;
}

/** Field path → message, as the form shows them (one message per field). */
export type FieldErrors = Record<string, string>;

/**
 * zod's wording (and the settings schemas' own messages, which are English) → words a streamer can act
 * on. Anything else passes through unchanged: the API's messages arrive already in the page's language.
 */
export function humaniseIssue(message: string, words: EditorWords): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/expected number, received (NaN|null|undefined|string)/, () => words.enterNumber()],
    [/expected int, received number/, () => words.wholeNumber()],
    [/^Too small: expected number to be >=(-?[\d.]+)$/, (m) => words.atLeast(Number(m[1]))],
    [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => words.moreThan(Number(m[1]))],
    [/^Too big: expected number to be <=(-?[\d.]+)$/, (m) => words.atMost(Number(m[1]))],
    [/^Too big: expected number to be <(-?[\d.]+)$/, (m) => words.lessThan(Number(m[1]))],
    [/^Too big: expected string to have <=(\d+) characters$/, (m) => words.maxCharacters(Number(m[1]))],
    [/^Too small: expected string to have >=1 characters$/, () => words.notEmpty()],
    [/^Too big: expected array to have <=(\d+) items$/, (m) => words.maxEntries(Number(m[1]))],
    [/^Too small: expected array to have >=1 items$/, () => words.keepOneRow()],
    [/^Invalid option: expected one of (.+)$/, (m) => words.pickOneOf((m[1] ?? '').replaceAll('"', '').split('|'))],
    [/^Use a colour like #ff2d55\.$/, () => words.colourFormat()],
    [/^Use a websocket address like ws:\/\/127\.0\.0\.1:4455\.$/, () => words.obsUrlFormat()],
    [/^Two gift tiers start at the same value\.$/, () => words.tiersClash()],
    [/^Choose a gift from the list\.$/, () => words.chooseGift()],
    [/^Give the segment a label\.$/, () => words.segmentLabel()],
    [/^Choose at least one gift\.$/, () => words.chooseGifts()],
    [/^Invalid (?:input|string)\b/, () => words.invalid()],
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
export function splitFieldError(message: string, words: EditorWords): { field: string | null; message: string } {
  const match = /^([A-Za-z]\w*(?:\.\w+)*): ([\s\S]+)$/.exec(message);
  if (!match?.[1] || !match[2] || match[1] === 'body' || match[1] === 'settings') return { field: null, message: match?.[2] ? humaniseIssue(match[2], words) : message };
  return { field: match[1], message: humaniseIssue(match[2], words) };
}

/** A failed request in words: the API's message, or what to do when the request never arrived. */
export function requestErrorMessage(error: Error, words: EditorWords): string {
  const status = 'status' in error ? error.status : undefined;
  if (typeof status !== 'number') return words.unreachable();
  if (status === 401) return words.signedOut();
  if (status === 404) return words.overlayGone();
  return splitFieldError(error.message, words).message;
}

/** Every problem with a draft, checked with the same schema as the API, before anything is sent. */
export function draftErrors(draft: SettingsDraft, words: EditorWords): FieldErrors {
  const parsed = settingsSchemas[draft.kind].safeParse(draft.settings);
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'settings';
    errors[field] ??= humaniseIssue(issue.message, words);
  }
  return errors;
}

/** The id of a settings control, so an error summary can link to (and focus) the field. */
export function fieldId(path: string): string {
  return `setting-${path.replace(/[^\w-]/g, '-')}`;
}

/** The settings a field label is named for (see FIELD_NAMES). */
export type FieldName =
  | 'name'
  | 'blockedWords'
  | 'filterMatch'
  | 'language'
  | 'speechVoice'
  | 'speechRate'
  | 'speechVolume'
  | 'speechDetect'
  | 'accent'
  | 'scale'
  | 'minDiamonds'
  | 'durationSeconds'
  | 'sound'
  | 'volume'
  | 'speech'
  | 'template'
  | 'title'
  | 'size'
  | 'resetEachLive'
  | 'showOvertakes'
  | 'metric'
  | 'target'
  | 'maxMessages'
  | 'hideAfterSeconds'
  | 'showModeratorBadge'
  | 'label'
  | 'maxItems'
  | 'follows'
  | 'shares'
  | 'gifts'
  | 'joins'
  | 'countdownSeconds'
  | 'obsScene'
  | 'obsUrl'
  | 'obsPassword'
  | 'giftId'
  | 'showAvatar'
  | 'startMinutes'
  | 'secondsPerDiamond'
  | 'likesPerStep'
  | 'secondsPerLikeStep'
  | 'secondsPerFollow'
  | 'capMinutes'
  | 'maxSpinsPerGift'
  | 'spinSeconds'
  | 'resultSeconds'
  | 'likesPerPointFollower'
  | 'likesPerPointNonFollower'
  | 'giftTiers';

// Field path → the name of its visible label, so the error summary names a field the way the form does.
const FIELD_NAMES: Record<string, FieldName> = {
  'rules.likesPerPointFollower': 'likesPerPointFollower',
  'rules.likesPerPointNonFollower': 'likesPerPointNonFollower',
  'rules.giftTiers': 'giftTiers',
};
const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set<FieldName>([
  'name',
  'blockedWords',
  'filterMatch',
  'language',
  'speechVoice',
  'speechRate',
  'speechVolume',
  'speechDetect',
  'accent',
  'scale',
  'minDiamonds',
  'durationSeconds',
  'sound',
  'volume',
  'speech',
  'template',
  'title',
  'size',
  'resetEachLive',
  'showOvertakes',
  'metric',
  'target',
  'maxMessages',
  'hideAfterSeconds',
  'showModeratorBadge',
  'label',
  'maxItems',
  'follows',
  'shares',
  'gifts',
  'joins',
  'countdownSeconds',
  'obsScene',
  'obsUrl',
  'obsPassword',
  'giftId',
  'showAvatar',
  'startMinutes',
  'secondsPerDiamond',
  'likesPerStep',
  'secondsPerLikeStep',
  'secondsPerFollow',
  'capMinutes',
  'maxSpinsPerGift',
  'spinSeconds',
  'resultSeconds',
]);

/** "Target", "Gift tier 2 — multiplier", "Blocked word 3": how an error summary names a field. Unknown paths stay as they are. */
export function fieldLabel(path: string, words: EditorWords): string {
  const known = FIELD_NAMES[path] ?? (TOP_LEVEL_FIELDS.has(path) ? (path as FieldName) : undefined);
  if (known) return words.field(known);
  const tier = /^rules\.giftTiers\.(\d+)(?:\.(minDiamonds|multiplier))?$/.exec(path);
  if (tier) {
    const index = Number(tier[1]) + 1;
    return tier[2] === 'minDiamonds' ? words.giftTierFrom(index) : tier[2] === 'multiplier' ? words.giftTierMultiplier(index) : words.giftTier(index);
  }
  const wheel = /^(segments|rules)\.(\d+)(?:\.\w+)?$/.exec(path);
  if (wheel) return wheel[1] === 'segments' ? words.wheelSegment(Number(wheel[2]) + 1) : words.wheelRule(Number(wheel[2]) + 1);
  const word = /^blockedWords\.(\d+)$/.exec(path);
  if (word) return words.blockedWord(Number(word[1]) + 1);
  return path;
}
