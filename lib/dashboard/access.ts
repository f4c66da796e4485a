// Dashboard authorisation: a workspace sees only the TikTok accounts it watches (and the lives, gifters,
// clusters and overlays that hang off them). Anything else is "not found", never "forbidden", so ids of
// other workspaces' data cannot be probed.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { db as defaultDb, type Db } from '@/lib/db';
import { currentWorkspace, type WorkspaceContext } from '@/lib/workspaces/context';

/** For pages: the signed-in user in their current workspace (visitors are sent to sign in and back). */
export async function requireWorkspace(returnTo: string, db: Db = defaultDb): Promise<{ user: SessionUser; ws: WorkspaceContext }> {
  const user = await requireUser(returnTo);
  return { user, ws: await currentWorkspace(db, user.id) };
}

export async function watchesAccount(db: Db, workspaceId: string, accountId: string): Promise<boolean> {
  const row = await db.workspaceAccount.findUnique({ where: { workspaceId_accountId: { workspaceId, accountId } }, select: { accountId: true } });
  return row !== null;
}

/** The watched account, or NOT_FOUND. */
export async function requireWatchedAccount(db: Db, workspaceId: string, accountId: string) {
  const account = await db.channel.findFirst({ where: { id: accountId, watchers: { some: { workspaceId } } } });
  if (!account) throw new AppError('NOT_FOUND', 'No such account in this workspace.');
  return account;
}

/** A live of a watched account, or NOT_FOUND. Live ids are numbers; anything else is not found either. */
export async function requireWatchedLive(db: Db, workspaceId: string, liveId: string) {
  if (!/^\d{1,19}$/.test(liveId) || BigInt(liveId) > 9_223_372_036_854_775_807n) throw new AppError('NOT_FOUND', 'No such live.');
  const live = await db.live.findFirst({ where: { id: BigInt(liveId), account: { watchers: { some: { workspaceId } } } }, include: { account: true } });
  if (!live) throw new AppError('NOT_FOUND', 'No such live.');
  return live;
}

/** Ids of every account the workspace watches. */
export async function watchedAccountIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.workspaceAccount.findMany({ where: { workspaceId }, select: { accountId: true } });
  return rows.map((r) => r.accountId);
}
