// Addresses that cannot be decoded (a malformed `%` escape, a NUL) are refused by proxy.ts before any
// code reads them: API callers get the usual JSON error, a person in a browser a short page in their
// language (the address may have come from a mistyped or truncated link).
import { translateError } from '@/lib/i18n/errors';
import type { Locale } from '@/lib/i18n/locales';

export const BAD_ADDRESS = 'This address is not valid: it contains a malformed % escape or a NUL character.';

/** Whether a path with its query cannot be decoded, or decodes to a NUL character. */
export function badAddress(pathAndQuery: string): boolean {
  try {
    return decodeURIComponent(pathAndQuery).includes('\u0000');
  } catch {
    return true;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 400 answer for a bad address: JSON for the API, a page for everything else. */
export function badAddressResponse(api: boolean, locale: Locale): Response {
  const message = translateError(BAD_ADDRESS, locale);
  if (api) return Response.json({ error: { code: 'BAD_REQUEST', message } }, { status: 400 });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>LiveLens</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><h1 style="font-size:1.25rem">${escapeHtml(message)}</h1><p><a href="/">LiveLens</a></p></main></body></html>`;
  return new Response(html, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
