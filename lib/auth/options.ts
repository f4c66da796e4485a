// next-auth (v4: the registry's stable release) with email + password sign-in and JWT session cookies
// backed by server-side session rows (lib/auth/sessions.ts): the cookie carries the row's id.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { resolveClientIp } from '@/lib/client-ip';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { safeReturnUrl } from '@/lib/auth/return-path';
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sessions';
import { checkSignInAllowed, recordSignInFailure } from '@/lib/auth/sign-in-limits';
import { credentialsSchema, verifyCredentials } from '@/lib/auth/users';

export const RATE_LIMITED_SIGN_IN = 'RATE_LIMITED';

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const ip = resolveClientIp((name) => headerOf(request?.headers, name), getEnv().TRUST_PROXY_HOPS);
          if (!(await checkSignInAllowed(db, parsed.data.email, ip))) throw new Error(RATE_LIMITED_SIGN_IN);
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!user) {
            await recordSignInFailure(db, parsed.data.email, ip);
            return null;
          }
          const sid = await createSession(db, user.id, headerOf(request?.headers, 'user-agent'));
          return { ...user, sid };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          if ('sid' in user && typeof user.sid === 'string') token.sid = user.sid;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && session.user) session.user.id = token.uid;
        return session;
      },
      // Only this site's own paths, however the callback URL was spelled (see return-path.ts).
      redirect({ url, baseUrl }) {
        return safeReturnUrl(url, baseUrl, '/');
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(db, token.sid);
      },
    },
  };
}
