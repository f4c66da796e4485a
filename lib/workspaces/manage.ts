// Workspaces and their members: create, rename, change roles, remove members (or leave), hand over
// ownership, delete. Whoever loses access loses it at once: their realtime connections in the workspace
// are ended, and overlays they created get new URLs (they knew the old ones; the workspace's admins copy
// the new URL from the editor). Other workspaces are never touched.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import { deleteStoredMedia } from '@/lib/media/library';
import { mediaStorage } from '@/lib/media/storage';
import type { Db } from '@/lib/db';
import { rotateOverlayTokens } from '@/lib/overlays/manage';
import { dashboardIdentity, overlayIdentity, terminateIdentities } from '@/lib/realtime/identity';
import type { WorkspaceContext } from '@/lib/workspaces/context';
import { hasRole, MAX_MEMBERS_PER_WORKSPACE, MAX_WORKSPACES_PER_USER, WORKSPACE_NAME_MAX, type WorkspaceRole } from '@/lib/workspaces/roles';

export function normaliseWorkspaceName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new AppError('BAD_REQUEST', 'name: Give the workspace a name.');
  if (trimmed.length > WORKSPACE_NAME_MAX) throw new AppError('BAD_REQUEST', `name: A workspace name can be at most ${WORKSPACE_NAME_MAX} characters.`);
  return trimmed;
}

/** A new (team) workspace owned by the user, who switches to it. */
export async function createWorkspace(db: Db, userId: string, name: string): Promise<{ id: string; name: string }> {
  const clean = normaliseWorkspaceName(name);
  const owned = await db.workspaceMember.count({ where: { userId, role: 'OWNER', workspace: { personal: false } } });
  if (owned >= MAX_WORKSPACES_PER_USER) throw new AppError('CONFLICT', `You own ${MAX_WORKSPACES_PER_USER} workspaces already; delete one you no longer use.`);
  const workspace = await db.workspace.create({ data: { name: clean, members: { create: { userId, role: 'OWNER' } } } });
  await db.user.update({ where: { id: userId }, data: { currentWorkspaceId: workspace.id } });
  return { id: workspace.id, name: workspace.name };
}

export async function renameWorkspace(db: Db, ws: WorkspaceContext, name: string): Promise<{ id: string; name: string }> {
  const workspace = await db.workspace.update({ where: { id: ws.workspaceId }, data: { name: normaliseWorkspaceName(name) } });
  return { id: workspace.id, name: workspace.name };
}

export type MemberView = { userId: string; email: string; name: string | null; role: WorkspaceRole; joinedAt: string; you: boolean };

export async function listMembers(db: Db, ws: WorkspaceContext): Promise<MemberView[]> {
  const rows = await db.workspaceMember.findMany({ where: { workspaceId: ws.workspaceId }, include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: 'asc' }, take: MAX_MEMBERS_PER_WORKSPACE });
  const rank: Record<WorkspaceRole, number> = { OWNER: 0, ADMIN: 1, MEMBER: 2 };
  return rows
    .map((r) => ({ userId: r.userId, email: r.user.email, name: r.user.name, role: r.role, joinedAt: r.createdAt.toISOString(), you: r.userId === ws.userId }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}

async function requireMember(db: Db, workspaceId: string, userId: string) {
  const member = await db.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  if (!member) throw new AppError('NOT_FOUND', 'No such member in this workspace.');
  return member;
}

/** Admins make members admins and back; the owner's role changes only by handing the workspace over. */
export async function changeMemberRole(db: Db, ws: WorkspaceContext, userId: string, role: 'ADMIN' | 'MEMBER'): Promise<void> {
  if (!hasRole(ws.role, 'ADMIN')) throw new AppError('FORBIDDEN', 'Only admins of this workspace can do that.');
  const member = await requireMember(db, ws.workspaceId, userId);
  if (member.role === 'OWNER') throw new AppError('CONFLICT', 'The owner’s role changes only when they hand the workspace over.');
  await db.workspaceMember.update({ where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId } }, data: { role } });
}

/** Ends what a member had in a workspace once they are no longer in it. */
async function cutOff(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, currentWorkspaceId: workspaceId }, data: { currentWorkspaceId: null } });
  const overlays = await db.overlay.findMany({ where: { workspaceId, createdById: userId, revokedAt: null }, select: { id: true, workspaceId: true, token: true } });
  await terminateIdentities([dashboardIdentity(userId, workspaceId)]);
  await rotateOverlayTokens(db, overlays);
}

/**
 * Removes a member (admins), or the caller themselves (anyone but the owner: leaving). The owner cannot be
 * removed; they hand the workspace over first.
 */
export async function removeMember(db: Db, ws: WorkspaceContext, userId: string): Promise<void> {
  const self = userId === ws.userId;
  if (!self && !hasRole(ws.role, 'ADMIN')) throw new AppError('FORBIDDEN', 'Only admins of this workspace can remove members.');
  const member = await requireMember(db, ws.workspaceId, userId);
  if (member.role === 'OWNER') throw new AppError('CONFLICT', self ? 'You own this workspace: hand it over to another member (or delete it) before leaving.' : 'The owner cannot be removed.');
  await db.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId } } });
  await cutOff(db, ws.workspaceId, userId);
}

/** The owner hands the workspace to another member, and stays on as an admin. */
export async function transferOwnership(db: Db, ws: WorkspaceContext, userId: string): Promise<void> {
  if (ws.role !== 'OWNER') throw new AppError('FORBIDDEN', 'Only the owner of this workspace can do that.');
  if (userId === ws.userId) throw new AppError('BAD_REQUEST', 'userId: You already own this workspace.');
  await requireMember(db, ws.workspaceId, userId);
  if (ws.personal) throw new AppError('CONFLICT', 'A personal workspace stays with its owner. Create a team workspace to share ownership.');
  await db.$transaction([
    db.workspaceMember.update({ where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId } }, data: { role: 'OWNER' } }),
    db.workspaceMember.update({ where: { workspaceId_userId: { workspaceId: ws.workspaceId, userId: ws.userId } }, data: { role: 'ADMIN' } }),
  ]);
}

/**
 * Deletes the workspace and everything it made (overlays, games, clusters, its list of accounts), after
 * the owner typed its name. Accounts no other workspace watches stop being watched; their stored public
 * history stays, and other workspaces keep everything of theirs.
 */
export async function deleteWorkspace(db: Db, ws: WorkspaceContext, confirmName: string): Promise<void> {
  if (ws.role !== 'OWNER') throw new AppError('FORBIDDEN', 'Only the owner of this workspace can do that.');
  if (ws.personal) throw new AppError('CONFLICT', 'Your personal workspace cannot be deleted.');
  if (confirmName.trim() !== ws.name) throw new AppError('BAD_REQUEST', `confirm: Type the workspace’s name (${ws.name}) to delete it.`);
  const [members, overlays, accounts, media] = await Promise.all([
    db.workspaceMember.findMany({ where: { workspaceId: ws.workspaceId }, select: { userId: true } }),
    db.overlay.findMany({ where: { workspaceId: ws.workspaceId }, select: { id: true, token: true } }),
    db.workspaceAccount.findMany({ where: { workspaceId: ws.workspaceId }, select: { accountId: true } }),
    db.mediaFile.findMany({ where: { workspaceId: ws.workspaceId }, select: { storageKey: true } }),
  ]);
  await db.$transaction(async (tx) => {
    await tx.workspace.delete({ where: { id: ws.workspaceId } });
    await tx.user.updateMany({ where: { currentWorkspaceId: ws.workspaceId }, data: { currentWorkspaceId: null } });
    const ids = accounts.map((a) => a.accountId);
    const stillWatched = new Set((await tx.workspaceAccount.findMany({ where: { accountId: { in: ids } }, select: { accountId: true } })).map((r) => r.accountId));
    await tx.trackedAccount.updateMany({ where: { accountId: { in: ids.filter((id) => !stillWatched.has(id)) } }, data: { enabled: false } });
  });
  await terminateIdentities([...members.map((m) => dashboardIdentity(m.userId, ws.workspaceId)), ...overlays.map((o) => overlayIdentity(o.id, o.token))]);
  // The rows went with the workspace (cascade); their bytes are not in the database.
  await deleteStoredMedia(mediaStorage(), media.map((m) => m.storageKey));
}
