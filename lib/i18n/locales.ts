// The languages LiveLens speaks and how a request's language is chosen. No Next.js imports: the proxy,
// server code, client components and tests all use it.
//   1. the address: /ru/…, /th/…, /zh-CN/… (English has no prefix), for pages anyone may link to;
//   2. else the visitor's saved choice (the language switcher's cookie);
//   3. else the browser's Accept-Language;
//   4. else English.
import { pageKindOf } from '@/lib/security/headers';

export const LOCALES = ['en', 'ru', 'th', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The saved choice; one year, readable by the page (the switcher writes it). */
export const LOCALE_COOKIE = 'livelens-locale';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language's name in itself, as the switcher lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', th: 'ไทย', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a language tag asks for: "ru-RU" → ru, "th-TH" → th, "zh", "zh-Hans", "zh-CN", "zh-SG" →
 * zh-CN; Traditional Chinese ("zh-TW", "zh-HK", "zh-Hant") and anything else → undefined.
 */
export function matchLocale(tag: string): Locale | undefined {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const [language] = parts;
  if (language === 'en' || language === 'ru' || language === 'th') return language;
  if (language !== 'zh') return undefined;
  const rest = parts.slice(1);
  if (rest.includes('hant') || rest.includes('tw') || rest.includes('hk') || rest.includes('mo')) return undefined;
  return 'zh-CN';
}

/** The best locale for an Accept-Language header (q-values honoured, order kept among equals). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranges = acceptLanguage
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag && Number.isFinite(range.q) && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The locale an address starts with (never the default, which has no prefix) and the rest of it. */
export function splitLocalePrefix(pathname: string): { locale: Locale | undefined; rest: string } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const first = match?.[1];
  if (first && isLocale(first)) return { locale: first, rest: match?.[2] ?? '/' };
  return { locale: undefined, rest: pathname };
}

/** The public address of `path` in `locale`: "/about" → "/ru/about"; English keeps "/about". */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * `path` in the reader's language, from the locale a page was given (`useLocale()`, a route param): what
 * links to pages rendered once per language (profiles, About) need, since those take it from the address
 * only and a link without the prefix shows English.
 */
export function readerPath(locale: string, path: string): string {
  return localePath(isLocale(locale) ? locale : DEFAULT_LOCALE, path);
}

/** A profile's public address in the reader's language ("/ru/@koji"). */
export function profilePath(locale: string, handle: string): string {
  return readerPath(locale, `/@${handle}`);
}

/** A request's language where its address has none (API routes): the saved choice, else the browser's. */
export function localeOfRequest(request: Request): Locale {
  const saved = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(request.headers.get('cookie') ?? '')?.[1];
  return requestLocale(saved, request.headers.get('accept-language'));
}

/** The locale of a request without one in its address: the saved choice, else the browser's, else English. */
export function requestLocale(saved: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(saved)) return saved;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * Where the language switcher goes: the same page in `locale`. Addresses that name a language, and the
 * pages whose address is their language (/@handle, /about), get the other language's prefix; the others
 * keep their address (the saved choice decides).
 */
export function localeAddress(pathname: string, locale: Locale): string {
  const { locale: addressed, rest } = splitLocalePrefix(pathname);
  if (addressed || pageKindOf(rest) === 'shared') return localePath(locale, rest);
  return rest;
}

/** `hreflang` alternates of a public page: its address in every language, English as the default. */
export function languageAlternates(path: string): Record<string, string> {
  return { ...Object.fromEntries(LOCALES.map((locale) => [locale, localePath(locale, path)])), 'x-default': path };
}

/** A page's `alternates` metadata: its canonical address in `locale` and the other languages'. */
export function alternatesFor(locale: string, path: string): { canonical: string; languages: Record<string, string> } {
  return { canonical: localePath(isLocale(locale) ? locale : DEFAULT_LOCALE, path), languages: languageAlternates(path) };
}
