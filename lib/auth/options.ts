// next-auth (v4: the registry's stable release) with email + password sign-in and JWT sessions.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { resolveClientIp } from '@/lib/client-ip';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';
import { credentialsSchema, verifyCredentials } from '@/lib/auth/users';

export const RATE_LIMITED_SIGN_IN = 'RATE_LIMITED';

function ipOf(headers: Record<string, unknown> | undefined): string {
  return resolveClientIp((name) => {
    const value = headers?.[name];
    return typeof value === 'string' ? value : undefined;
  }, getEnv().TRUST_PROXY_HOPS);
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const [byIp, byEmail] = await Promise.all([
            consumeRateLimit(db, RATE_LIMITS.signIn, `ip:${ipOf(request?.headers)}`),
            consumeRateLimit(db, RATE_LIMITS.signIn, `email:${parsed.data.email}`),
          ]);
          if (!byIp.ok || !byEmail.ok) throw new Error(RATE_LIMITED_SIGN_IN);
          return verifyCredentials(db, parsed.data.email, parsed.data.password);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.uid && session.user) session.user.id = token.uid;
        return session;
      },
    },
  };
}
