// Dashboard authorisation: a user sees only the TikTok accounts they manage (and the lives, gifters,
// clusters and overlays that hang off them). Anything else is "not found", never "forbidden", so ids of
// other people's data cannot be probed.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import { auth, type SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db';

/** The signed-in user, or a 401 for API routes (pages use requireUser(), which redirects). */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await auth();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to use the dashboard.');
  return user;
}

export async function managesAccount(db: Db, userId: string, accountId: string): Promise<boolean> {
  const row = await db.managedAccount.findUnique({ where: { userId_accountId: { userId, accountId } }, select: { accountId: true } });
  return row !== null;
}

/** The managed account, or NOT_FOUND. */
export async function requireManagedAccount(db: Db, userId: string, accountId: string) {
  const account = await db.tiktokAccount.findFirst({ where: { id: accountId, managers: { some: { userId } } } });
  if (!account) throw new AppError('NOT_FOUND', 'No such account in your dashboard.');
  return account;
}

/** A live of a managed account, or NOT_FOUND. Live ids are numbers; anything else is not found either. */
export async function requireManagedLive(db: Db, userId: string, liveId: string) {
  if (!/^\d{1,19}$/.test(liveId) || BigInt(liveId) > 9_223_372_036_854_775_807n) throw new AppError('NOT_FOUND', 'No such live.');
  const live = await db.live.findFirst({ where: { id: BigInt(liveId), account: { managers: { some: { userId } } } }, include: { account: true } });
  if (!live) throw new AppError('NOT_FOUND', 'No such live.');
  return live;
}

/** Ids of every account the user manages. */
export async function managedAccountIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.managedAccount.findMany({ where: { userId }, select: { accountId: true } });
  return rows.map((r) => r.accountId);
}
