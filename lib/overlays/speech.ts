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

/** True when `voice` speaks `locale` (any region of the language; Simplified Chinese only for zh-CN). */
export function speaksLocale(voice: VoiceLike, locale: Locale): boolean {
  const tag = SPEECH_TAGS[locale].toLowerCase();
  const language = tag.split('-')[0] ?? tag;
  const lang = voice.lang.toLowerCase().replace('_', '-');
  return locale === 'zh-CN' ? lang === 'zh-cn' || lang.startsWith('zh-hans') || lang === 'cmn-cn' || lang === 'zh' : lang === language || lang.startsWith(`${language}-`);
}

/**
 * The voice to read `locale` with: the chosen one when this browser has it and it speaks the language,
 * else the browser's default voice for the language, else its first voice for the language; undefined
 * when it has none (the engine then picks by the utterance's lang).
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], locale: Locale, chosen: string): V | undefined {
  const tag = SPEECH_TAGS[locale].toLowerCase();
  const matching = voices.filter((voice) => speaksLocale(voice, locale));
  return matching.find((v) => v.name === chosen) ?? matching.find((v) => v.lang.toLowerCase() === tag && v.default) ?? matching.find((v) => v.lang.toLowerCase() === tag) ?? matching[0];
}

/** One entry of a voice picker: `available` is false for a saved name this browser does not list. */
export type VoiceChoice = { name: string; lang: string; speaksLanguage: boolean; available: boolean };

/**
 * What a voice picker offers for an overlay in `locale`: one entry per name (the setting stores a name,
 * and browsers list some twice), the language's voices first (the browser's default for it, then the exact
 * region, then by name), then every other voice by language and name (with language detection on, an
 * alert may be read in another language). A saved name this browser lacks is kept, last, as unavailable:
 * OBS runs on a computer that may have it, so the choice must survive an edit made elsewhere.
 */
export function listVoiceChoices(voices: readonly VoiceLike[], locale: Locale, saved: string): VoiceChoice[] {
  const tag = SPEECH_TAGS[locale].toLowerCase();
  const unique = voices.filter((voice, i) => voices.findIndex((other) => other.name === voice.name) === i);
  const rank = (voice: VoiceLike) => (speaksLocale(voice, locale) ? (voice.default ? 0 : voice.lang.toLowerCase().replace('_', '-') === tag ? 1 : 2) : 3);
  const sorted = [...unique].sort((a, b) => rank(a) - rank(b) || (rank(a) === 3 ? a.lang.localeCompare(b.lang) : 0) || a.name.localeCompare(b.name));
  const choices = sorted.map((voice): VoiceChoice => ({ name: voice.name, lang: voice.lang, speaksLanguage: speaksLocale(voice, locale), available: true }));
  return saved && !unique.some((voice) => voice.name === saved) ? [...choices, { name: saved, lang: '', speaksLanguage: false, available: false }] : choices;
}
