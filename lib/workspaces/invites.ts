// Invite links: an admin makes one (a role, an expiry), copies it and sends it however they like; whoever
// opens it signed in joins the workspace with that role. The link's token is shown once; only its hash is
// stored. A link can be used once, and revoked before it is.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import type { WorkspaceContext } from '@/lib/workspaces/context';
import { appUrl } from '@/lib/env';
import { renderMail } from '@/lib/mail/layout';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailReader, READER_FIELDS } from '@/lib/mail/translate';
import { hasRole, INVITE_TTL_DAYS, MAX_MEMBERS_PER_WORKSPACE } from '@/lib/workspaces/roles';

const TOKEN = /^[A-Za-z0-9_-]{30,60}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type InviteView = { id: string; role: 'ADMIN' | 'MEMBER'; createdAt: string; expiresAt: string; createdBy: string | null; sentTo: string | null };

function requireAdmin(ws: WorkspaceContext): void {
  if (!hasRole(ws.role, 'ADMIN')) throw new AppError('FORBIDDEN', 'Only admins of this workspace can do that.');
}

/**
 * A new invite link's token (returned once) and its row. With `email`, the link is also mailed there
 * (the mail names the workspace and who invites; the link is the same one an admin could copy).
 */
export async function createInvite(db: Db, ws: WorkspaceContext, role: 'ADMIN' | 'MEMBER', now = new Date(), email?: string): Promise<{ token: string; invite: InviteView }> {
  requireAdmin(ws);
  const pending = await db.workspaceInvite.count({ where: { workspaceId: ws.workspaceId, revokedAt: null, acceptedAt: null, expiresAt: { gt: now } } });
  if (pending >= 50) throw new AppError('CONFLICT', 'This workspace has 50 open invite links; revoke some first.');
  const token = randomBytes(24).toString('base64url');
  const row = await db.workspaceInvite.create({
    data: { workspaceId: ws.workspaceId, tokenHash: hashToken(token), role, createdById: ws.userId, expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000), email: email ?? null },
    include: { createdBy: { select: { email: true, name: true, ...READER_FIELDS } } },
  });
  if (email) {
    // Written in the inviter's language: the person invited may have no account (and no language) yet.
    const { t, display } = await mailReader(row.createdBy);
    const inviter = row.createdBy?.name ?? row.createdBy?.email ?? t('invite.someone');
    const workspace = ws.name;
    await enqueueMail(db, {
      to: email,
      kind: 'workspace-invite',
      ...renderMail({
        subject: t('invite.subject', { inviter, workspace }),
        heading: t('invite.heading', { workspace }),
        paragraphs: [t('invite.body', { inviter, workspace, role })],
        action: { label: t('invite.action'), url: `${appUrl()}/invite/${token}` },
        note: t('invite.note', { days: INVITE_TTL_DAYS }),
        labels: { orOpen: t('chrome.orOpen'), turnOff: t('chrome.turnOff') },
        lang: display.locale,
      }),
    });
  }
  return { token, invite: toView(row) };
}

function toView(row: { id: string; role: string; createdAt: Date; expiresAt: Date; email: string | null; createdBy: { email: string } | null }): InviteView {
  return { id: row.id, role: row.role === 'ADMIN' ? 'ADMIN' : 'MEMBER', createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), createdBy: row.createdBy?.email ?? null, sentTo: row.email };
}

/** Open invites (not used, revoked or expired), newest first. */
export async function listInvites(db: Db, ws: WorkspaceContext, now = new Date()): Promise<InviteView[]> {
  requireAdmin(ws);
  const rows = await db.workspaceInvite.findMany({
    where: { workspaceId: ws.workspaceId, revokedAt: null, acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map(toView);
}

export async function revokeInvite(db: Db, ws: WorkspaceContext, inviteId: string): Promise<void> {
  requireAdmin(ws);
  const { count } = await db.workspaceInvite.updateMany({ where: { id: inviteId, workspaceId: ws.workspaceId, revokedAt: null, acceptedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError('NOT_FOUND', 'No such open invite.');
}

export type InvitePreview = { workspaceName: string; role: 'ADMIN' | 'MEMBER'; invitedBy: string | null; expiresAt: string } | { problem: 'invalid' | 'expired' | 'used' | 'revoked' };

/** What the invite page shows before joining. */
export async function previewInvite(db: Db, token: string, now = new Date()): Promise<InvitePreview> {
  if (!TOKEN.test(token)) return { problem: 'invalid' };
  const invite = await db.workspaceInvite.findUnique({ where: { tokenHash: hashToken(token) }, include: { workspace: { select: { name: true } }, createdBy: { select: { name: true, email: true } } } });
  if (!invite) return { problem: 'invalid' };
  if (invite.revokedAt) return { problem: 'revoked' };
  if (invite.acceptedAt) return { problem: 'used' };
  if (invite.expiresAt <= now) return { problem: 'expired' };
  return { workspaceName: invite.workspace.name, role: invite.role === 'ADMIN' ? 'ADMIN' : 'MEMBER', invitedBy: invite.createdBy?.name ?? invite.createdBy?.email ?? null, expiresAt: invite.expiresAt.toISOString() };
}

export const PROBLEM_MESSAGES = {
  invalid: 'This invite link is not valid. Ask for a new one.',
  expired: 'This invite link has expired. Ask the person who sent it for a new one.',
  used: 'This invite link has already been used. Ask for a new one.',
  revoked: 'This invite link was withdrawn. Ask for a new one.',
} as const;

/** Joins the invite's workspace (once; a member already keeps their role) and makes it current. */
export async function acceptInvite(db: Db, userId: string, token: string, now = new Date()): Promise<{ workspaceId: string; workspaceName: string }> {
  if (!TOKEN.test(token)) throw new AppError('NOT_FOUND', PROBLEM_MESSAGES.invalid);
  return db.$transaction(async (tx) => {
    // The row lock makes two people opening one link at once use it once.
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM workspace_invites WHERE token_hash = ${hashToken(token)} FOR UPDATE`;
    const invite = row ? await tx.workspaceInvite.findUnique({ where: { id: row.id }, include: { workspace: { select: { id: true, name: true } } } }) : null;
    if (!invite) throw new AppError('NOT_FOUND', PROBLEM_MESSAGES.invalid);
    if (invite.revokedAt) throw new AppError('CONFLICT', PROBLEM_MESSAGES.revoked);
    if (invite.acceptedAt) throw new AppError('CONFLICT', PROBLEM_MESSAGES.used);
    if (invite.expiresAt <= now) throw new AppError('CONFLICT', PROBLEM_MESSAGES.expired);
    const existing = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } } });
    if (!existing) {
      if ((await tx.workspaceMember.count({ where: { workspaceId: invite.workspaceId } })) >= MAX_MEMBERS_PER_WORKSPACE) throw new AppError('CONFLICT', `This workspace has ${MAX_MEMBERS_PER_WORKSPACE} members already.`);
      await tx.workspaceMember.create({ data: { workspaceId: invite.workspaceId, userId, role: invite.role === 'OWNER' ? 'MEMBER' : invite.role } });
    }
    await tx.workspaceInvite.update({ where: { id: invite.id }, data: { acceptedAt: now, acceptedById: userId } });
    await tx.user.update({ where: { id: userId }, data: { currentWorkspaceId: invite.workspaceId } });
    return { workspaceId: invite.workspace.id, workspaceName: invite.workspace.name };
  });
}
