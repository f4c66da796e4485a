// The texts an overlay starts with, in each language (a streamer edits them in the overlay editor). An
// overlay is created in the language of the dashboard that creates it; changing its language in the
// editor replaces each text still at its default with the new language's (lib/overlays/editor.ts).
import type { Locale } from '@/lib/i18n/locales';
import { alertVariationSchema, withVariationDefaults } from '@/lib/overlays/variations';

export type OverlayDefaultTexts = {
  /** Gift alerts: {name}, {gift}, {count} and {diamonds} are replaced. */
  template: string;
  leaderboardTitle: string;
  goalTitle: string;
  viewerLabel: string;
  qaTitle: string;
  topGifterTitle: string;
  timerTitle: string;
  wheelTitle: string;
};

export const OVERLAY_DEFAULT_TEXTS: Readonly<Record<Locale, OverlayDefaultTexts>> = {
  en: { template: '{name} sent {count}× {gift}', leaderboardTitle: 'Top fans', goalTitle: 'Like goal', viewerLabel: 'watching', qaTitle: 'Q&A — top fan asks', topGifterTitle: 'Top gifter', timerTitle: 'Subathon', wheelTitle: 'Wheel of fortune' },
  ru: { template: '{name} дарит {gift} ×{count}', leaderboardTitle: 'Топ зрителей', goalTitle: 'Цель по лайкам', viewerLabel: 'смотрят', qaTitle: 'Вопрос от лучшего зрителя', topGifterTitle: 'Лучший даритель', timerTitle: 'Сабатон', wheelTitle: 'Колесо фортуны' },
  th: { template: '{name} ส่ง {gift} ×{count}', leaderboardTitle: 'แฟนตัวท็อป', goalTitle: 'เป้าหมายยอดไลก์', viewerLabel: 'คนกำลังดู', qaTitle: 'ถาม-ตอบ แฟนอันดับ 1 ได้ถาม', topGifterTitle: 'ผู้ให้ของขวัญอันดับ 1', timerTitle: 'ซับบาธอน', wheelTitle: 'วงล้อนำโชค' },
  'zh-CN': { template: '{name} 送出 {count} 个{gift}', leaderboardTitle: '粉丝榜', goalTitle: '点赞目标', viewerLabel: '人在看', qaTitle: '问答：榜一提问', topGifterTitle: '礼物榜一', timerTitle: '续时挑战', wheelTitle: '幸运大转盘' },
};

/** Which setting of which kind holds each default text. */
const FIELDS: Readonly<Record<string, Partial<Record<keyof OverlayDefaultTexts, string>>>> = {
  GIFT_ALERTS: { template: 'template' },
  LEADERBOARD: { leaderboardTitle: 'title' },
  GOAL: { goalTitle: 'title' },
  VIEWER_COUNT: { viewerLabel: 'label' },
  QA_GAME: { qaTitle: 'title' },
  TOP_GIFTER: { topGifterTitle: 'title' },
  TIMER: { timerTitle: 'title' },
  WHEEL: { wheelTitle: 'title' },
};

/** The example prizes a new wheel of fortune starts with (the streamer renames them), and their colours. */
export const WHEEL_SAMPLE_SEGMENTS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Sing a song', 'Dance', 'Shout-out', 'Try again'],
  ru: ['Спеть песню', 'Танец', 'Привет в эфире', 'Ещё раз'],
  th: ['ร้องเพลง', 'เต้น', 'ทักทายในไลฟ์', 'ลองใหม่'],
  'zh-CN': ['唱首歌', '跳支舞', '口播感谢', '再来一次'],
};
const SAMPLE_COLOURS = ['#ff2d55', '#ffb000', '#22c55e', '#3b82f6'] as const;

/** The settings of a new overlay of `kind` in `locale`: its language and its texts in that language. */
export function initialSettings(kind: string, locale: Locale): Record<string, unknown> {
  const texts = OVERLAY_DEFAULT_TEXTS[locale];
  const settings: Record<string, unknown> = { language: locale };
  for (const [text, field] of Object.entries(FIELDS[kind] ?? {})) settings[field] = texts[text as keyof OverlayDefaultTexts];
  if (kind === 'WHEEL') settings.segments = WHEEL_SAMPLE_SEGMENTS[locale].map((label, i) => ({ id: `s${i + 1}`, label, colour: SAMPLE_COLOURS[i % SAMPLE_COLOURS.length], weight: 1 }));
  return settings;
}

/**
 * Settings moved to another language: the language set, and each text that is still the old language's
 * default replaced by the new one's; texts the streamer wrote stay as written.
 */
export function withLanguage<S extends { language: Locale }>(kind: string, settings: S, locale: Locale): S {
  const before = OVERLAY_DEFAULT_TEXTS[settings.language];
  const after = OVERLAY_DEFAULT_TEXTS[locale];
  const next: Record<string, unknown> = { ...settings, language: locale };
  for (const [text, field] of Object.entries(FIELDS[kind] ?? {})) {
    const key = text as keyof OverlayDefaultTexts;
    if (next[field] === before[key]) next[field] = after[key];
  }
  // Alert variations' texts still as created follow the language too.
  if (Array.isArray(next.variations)) {
    next.variations = next.variations.map((v: unknown) => {
      const parsed = alertVariationSchema.safeParse(v);
      return parsed.success ? withVariationDefaults(parsed.data, parsed.data.event, locale) : v;
    });
  }
  // A wheel's example prizes still as created follow the language too.
  if (Array.isArray(next.segments)) {
    const [from, to] = [WHEEL_SAMPLE_SEGMENTS[settings.language], WHEEL_SAMPLE_SEGMENTS[locale]];
    next.segments = next.segments.map((segment: unknown, i) => {
      if (!segment || typeof segment !== 'object' || !('label' in segment) || segment.label !== from[i]) return segment;
      return { ...segment, label: to[i] ?? segment.label };
    });
  }
  return next as S;
}
