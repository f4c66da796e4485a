// Ready-made looks ("themes") a streamer can start an overlay from or apply to one they have: a palette
// (bundled font, text, panel and accent colours chosen to stay readable over any stream, see
// lib/overlays/contrast.ts) plus what suits each kind (position, size, alert variations with their
// animations, how long chat lines stay). A theme sets only these style fields: an overlay's texts,
// language, word filter, scoring rules, goal, OBS connection and timer state are its own and stay as
// they are when a theme is applied. Names and descriptions are in the `overlayThemes` catalogue.
import type { Locale } from '@/lib/i18n/locales';
import { initialSettings, OVERLAY_DEFAULT_TEXTS } from '@/lib/overlays/default-texts';
import type { OverlayFont, OverlayPosition } from '@/lib/overlays/look';
import type { OverlayKind } from '@/lib/overlays/settings';
import type { AlertVariation } from '@/lib/overlays/variations';

export const THEME_PALETTES = ['classic', 'neon', 'gold', 'light', 'ocean'] as const;
export type ThemeId = (typeof THEME_PALETTES)[number];

export type ThemeLook = { font: OverlayFont; textColour: string; panelColour: string; panelOpacity: number; accent: string };

/** Each palette's colours; every pair is checked for contrast by themes.test.ts. */
export const PALETTES: Readonly<Record<ThemeId, ThemeLook>> = {
  classic: { font: 'system', textColour: '#ffffff', panelColour: '#0a0a10', panelOpacity: 0.88, accent: '#ff2d55' },
  neon: { font: 'rubik', textColour: '#ffffff', panelColour: '#150a2e', panelOpacity: 0.85, accent: '#d946ef' },
  gold: { font: 'montserrat', textColour: '#fff7e6', panelColour: '#1c1408', panelOpacity: 0.86, accent: '#b87a00' },
  light: { font: 'noto', textColour: '#16161d', panelColour: '#ffffff', panelOpacity: 0.92, accent: '#c8124a' },
  ocean: { font: 'noto', textColour: '#ffffff', panelColour: '#04222b', panelOpacity: 0.86, accent: '#0e9f8e' },
};

/** A touch of depth per palette, scoped and sanitised like any custom CSS (lib/overlays/custom-css.ts). */
const PALETTE_CSS: Readonly<Record<ThemeId, string>> = {
  classic: '',
  neon: '.ov-panel { box-shadow: 0 0 22px rgb(217 70 239 / 0.45); }\n.ov-accent-text { text-shadow: 0 0 10px rgb(217 70 239 / 0.6); }',
  gold: '.ov-panel { box-shadow: 0 6px 24px rgb(0 0 0 / 0.45); border-color: #b87a00; }',
  light: '.ov-panel { box-shadow: 0 4px 18px rgb(0 0 0 / 0.25); }',
  ocean: '.ov-panel { box-shadow: 0 6px 20px rgb(0 20 30 / 0.5); }',
};

/** The style fields a theme may set, per kind (besides the look every kind has). */
const LOOK_KEYS = ['font', 'textColour', 'panelColour', 'panelOpacity', 'accent', 'position', 'scale', 'customCss'] as const;
export const THEME_KEYS: Readonly<Partial<Record<OverlayKind, readonly string[]>>> = {
  GIFT_ALERTS: [...LOOK_KEYS, 'durationSeconds', 'sound', 'volume', 'variations'],
  LEADERBOARD: [...LOOK_KEYS, 'showOvertakes'],
  GOAL: LOOK_KEYS,
  CHAT: [...LOOK_KEYS, 'maxMessages', 'hideAfterSeconds', 'showModeratorBadge'],
  VIEWER_COUNT: LOOK_KEYS,
  ACTIVITY: [...LOOK_KEYS, 'maxItems'],
  QA_GAME: [...LOOK_KEYS, 'showOvertakes'],
  TOP_GIFTER: [...LOOK_KEYS, 'showAvatar'],
  TIMER: LOOK_KEYS,
};

/** The style fields a theme may set on an overlay of `kind` (a kind without its own presets: the look only). */
export function themeKeys(kind: OverlayKind): readonly string[] {
  return THEME_KEYS[kind] ?? LOOK_KEYS;
}

/** The texts of a theme's alert variations, in the overlay's language. */
const ALERT_TEXTS: Readonly<Record<Locale, { bigGift: string; follow: string; share: string }>> = {
  en: { bigGift: 'Big gift! {name} sent {count}× {gift}', follow: '{name} followed!', share: '{name} shared the LIVE!' },
  ru: { bigGift: 'Крупный подарок! {name} дарит {gift} ×{count}', follow: '{name} подписывается!', share: '{name} делится эфиром!' },
  th: { bigGift: 'ของขวัญใหญ่! {name} ส่ง {gift} ×{count}', follow: '{name} กดติดตามแล้ว!', share: '{name} แชร์ไลฟ์แล้ว!' },
  'zh-CN': { bigGift: '大礼！{name} 送出 {count} 个{gift}', follow: '{name} 关注了主播！', share: '{name} 分享了直播！' },
};

type VariationPreset = Pick<AlertVariation, 'id' | 'event' | 'minDiamonds' | 'maxDiamonds' | 'animationIn' | 'animationOut' | 'durationSeconds' | 'sound' | 'volume'> & { text: 'gift' | 'bigGift' | 'follow' | 'share' };

/** A full variation from a preset: no media (a theme ships none), texts in `locale`. */
function variation(preset: VariationPreset, locale: Locale): AlertVariation {
  const texts = ALERT_TEXTS[locale];
  const template = preset.text === 'gift' ? OVERLAY_DEFAULT_TEXTS[locale].template : texts[preset.text];
  const { text: _text, ...fields } = preset;
  return { ...fields, label: '', enabled: true, giftIds: [], likeEvery: 1000, soundId: '', visualId: '', visualKind: 'IMAGE', visualMs: 0, template, speech: false, speechVoice: '' };
}

const big = (id: string, minDiamonds: number, rest: Partial<VariationPreset> = {}): VariationPreset => ({ id, event: 'gift', minDiamonds, maxDiamonds: 0, animationIn: 'zoom', animationOut: 'fade', durationSeconds: 8, sound: 'chime', volume: 0.9, text: 'bigGift', ...rest });
const tier = (id: string, minDiamonds: number, maxDiamonds: number, rest: Partial<VariationPreset> = {}): VariationPreset => ({ id, event: 'gift', minDiamonds, maxDiamonds, animationIn: 'slide-up', animationOut: 'fade', durationSeconds: 5, sound: 'chime', volume: 0.7, text: 'gift', ...rest });
const social = (id: string, event: 'follow' | 'share', rest: Partial<VariationPreset> = {}): VariationPreset => ({ id, event, minDiamonds: 0, maxDiamonds: 0, animationIn: 'slide-up', animationOut: 'fade', durationSeconds: 4, sound: 'none', volume: 0.6, text: event, ...rest });

type KindPreset = { palette: ThemeId; position: OverlayPosition; scale: number; extra?: Record<string, unknown>; variations?: VariationPreset[] };

/** A kind without presets of its own (a newer widget) still offers these: the look only, valid for every kind. */
const GENERIC: readonly KindPreset[] = [
  { palette: 'classic', position: 'auto', scale: 1 },
  { palette: 'neon', position: 'auto', scale: 1 },
  { palette: 'gold', position: 'auto', scale: 1 },
];

/** The themes of each kind, in the order the picker shows them. */
const PRESETS: Readonly<Partial<Record<OverlayKind, readonly KindPreset[]>>> = {
  GIFT_ALERTS: [
    { palette: 'classic', position: 'auto', scale: 1, extra: { durationSeconds: 5, sound: true, volume: 0.6 }, variations: [big('theme-big', 1000), social('theme-follow', 'follow')] },
    {
      palette: 'neon',
      position: 'center',
      scale: 1.1,
      extra: { durationSeconds: 4, sound: true, volume: 0.6 },
      variations: [big('theme-big', 500, { animationIn: 'bounce', animationOut: 'zoom', durationSeconds: 7 }), tier('theme-mid', 100, 499, { animationIn: 'slide-left', animationOut: 'slide-right' }), social('theme-follow', 'follow', { animationIn: 'slide-left', animationOut: 'slide-right' }), social('theme-share', 'share', { animationIn: 'slide-left', animationOut: 'slide-right' })],
    },
    { palette: 'gold', position: 'top', scale: 1.2, extra: { durationSeconds: 5, sound: true, volume: 0.5 }, variations: [big('theme-big', 1000, { durationSeconds: 10 }), tier('theme-mid', 100, 999, { animationIn: 'slide-down', durationSeconds: 6 })] },
    { palette: 'light', position: 'bottom', scale: 1, extra: { durationSeconds: 4, sound: false, volume: 0.6 }, variations: [social('theme-follow', 'follow', { animationIn: 'fade', durationSeconds: 3 }), social('theme-share', 'share', { animationIn: 'fade', durationSeconds: 3 })] },
  ],
  LEADERBOARD: [
    { palette: 'neon', position: 'top-right', scale: 1, extra: { showOvertakes: true } },
    { palette: 'gold', position: 'top-left', scale: 1, extra: { showOvertakes: true } },
    { palette: 'light', position: 'auto', scale: 0.9, extra: { showOvertakes: false } },
  ],
  GOAL: [
    { palette: 'classic', position: 'auto', scale: 1 },
    { palette: 'neon', position: 'top', scale: 1 },
    { palette: 'ocean', position: 'bottom', scale: 1 },
  ],
  CHAT: [
    { palette: 'neon', position: 'bottom-left', scale: 1, extra: { maxMessages: 8, hideAfterSeconds: 0, showModeratorBadge: true } },
    { palette: 'light', position: 'bottom-right', scale: 1, extra: { maxMessages: 6, hideAfterSeconds: 60, showModeratorBadge: true } },
    { palette: 'ocean', position: 'left', scale: 0.9, extra: { maxMessages: 10, hideAfterSeconds: 120, showModeratorBadge: false } },
  ],
  VIEWER_COUNT: [
    { palette: 'classic', position: 'top-left', scale: 1 },
    { palette: 'ocean', position: 'top-right', scale: 1.2 },
  ],
  ACTIVITY: [
    { palette: 'neon', position: 'bottom-right', scale: 1, extra: { maxItems: 5 } },
    { palette: 'light', position: 'top-right', scale: 0.9, extra: { maxItems: 4 } },
  ],
  QA_GAME: [
    { palette: 'neon', position: 'auto', scale: 1, extra: { showOvertakes: true } },
    { palette: 'gold', position: 'auto', scale: 1, extra: { showOvertakes: true } },
  ],
  TOP_GIFTER: [
    { palette: 'gold', position: 'top-right', scale: 1, extra: { showAvatar: true } },
    { palette: 'neon', position: 'top-left', scale: 1, extra: { showAvatar: true } },
  ],
  TIMER: [
    { palette: 'ocean', position: 'top', scale: 1 },
    { palette: 'neon', position: 'top-right', scale: 1.1 },
    { palette: 'classic', position: 'auto', scale: 1 },
  ],
};

export type OverlayTheme = { kind: OverlayKind; id: ThemeId; look: ThemeLook };

/** The themes a kind offers, in the picker's order. */
const presetsOf = (kind: OverlayKind): readonly KindPreset[] => PRESETS[kind] ?? GENERIC;

export function themesFor(kind: OverlayKind): OverlayTheme[] {
  return presetsOf(kind).map((p) => ({ kind, id: p.palette, look: PALETTES[p.palette] }));
}

export function isThemeOf(kind: OverlayKind, id: string): id is ThemeId {
  return presetsOf(kind).some((p) => p.palette === id);
}

/** The fields a theme sets on an overlay of its kind, texts in `locale`. Unknown theme: null. */
export function themeSettings(kind: OverlayKind, id: string, locale: Locale): Record<string, unknown> | null {
  const preset = presetsOf(kind).find((p) => p.palette === id);
  if (!preset) return null;
  return {
    ...PALETTES[preset.palette],
    position: preset.position,
    scale: preset.scale,
    customCss: PALETTE_CSS[preset.palette],
    ...preset.extra,
    ...(preset.variations ? { variations: preset.variations.map((v) => variation(v, locale)) } : {}),
  };
}

/** The settings of a new overlay started from a theme (or from the plain defaults when `themeId` is absent). */
export function themedInitialSettings(kind: OverlayKind, locale: Locale, themeId?: string): Record<string, unknown> {
  return { ...initialSettings(kind, locale), ...(themeId ? themeSettings(kind, themeId, locale) : null) };
}

/** An overlay's settings with a theme applied: its style replaced, everything else (texts, rules, secrets) kept. */
export function withTheme(kind: OverlayKind, current: Record<string, unknown>, id: string, locale: Locale): Record<string, unknown> | null {
  const theme = themeSettings(kind, id, locale);
  return theme ? { ...current, ...theme } : null;
}
