// auth() is the one way to read the session on the server; requireUser() sends visitors to sign in and
// brings them back afterwards.
import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { getAuthOptions } from '@/lib/auth/options';

export type SessionUser = Session['user'];

export async function auth(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ? session.user : null;
}

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await auth();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
