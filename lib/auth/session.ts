// auth() is the one way to read the session on the server (pages and layouts); userFromRequest() reads
// the same cookie from a Request (route handlers, which the route wrapper authenticates). Both accept a
// cookie only while its server-side session is active (lib/auth/sessions.ts). requireUser() sends
// visitors to sign in and back.
import 'server-only';
import { getToken } from 'next-auth/jwt';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isSessionActive } from '@/lib/auth/sessions';
import { REQUEST_PATH_HEADER, safeReturnPath } from '@/lib/auth/return-path';

export type SessionUser = { id: string; email: string | null; name: string | null; sid: string };

function cookiesOf(cookieHeader: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(part.slice(0, eq).trim(), decodeURIComponent(value));
    } catch {
      cookies.set(part.slice(0, eq).trim(), value);
    }
  }
  return cookies;
}

/** The signed-in user of a request with these headers, or null (no cookie, a forged or ended session). */
export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  if (!headers.get('cookie')) return null;
  // getToken only reads `headers` and `cookies` from the request it is given.
  const req = { headers: Object.fromEntries(headers.entries()), cookies: Object.fromEntries(cookiesOf(headers.get('cookie'))) };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'], secret: getEnv().AUTH_SECRET }).catch(() => null);
  const uid = typeof token?.uid === 'string' ? token.uid : null;
  const sid = typeof token?.sid === 'string' ? token.sid : null;
  if (!uid || !sid) return null;
  if (!(await isSessionActive(db, sid, uid))) return null;
  return { id: uid, sid, email: typeof token?.email === 'string' ? token.email : null, name: typeof token?.name === 'string' ? token.name : null };
}

export function userFromRequest(request: Request): Promise<SessionUser | null> {
  return userFromHeaders(request.headers);
}

/** The signed-in user of the current page request, or null. */
export async function auth(): Promise<SessionUser | null> {
  const { headers } = await import('next/headers');
  return userFromHeaders(new Headers(await headers()));
}

/**
 * The signed-in user, or a redirect to sign in that comes back to the address the visitor asked for
 * (from proxy.ts; a layout's own `returnTo` would send /dashboard/games back to /dashboard), else to
 * `returnTo`.
 */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await auth();
  if (user) return user;
  const { headers } = await import('next/headers');
  const asked = await (async () => (await headers()).get(REQUEST_PATH_HEADER))().catch(() => null);
  // Imported here rather than at the top: outside Next.js (scripts such as the dashboard bench, run with
  // the react-server condition) next/navigation's client build cannot load, and a static import would
  // stop every module that imports lib/dashboard/access from loading at all.
  const { redirect } = await import('next/navigation');
  return redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(asked ?? returnTo, safeReturnPath(returnTo)))}`);
}
