// The one QueryClient factory (TanStack Query) for the browser.
import { QueryClient } from '@tanstack/react-query';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en/network.json';
import ru from '@/lib/i18n/messages/ru/network.json';
import th from '@/lib/i18n/messages/th/network.json';
import zhCN from '@/lib/i18n/messages/zh-CN/network.json';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: 2, refetchOnWindowFocus: false },
    },
  });
}

/** The header that tells the API the page's language (lib/i18n/errors.ts's LOCALE_HEADER; not imported: that module carries every catalogue). */
export const LOCALE_HEADER = 'x-livelens-locale';

/** The page's language (<html lang>), so error messages come back in it; nothing outside a browser. */
function pageLanguage(): Record<string, string> {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lang ? { [LOCALE_HEADER]: lang } : {};
}

// What fetchJson says when the API gave no message of its own (no connection, a proxy's HTML error page),
// in the page's language: four small catalogues, bundled here rather than sent with every page's messages.
const NETWORK_MESSAGES: Record<Locale, typeof en> = { en, ru, th, 'zh-CN': zhCN };

function networkText(key: 'failed' | 'unreachable', values?: { status: number }): string {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const t = createTranslator({ namespace: 'network', locale, messages: { network: NETWORK_MESSAGES[locale] } });
  return key === 'failed' ? t('failed', { status: values?.status ?? 0 }) : t('unreachable');
}

function apiMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined;
  const error = body.error;
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : undefined;
}

/**
 * Fetches JSON from our API; a non-2xx answer becomes an Error carrying the API's message (in the page's
 * language), or a message of our own when there was no answer or it was not JSON. A cancelled request
 * (AbortError) is passed on as it is.
 */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { 'content-type': 'application/json', ...pageLanguage(), ...init?.headers } });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw Object.assign(new Error(networkText('unreachable')), { status: 0, cause: error });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // An HTML error page from a proxy, or a body cut short: no message of the API's to show.
    throw Object.assign(new Error(networkText('failed', { status: response.status })), { status: response.ok ? 502 : response.status });
  }
  if (!response.ok) throw Object.assign(new Error(apiMessage(body) ?? networkText('failed', { status: response.status })), { status: response.status });
  return body as T;
}
