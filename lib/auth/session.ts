// auth() is the one way to read the session on the server; requireUser() sends visitors to sign in and
// brings them back afterwards.
import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { getAuthOptions } from '@/lib/auth/options';
import { getEnv } from '@/lib/env';

export type SessionUser = Session['user'];

export async function auth(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ? session.user : null;
}

function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
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

/**
 * The signed-in user's id read from the request itself (its session cookie), for route handlers that
 * must also work when called directly with a Request, outside Next's request scope (the Pusher channel
 * authorizer in the realtime tests). Same cookie and secret as auth().
 */
export async function userIdFromRequest(request: Request): Promise<string | null> {
  const token = await getToken({ req: { headers: request.headers, cookies: cookiesOf(request) } as unknown as Parameters<typeof getToken>[0]['req'], secret: getEnv().AUTH_SECRET });
  return typeof token?.uid === 'string' ? token.uid : null;
}

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await auth();
  if (user) return user;
  // Imported here rather than at the top: outside Next.js (scripts such as the dashboard bench, run with
  // the react-server condition) next/navigation's client build cannot load, and a static import would
  // stop every module that imports lib/dashboard/access from loading at all.
  const { redirect } = await import('next/navigation');
  return redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
}
