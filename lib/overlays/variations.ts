// Alert variations of a GIFT_ALERTS overlay: rules tried in order, the first that matches an event
// decides how it is shown (sound, picture or video, text, animations, duration, speech). When none
// matches, a paid event (a gift, a Super Chat, a membership) falls back to the overlay's own settings (its
// threshold, text, chime and speech), so overlays saved before variations existed behave as they did;
// follows, shares, likes and joins alert only through a variation. Value tiers and the threshold are in the
// overlay's own channel's unit: another platform's value (an overlay drawing from a creator's cluster)
// converts at the rates the page was given (`worth`). Pure functions, shared by the overlay page, the editor
// and the tests.
import { platformOfId } from '@/lib/platforms/ids';
import type { Locale } from '@/lib/i18n/locales';
import type { Platform } from '@/lib/platforms/events';
import { z } from 'zod';
import type { RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';

/**
 * What can trigger an alert. `superChat` is Bilibili's paid message; `membership` a TikTok LIVE subscription
 * or a Bilibili guard purchase (舰长, 提督, 总督).
 */
export const ALERT_EVENT_KINDS = ['gift', 'follow', 'share', 'like', 'join', 'superChat', 'membership'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/** The kinds that carry a value: value tiers apply, and the overlay's own settings play them when no variation does. */
const PAID_ALERT_KINDS: readonly AlertEventKind[] = ['gift', 'superChat', 'membership'];
export const isPaidAlert = (kind: AlertEventKind) => PAID_ALERT_KINDS.includes(kind);

/** Entry and exit animations (CSS keyframes in components/overlay/overlay.css; none when motion is reduced). */
export const ALERT_ANIMATIONS = ['fade', 'slide-up', 'slide-down', 'slide-left', 'slide-right', 'zoom', 'bounce', 'none'] as const;
export type AlertAnimation = (typeof ALERT_ANIMATIONS)[number];

export const ALERT_SOUNDS = ['chime', 'media', 'none'] as const;

/** At most this many variations per overlay (a gift-tier setup needs a handful). */
export const MAX_VARIATIONS = 30;

const mediaId = z.string().trim().max(64).regex(/^[\w-]*$/, 'Choose a file from the media library.').default('');

export const alertVariationSchema = z
  .object({
    /** Stable across reordering, so the editor and the queue can tell variations apart. */
    id: z.string().trim().min(1).max(40).regex(/^[\w-]+$/),
    /** The streamer's own label ("Big gifts"); shown only in the editor. */
    label: z.string().trim().max(60).default(''),
    enabled: z.boolean().default(true),
    event: z.enum(ALERT_EVENT_KINDS).default('gift'),
    /** Gifts only: these gift ids (empty: any gift). */
    giftIds: z.array(z.string().trim().min(1).max(40).regex(/^[\w-]+$/)).max(50).default([]),
    /** Gifts, Super Chats and memberships: the value in the overlay's unit, inclusive (0: no bound). */
    minDiamonds: z.number().int().min(0).max(10_000_000).default(0),
    maxDiamonds: z.number().int().min(0).max(10_000_000).default(0),
    /** Likes only: an alert each time the LIVE's like total passes a multiple of this. */
    likeEvery: z.number().int().min(1).max(10_000_000).default(1000),
    sound: z.enum(ALERT_SOUNDS).default('chime'),
    /** A SOUND file of the workspace's media library, used when `sound` is 'media'. */
    soundId: mediaId,
    /** An IMAGE (GIFs included) or VIDEO file of the media library shown with the alert ('' none). */
    visualId: mediaId,
    visualKind: z.enum(['IMAGE', 'VIDEO']).default('IMAGE'),
    /** A video's length when it was chosen (0: unknown); the alert ends with the video if that is sooner. */
    visualMs: z.number().int().min(0).max(600_000).default(0),
    /** {name}, {gift}, {count}, {value} (diamonds or gold, or likes for a like milestone) and {message}. */
    template: z.string().trim().max(160).default('{name} sent {count}× {gift}'),
    animationIn: z.enum(ALERT_ANIMATIONS).default('zoom'),
    animationOut: z.enum(ALERT_ANIMATIONS).default('fade'),
    durationSeconds: z.number().min(1).max(60).default(5),
    speech: z.boolean().default(false),
    speechVoice: z.string().trim().max(200).default(''),
    /** Sound (chime or file) and video volume, 0–1. */
    volume: z.number().min(0).max(1).default(0.8),
  })
  .superRefine((v, ctx) => {
    if (v.maxDiamonds > 0 && v.minDiamonds > v.maxDiamonds) ctx.addIssue({ code: 'custom', path: ['maxDiamonds'], message: 'The maximum must be at least the minimum.' });
    if (v.sound === 'media' && !v.soundId) ctx.addIssue({ code: 'custom', path: ['soundId'], message: 'Choose a sound from the media library.' });
  });

export type AlertVariation = z.infer<typeof alertVariationSchema>;

export const alertVariationsField = z
  .array(alertVariationSchema)
  .max(MAX_VARIATIONS)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Two variations have the same id.' });
      seen.add(v.id);
    });
  });

/** Stored variations read leniently: an entry that no longer validates is left out, the rest kept. */
export function readVariations(stored: unknown): AlertVariation[] {
  if (!Array.isArray(stored)) return [];
  const kept: AlertVariation[] = [];
  for (const entry of stored.slice(0, MAX_VARIATIONS)) {
    const parsed = alertVariationSchema.safeParse(entry);
    if (parsed.success && !kept.some((v) => v.id === parsed.data.id)) kept.push(parsed.data);
  }
  return kept;
}

/** A new variation with every field at its default, its text for its kind in the overlay's language. */
export function newVariation(id: string, event: AlertEventKind = 'gift', locale: Locale = 'en'): AlertVariation {
  return alertVariationSchema.parse({ id, event, template: VARIATION_TEMPLATES[locale][event] });
}

/** The text a new variation of each kind starts with, per overlay language. */
export const VARIATION_TEMPLATES: Readonly<Record<Locale, Readonly<Record<AlertEventKind, string>>>> = {
  en: { gift: '{name} sent {count}× {gift}', follow: '{name} followed!', share: '{name} shared the LIVE!', like: '{value} likes!', join: '{name} joined', superChat: '{name}: {message}', membership: '{name} became {gift}!' },
  ru: { gift: '{name} дарит {gift} ×{count}', follow: '{name} подписывается!', share: '{name} делится эфиром!', like: 'Лайков: {value}!', join: '{name} заходит', superChat: '{name}: {message}', membership: '{name} теперь {gift}!' },
  th: { gift: '{name} ส่ง {gift} ×{count}', follow: '{name} กดติดตามแล้ว!', share: '{name} แชร์ไลฟ์แล้ว!', like: 'ครบ {value} ไลก์!', join: '{name} เข้ามาแล้ว', superChat: '{name}: {message}', membership: '{name} เป็น {gift} แล้ว!' },
  'zh-CN': { gift: '{name} 送出 {count} 个{gift}', follow: '{name} 关注了主播！', share: '{name} 分享了直播！', like: '点赞达到 {value}！', join: '{name} 进入直播间', superChat: '{name}：{message}', membership: '{name} 开通了{gift}！' },
};

/** The English texts (what variations made before texts followed the language start with). */
export const DEFAULT_TEMPLATES = VARIATION_TEMPLATES.en;

/**
 * A variation whose "When" or overlay language changed: its text follows when it is still the starting
 * text of its kind (in any language); a text the streamer wrote stays as written.
 */
export function withVariationDefaults(v: AlertVariation, event: AlertEventKind, locale: Locale): AlertVariation {
  const untouched = Object.values(VARIATION_TEMPLATES).some((texts) => texts[v.event] === v.template);
  return { ...v, event, template: untouched ? VARIATION_TEMPLATES[locale][event] : v.template };
}

// ---- Events ----

/** One thing that may alert, whatever its source, in the terms variations match on. */
export type AlertSubject = {
  kind: AlertEventKind;
  /** Where the event happened, when not on TikTok (an overlay drawing from a creator's channels on several platforms). */
  platform?: Exclude<Platform, 'tiktok'>;
  /** Dedupe key: the same event delivered twice alerts once. */
  id: string;
  user: { nickname: string; handle: string } | null;
  giftId: string;
  giftName: string;
  image: string | null;
  /** Gifts: how many in the streak; likes: the milestone reached; others 1. */
  count: number;
  /** Paid events: the finished streak's value in its platform's unit (diamonds, gold); likes: the milestone; others 0. */
  value: number;
  /** `value` in the overlay's own unit, which tiers and the threshold are written in. */
  worth: number;
  message: string;
};

/** What one unit of each platform's value is worth in the overlay's own unit (1 for its own platform). */
export type ValueRates = Partial<Record<Platform, number>>;

/** The platform of an event from its viewer's id (other platforms' ids carry their name: lib/platforms/ids.ts). */
function platformOf(user: { id: string } | null): Pick<AlertSubject, 'platform'> {
  const platform = user ? platformOfId(user.id) : 'tiktok';
  return platform === 'tiktok' ? {} : { platform };
}

/** A gift, Super Chat or membership; its worth converted by `rates` when it comes from another platform. */
export function giftSubject(gift: RealtimeGift, rates: ValueRates = {}): AlertSubject {
  const kind: AlertEventKind = gift.kind === 'super_chat' ? 'superChat' : gift.kind === 'guard' ? 'membership' : 'gift';
  const where = platformOf(gift.user);
  const worth = Math.round(gift.diamonds * (rates[where.platform ?? 'tiktok'] ?? 1));
  return { kind, id: gift.id, user: gift.user, giftId: gift.giftId, giftName: gift.name, image: gift.image, count: gift.repeatCount, value: gift.diamonds, worth, message: gift.message ?? '', ...where };
}

/** A follow, share or join; a TikTok subscription alerts as a membership ({count}: its months). */
export function socialSubject(social: RealtimeSocial): AlertSubject {
  const kind: AlertEventKind = social.kind === 'subscribe' ? 'membership' : social.kind;
  return { kind, id: `${social.kind}:${social.id}`, user: social.user, giftId: '', giftName: '', image: null, count: social.months ?? 1, value: 0, worth: 0, message: '', ...platformOf(social.user) };
}

export function likeSubject(liveId: string, milestone: number): AlertSubject {
  return { kind: 'like', id: `like:${liveId}:${milestone}`, user: null, giftId: '', giftName: '', image: null, count: milestone, value: milestone, worth: milestone, message: '' };
}

/**
 * The highest multiple of `every` the like total passed going from `previous` to `next` (null: none).
 * A first reading (previous null) sets the baseline and alerts nothing, so opening an overlay mid-LIVE
 * does not announce a milestone reached long ago.
 */
export function likeMilestone(previous: number | null, next: number, every: number): number | null {
  if (previous === null || every < 1 || next <= previous) return null;
  const milestone = Math.floor(next / every) * every;
  return milestone > previous ? milestone : null;
}

/** The like milestones one counters update reaches, one per distinct step among the enabled like variations, smallest first. */
export function likeMilestones(variations: readonly AlertVariation[], previous: number | null, next: number): number[] {
  const found = new Set<number>();
  for (const v of variations) {
    if (!v.enabled || v.event !== 'like') continue;
    const milestone = likeMilestone(previous, next, v.likeEvery);
    if (milestone !== null) found.add(milestone);
  }
  return [...found].sort((a, b) => a - b);
}

// ---- Matching ----

export function variationMatches(v: AlertVariation, subject: AlertSubject): boolean {
  if (!v.enabled || v.event !== subject.kind) return false;
  switch (subject.kind) {
    case 'gift':
    case 'superChat':
    case 'membership':
      if (subject.kind === 'gift' && v.giftIds.length > 0 && !v.giftIds.includes(subject.giftId)) return false;
      if (v.minDiamonds > 0 && subject.worth < v.minDiamonds) return false;
      if (v.maxDiamonds > 0 && subject.worth > v.maxDiamonds) return false;
      return true;
    case 'like':
      return subject.count % v.likeEvery === 0;
    default:
      return true;
  }
}

/** The first variation (in the list's order) that matches, or null. */
export function matchVariation(variations: readonly AlertVariation[], subject: AlertSubject): AlertVariation | null {
  return variations.find((v) => variationMatches(v, subject)) ?? null;
}

// ---- What to play ----

/** The settings of the overlay itself that a gift falls back to. */
export type FallbackSettings = {
  minDiamonds: number;
  durationSeconds: number;
  template: string;
  sound: boolean;
  volume: number;
  speech: boolean;
  speechVoice: string;
};

/** Everything the overlay needs to play one alert. */
export type AlertPlan = {
  subject: AlertSubject;
  /** The variation used (null: the overlay's own settings). */
  variationId: string | null;
  template: string;
  sound: { kind: 'chime' | 'none' } | { kind: 'media'; mediaId: string };
  volume: number;
  visual: { kind: 'IMAGE' | 'VIDEO'; mediaId: string } | null;
  animationIn: AlertAnimation;
  animationOut: AlertAnimation;
  durationMs: number;
  speech: boolean;
  speechVoice: string;
};

/** The shortest an alert may last, so even a very short video is seen. */
export const MIN_ALERT_MS = 1000;

/** How an event is played: by its variation, by the overlay's own settings (a gift over the threshold), or not at all (null). */
export function planAlert(variations: readonly AlertVariation[], fallback: FallbackSettings, subject: AlertSubject): AlertPlan | null {
  const v = matchVariation(variations, subject);
  if (v) {
    const visual = v.visualId ? { kind: v.visualKind, mediaId: v.visualId } : null;
    const full = Math.round(v.durationSeconds * 1000);
    // A video shorter than the duration ends the alert with it; a longer one is cut at the duration.
    const durationMs = visual?.kind === 'VIDEO' && v.visualMs > 0 ? Math.max(MIN_ALERT_MS, Math.min(full, v.visualMs)) : full;
    return {
      subject,
      variationId: v.id,
      template: v.template,
      sound: v.sound === 'media' ? (v.soundId ? { kind: 'media', mediaId: v.soundId } : { kind: 'none' }) : { kind: v.sound },
      volume: v.volume,
      visual,
      animationIn: v.animationIn,
      animationOut: v.animationOut,
      durationMs,
      speech: v.speech,
      speechVoice: v.speechVoice,
    };
  }
  if (!isPaidAlert(subject.kind) || subject.worth < fallback.minDiamonds) return null;
  return {
    subject,
    variationId: null,
    template: fallback.template,
    sound: { kind: fallback.sound ? 'chime' : 'none' },
    volume: fallback.volume,
    visual: null,
    animationIn: 'zoom',
    animationOut: 'fade',
    durationMs: Math.round(fallback.durationSeconds * 1000),
    speech: fallback.speech,
    speechVoice: fallback.speechVoice,
  };
}

/** Media files the variations use, to check against the library (a deleted one is flagged in the editor). */
export function referencedMedia(variations: readonly AlertVariation[]): { variationId: string; mediaId: string; role: 'sound' | 'visual' }[] {
  return variations.flatMap((v) => [
    ...(v.sound === 'media' && v.soundId ? [{ variationId: v.id, mediaId: v.soundId, role: 'sound' as const }] : []),
    ...(v.visualId ? [{ variationId: v.id, mediaId: v.visualId, role: 'visual' as const }] : []),
  ]);
}

/** Fills {name} {gift} {count} {value} {message} (and the older {diamonds}, same as {value}). */
export function fillAlertTemplate(template: string, values: { name: string; gift: string; count: number; value: number; message: string }): string {
  return template.replace(/\{(name|gift|count|value|diamonds|message)\}/g, (_, key: 'name' | 'gift' | 'count' | 'value' | 'diamonds' | 'message') => String(key === 'diamonds' ? values.value : values[key]));
}

/** Where the overlay page (OBS, or the editor's preview) loads a media file: the token is its credential. */
export function overlayMediaPath(token: string, mediaId: string): string {
  return `/api/overlay/${encodeURIComponent(token)}/media/${encodeURIComponent(mediaId)}`;
}

/** An event the variation matches, for its "Test" button in the editor. */
export function sampleSubject(v: AlertVariation, n: number, sample: { nickname: string; handle: string; giftId: string; giftName: string; message: string; membership: string }): AlertSubject {
  const id = `test:${v.id}:${n}`;
  const user = { nickname: sample.nickname, handle: sample.handle };
  switch (v.event) {
    case 'gift':
    case 'superChat':
    case 'membership': {
      const value = Math.max(1, v.minDiamonds, v.maxDiamonds > 0 ? Math.min(v.maxDiamonds, Math.max(1, v.minDiamonds)) : 0);
      const gift = v.event === 'gift' ? { giftId: v.giftIds[0] ?? sample.giftId, giftName: sample.giftName } : { giftId: '', giftName: v.event === 'membership' ? sample.membership : '' };
      return { kind: v.event, id, user, ...gift, image: null, count: 1, value, worth: value, message: v.event === 'superChat' ? sample.message : '' };
    }
    case 'like':
      return { kind: 'like', id, user: null, giftId: '', giftName: '', image: null, count: v.likeEvery, value: v.likeEvery, worth: v.likeEvery, message: '' };
    default:
      return { kind: v.event, id, user, giftId: '', giftName: '', image: null, count: 1, value: 0, worth: 0, message: '' };
  }
}

/** The plan of one variation for `subject`, whether or not it would match (the editor's test). */
export function planVariation(v: AlertVariation, subject: AlertSubject): AlertPlan {
  const plan = planAlert([{ ...v, enabled: true, event: subject.kind, giftIds: [], minDiamonds: 0, maxDiamonds: 0, likeEvery: 1 }], { minDiamonds: 0, durationSeconds: 5, template: '', sound: false, volume: 0, speech: false, speechVoice: '' }, subject);
  if (!plan) throw new Error('a variation always plans its own sample');
  return plan;
}
