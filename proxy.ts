// Runs before every page and route: refuses an address that cannot be decoded (a malformed `%`, a NUL)
// with a 400 before any code tries to read it, and sets the security headers of lib/security/headers.ts,
// with a fresh CSP nonce per request for pages Next renders per request.
import { NextResponse, type NextRequest } from 'next/server';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { BASE_HEADERS, contentSecurityPolicy, pageKindOf, realtimeOrigins } from '@/lib/security/headers';

function badAddress(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\u0000');
  } catch {
    return true;
  }
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (badAddress(request.nextUrl.href.slice(request.nextUrl.origin.length))) {
    return withHeaders(
      NextResponse.json({ error: { code: 'BAD_REQUEST', message: 'This address is not valid: it contains a malformed % escape or a NUL character.' } }, { status: 400 }),
      BASE_HEADERS,
    );
  }
  if (pathname.startsWith('/api/')) return withHeaders(NextResponse.next(), BASE_HEADERS);

  const kind = pageKindOf(pathname);
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Security-Policy': csp };
  if (kind !== 'overlay') headers['X-Frame-Options'] = 'DENY';
  return withHeaders(response, headers);
}

export const config = {
  // Everything but static files (Next's, the image optimiser, public/'s; they carry BASE_HEADERS via next.config).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|images/|site.webmanifest).*)'],
};
