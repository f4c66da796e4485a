// The one QueryClient factory (TanStack Query) for the browser.
import { QueryClient } from '@tanstack/react-query';

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

/** Fetches JSON from our API; a non-2xx answer becomes an Error carrying the API's message, in the page's language. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, { ...init, headers: { 'content-type': 'application/json', ...pageLanguage(), ...init?.headers } });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object' && 'message' in body.error ? String(body.error.message) : `Request failed (${response.status})`;
    throw Object.assign(new Error(message), { status: response.status });
  }
  return body as T;
}
