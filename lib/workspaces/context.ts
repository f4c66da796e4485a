// Which workspace a signed-in request acts in. Every user has a personal workspace (made at sign-up, or
// here for users that predate it); the dashboard works in the user's current one (the header's switcher,
// remembered on the user row), re-checked against their memberships on every request, so a member who
// was removed loses access at once.
import 'server-only';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/api/errors';
import type { WorkspaceRole } from '@/lib/workspaces/roles';

export type WorkspaceContext = { userId: string; workspaceId: string; role: WorkspaceRole; name: string; personal: boolean };

/** The user's personal workspace id, creating it (once, whatever runs at the same time) when missing. */
export async function ensurePersonalWorkspace(db: Db, userId: string): Promise<string> {
  const existing = await db.workspaceMember.findFirst({ where: { userId, role: 'OWNER', workspace: { personal: true } }, select: { workspaceId: true } });
  if (existing) return existing.workspaceId;
  return db.$transaction(async (tx) => {
    // Two first requests of one user at once would otherwise each make a personal workspace.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`personal-workspace:${userId}`}))`;
    const again = await tx.workspaceMember.findFirst({ where: { userId, role: 'OWNER', workspace: { personal: true } }, select: { workspaceId: true } });
    if (again) return again.workspaceId;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
    const workspace = await tx.workspace.create({
      data: { name: personalWorkspaceName(user), personal: true, members: { create: { userId, role: 'OWNER' } } },
    });
    await tx.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspace.id } });
    return workspace.id;
  });
}

export function personalWorkspaceName(user: { name: string | null; email: string }): string {
  return (user.name?.trim() || user.email.split('@')[0] || 'Personal').slice(0, 60);
}

async function membership(db: Db, userId: string, workspaceId: string): Promise<WorkspaceContext | null> {
  const row = await db.workspaceMember.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { name: true, personal: true } } },
  });
  return row ? { userId, workspaceId, role: row.role, name: row.workspace.name, personal: row.workspace.personal } : null;
}

/** The workspace the user is working in: the remembered one while they are a member, else their personal one. */
export async function currentWorkspace(db: Db, userId: string): Promise<WorkspaceContext> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { currentWorkspaceId: true } });
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (user.currentWorkspaceId) {
    const current = await membership(db, userId, user.currentWorkspaceId);
    if (current) return current;
  }
  const personalId = await ensurePersonalWorkspace(db, userId);
  await db.user.update({ where: { id: userId }, data: { currentWorkspaceId: personalId } });
  const personal = await membership(db, userId, personalId);
  if (!personal) throw new AppError('INTERNAL', 'Your personal workspace could not be opened.');
  return personal;
}

/** Makes `workspaceId` the user's current workspace; NOT_FOUND unless they are a member. */
export async function switchWorkspace(db: Db, userId: string, workspaceId: string): Promise<WorkspaceContext> {
  const target = await membership(db, userId, workspaceId);
  if (!target) throw new AppError('NOT_FOUND', 'No such workspace.');
  await db.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspaceId } });
  return target;
}

export type WorkspaceChoice = { id: string; name: string; personal: boolean; role: WorkspaceRole; current: boolean };

/** The workspaces the user belongs to (personal first, then by name), for the switcher. */
export async function listUserWorkspaces(db: Db, userId: string, currentId: string): Promise<WorkspaceChoice[]> {
  const rows = await db.workspaceMember.findMany({ where: { userId }, select: { role: true, workspace: { select: { id: true, name: true, personal: true } } } });
  return rows
    .map((r) => ({ id: r.workspace.id, name: r.workspace.name, personal: r.workspace.personal, role: r.role, current: r.workspace.id === currentId }))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name));
}

/** Who acts, and in which workspace: what creating something records. */
export type Actor = Pick<WorkspaceContext, 'userId' | 'workspaceId'>;
