// Runs before every page and route: refuses an address that cannot be decoded (a malformed `%`, a NUL)
// with a 400 before any code tries to read it, and sets the security headers of lib/security/headers.ts,
// with a fresh CSP nonce per request for pages Next renders per request.
//
// Pages live under app/[locale]/: this picks each page request's language (lib/i18n/locales.ts) and
// rewrites the public address to the internal one ("/ru/@koji" → "/ru/profile/koji", "/dashboard" →
// "/en/dashboard" for an English browser). Pages rendered once for everyone (/@handle, /about) take
// their language from the address only, so a cached copy is always in the language its address names;
// the others also follow the saved choice and Accept-Language.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/return-path';
import { callerLocale } from '@/lib/i18n/errors';
import { LOCALE_COOKIE, requestLocale, splitLocalePrefix, type Locale } from '@/lib/i18n/locales';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { badAddress, badAddressResponse } from '@/lib/security/address';
import { BASE_HEADERS, contentSecurityPolicy, pageKindOf, realtimeOrigins } from '@/lib/security/headers';

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function savedOrBrowserLocale(request: NextRequest): Locale {
  return requestLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
}

/** Profiles live at /@username; "@" folders are parallel-route slots in the app router, so the page sits at /profile/[username]. */
function internalPath(rest: string): string {
  if (rest.startsWith('/@')) return `/profile/${rest.slice(2)}`;
  return rest === '/' ? '' : rest;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  if (badAddress(request.nextUrl.href.slice(request.nextUrl.origin.length))) {
    const { locale: addressed } = splitLocalePrefix(pathname);
    const reader = api ? callerLocale(request) : (addressed ?? savedOrBrowserLocale(request));
    const refused = badAddressResponse(api, reader);
    return withHeaders(new NextResponse(refused.body, refused), BASE_HEADERS);
  }
  if (api) return withHeaders(NextResponse.next(), BASE_HEADERS);

  const { locale: addressed, rest } = splitLocalePrefix(pathname);
  const kind = pageKindOf(rest);
  const locale: Locale = addressed ?? (kind === 'shared' ? 'en' : savedOrBrowserLocale(request));
  const nonce = kind === 'shared' ? undefined : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  let realtime: string[] = [];
  try {
    realtime = realtimeOrigins(getPublicRealtimeConfig());
  } catch {
    // No realtime settings (a broken setup): pages still load, without live updates.
  }
  const csp = contentSecurityPolicy({ kind, nonce, realtime, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on its own scripts.
  requestHeaders.set('content-security-policy', csp);
  if (nonce) requestHeaders.set('x-nonce', nonce);
  // next-intl's getRequestLocale() reads this header (what its own middleware sets) on pages that do not
  // call setRequestLocale().
  requestHeaders.set('X-NEXT-INTL-LOCALE', locale);
  // The address asked for, so sign-in comes back to it (lib/auth/session.ts requireUser).
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const internal = request.nextUrl.clone();
  internal.pathname = `/${locale}${internalPath(rest)}`;
  const response = NextResponse.rewrite(internal, { request: { headers: requestHeaders } });
  if (!addressed && kind === 'per-request') response.headers.set('Vary', 'Accept-Language, Cookie');
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Security-Policy': csp };
  if (kind !== 'overlay') headers['X-Frame-Options'] = 'DENY';
  return withHeaders(response, headers);
}

export const config = {
  // Everything but static files (Next's, the image optimiser, public/'s; they carry BASE_HEADERS via
  // next.config), the crawler files app/robots.ts and app/sitemap.ts, which have no language, and
  // uploads (api/uploads/): Next copies a body for the proxy and cuts the copy at 10 MB, so a larger
  // upload would reach its route truncated; those routes set BASE_HEADERS themselves.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|images/|site.webmanifest|sitemap.xml|robots.txt|api/uploads/).*)'],
};
