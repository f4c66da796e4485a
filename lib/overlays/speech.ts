// Which language and voice an alert is read aloud in. The overlay's language by default; with detection
// on, the language the text is written in (a Thai name in a Russian overlay is read by a Thai voice).
// Pure functions over the browser's voice list, so they are tested without a browser.
import type { Locale } from '@/lib/i18n/locales';

/** The BCP 47 tag speech engines expect for each language. */
export const SPEECH_TAGS: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', th: 'th-TH', 'zh-CN': 'zh-CN' };

/** The language `text` is written in, by its letters; `fallback` when it has none of ours (digits, emoji). */
export function detectTextLanguage(text: string, fallback: Locale): Locale {
  const counts: Record<Locale, number> = { en: 0, ru: 0, th: 0, 'zh-CN': 0 };
  for (const char of text) {
    if (/\p{Script=Thai}/u.test(char)) counts.th += 1;
    else if (/\p{Script=Han}/u.test(char)) counts['zh-CN'] += 1;
    else if (/\p{Script=Cyrillic}/u.test(char)) counts.ru += 1;
    else if (/\p{Script=Latin}/u.test(char)) counts.en += 1;
  }
  // Latin letters are common in any language's names (gift names are English): another script wins.
  const other = (['th', 'zh-CN', 'ru'] as const).reduce<Locale | null>((best, locale) => (counts[locale] > 0 && (best === null || counts[locale] > counts[best]) ? locale : best), null);
  if (other) return other;
  return counts.en > 0 ? 'en' : fallback;
}

export type VoiceLike = { name: string; lang: string; default?: boolean };

/**
 * The voice to read `locale` with: the chosen one when this browser has it and it speaks the language,
 * else the browser's default voice for the language, else its first voice for the language; undefined
 * when it has none (the engine then picks by the utterance's lang).
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], locale: Locale, chosen: string): V | undefined {
  const tag = SPEECH_TAGS[locale].toLowerCase();
  const language = tag.split('-')[0] ?? tag;
  const speaks = (voice: V) => {
    const lang = voice.lang.toLowerCase().replace('_', '-');
    return locale === 'zh-CN' ? lang === 'zh-cn' || lang.startsWith('zh-hans') || lang === 'cmn-cn' || lang === 'zh' : lang === language || lang.startsWith(`${language}-`);
  };
  const matching = voices.filter(speaks);
  return matching.find((v) => v.name === chosen) ?? matching.find((v) => v.lang.toLowerCase() === tag && v.default) ?? matching.find((v) => v.lang.toLowerCase() === tag) ?? matching[0];
}
