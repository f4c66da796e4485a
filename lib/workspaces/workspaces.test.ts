// Workspaces and their members against the real database and soketi: creating and switching, invite
// links, roles, removing a member (their dashboard connection ends and overlays they made get new URLs),
// leaving, handing over and deleting, with nothing of another workspace affected.
import { afterAll, describe, expect, it } from 'vitest';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { loadOverlayView } from '@/lib/overlays/view';
import { accountChannel, workspaceChannel } from '@/lib/realtime/channels';
import { addTestMember, createTestAccount, createTestOverlay, createTestUser, watchTestAccount } from '@/tools/testing/factories';
import { connectionEnded, createTestClient, sessionCookie, subscribe } from '@/tools/testing/realtime-client';
import { currentWorkspace, ensurePersonalWorkspace, listUserWorkspaces, switchWorkspace, type WorkspaceContext } from '@/lib/workspaces/context';
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from '@/lib/workspaces/invites';
import { changeMemberRole, createWorkspace, deleteWorkspace, listMembers, removeMember, renameWorkspace, transferOwnership } from '@/lib/workspaces/manage';
import { containing } from '@/tools/testing/match';

const clients: PusherClient[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

const ctx = (userId: string) => currentWorkspace(db, userId);

/** A team workspace owned by a new user, with an admin and a member joined through invite links. */
async function team() {
  const [owner, admin, member] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
  const created = await createWorkspace(db, owner.id, '  Night   Shift  ');
  const ownerCtx = await ctx(owner.id);
  const adminLink = await createInvite(db, ownerCtx, 'ADMIN');
  const memberLink = await createInvite(db, ownerCtx, 'MEMBER');
  await acceptInvite(db, admin.id, adminLink.token);
  await acceptInvite(db, member.id, memberLink.token);
  return { owner, admin, member, workspaceId: created.id, name: created.name };
}

describe('workspaces', () => {
  it('gives a user without one a personal workspace once, however many requests ask at the same time', async () => {
    const user = await db.user.create({ data: { email: `lonely-${Date.now()}@example.test`, passwordHash: 'x' } });
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensurePersonalWorkspace(db, user.id)));
    expect(new Set(ids).size).toBe(1);
    expect(await ctx(user.id)).toMatchObject({ workspaceId: ids[0], role: 'OWNER', personal: true });
  });

  it('creates a team workspace, switches between workspaces and refuses one the user is not in', async () => {
    const { owner, workspaceId, name } = await team();
    expect(name).toBe('Night Shift');
    expect((await ctx(owner.id)).workspaceId).toBe(workspaceId);
    const choices = await listUserWorkspaces(db, owner.id, workspaceId);
    expect(choices.map((c) => [c.personal, c.role, c.current])).toEqual([
      [true, 'OWNER', false],
      [false, 'OWNER', true],
    ]);
    await switchWorkspace(db, owner.id, owner.workspaceId);
    expect((await ctx(owner.id)).workspaceId).toBe(owner.workspaceId);
    const stranger = await createTestUser(db);
    await expect(switchWorkspace(db, stranger.id, workspaceId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createWorkspace(db, owner.id, '   ')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('joins through an invite link once, with its role; used, withdrawn and bad links say so', async () => {
    const { owner, admin, member, workspaceId } = await team();
    expect((await listMembers(db, await ctx(owner.id))).map((m) => [m.userId, m.role])).toEqual([
      [owner.id, 'OWNER'],
      [admin.id, 'ADMIN'],
      [member.id, 'MEMBER'],
    ]);
    // Joining switched them to the workspace.
    expect(await ctx(member.id)).toMatchObject({ workspaceId, role: 'MEMBER' });

    const link = await createInvite(db, await ctx(admin.id), 'MEMBER');
    expect(await previewInvite(db, link.token)).toMatchObject({ workspaceName: 'Night Shift', role: 'MEMBER' });
    const late = await createTestUser(db);
    await acceptInvite(db, late.id, link.token);
    const another = await createTestUser(db);
    await expect(acceptInvite(db, another.id, link.token)).rejects.toMatchObject({ code: 'CONFLICT', message: containing('already been used') });
    expect(await previewInvite(db, link.token)).toEqual({ problem: 'used' });

    const withdrawn = await createInvite(db, await ctx(owner.id), 'ADMIN');
    expect((await listInvites(db, await ctx(owner.id))).map((i) => i.id)).toContain(withdrawn.invite.id);
    await revokeInvite(db, await ctx(owner.id), withdrawn.invite.id);
    await expect(acceptInvite(db, another.id, withdrawn.token)).rejects.toMatchObject({ message: containing('withdrawn') });
    await expect(acceptInvite(db, another.id, 'not-a-real-token-at-all-not-one-at-all')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await previewInvite(db, '../../etc')).toEqual({ problem: 'invalid' });

    const expiring = await createInvite(db, await ctx(owner.id), 'MEMBER', new Date(Date.now() - 8 * 86_400_000));
    expect(await previewInvite(db, expiring.token)).toEqual({ problem: 'expired' });
    // Members cannot make links or see them.
    await expect(createInvite(db, await ctx(member.id), 'MEMBER')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listInvites(db, await ctx(member.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets admins change roles (never the owner’s) and rename; members cannot', async () => {
    const { owner, admin, member } = await team();
    await changeMemberRole(db, await ctx(admin.id), member.id, 'ADMIN');
    expect((await ctx(member.id)).role).toBe('ADMIN');
    await changeMemberRole(db, await ctx(owner.id), member.id, 'MEMBER');
    await expect(changeMemberRole(db, await ctx(member.id), admin.id, 'MEMBER')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeMemberRole(db, await ctx(admin.id), owner.id, 'MEMBER')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await renameWorkspace(db, await ctx(admin.id), 'Day Shift')).toMatchObject({ name: 'Day Shift' });
  });

  it('removes a member at once: their dashboard connection ends, overlays they made get new URLs, the rest stays', async () => {
    const { owner, admin, member, workspaceId } = await team();
    const account = await createTestAccount(db);
    await watchTestAccount(db, workspaceId, account.id);
    const theirs = await createTestOverlay(db, { workspaceId, accountId: account.id, createdById: member.id });
    const owners = await createTestOverlay(db, { workspaceId, accountId: account.id, createdById: owner.id });
    const dashboard = createTestClient({}, await sessionCookie(member.id));
    clients.push(dashboard);
    await subscribe(dashboard, workspaceChannel(workspaceId));
    await subscribe(dashboard, accountChannel(account.id));
    const obs = createTestClient({ token: theirs.token });
    clients.push(obs);
    await subscribe(obs, accountChannel(account.id));
    const ended = Promise.all([connectionEnded(dashboard), connectionEnded(obs)]);

    await removeMember(db, await ctx(admin.id), member.id);
    for (const ms of await ended) expect(ms).toBeLessThan(2000);
    // They are back in their personal workspace and cannot return.
    expect((await ctx(member.id)).workspaceId).toBe(member.workspaceId);
    await expect(switchWorkspace(db, member.id, workspaceId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const again = createTestClient({}, await sessionCookie(member.id));
    clients.push(again);
    await expect(subscribe(again, accountChannel(account.id))).rejects.toMatchObject({ status: 403 });
    // The overlay they made stays the workspace's, under a new URL; the owner's is untouched.
    expect(await loadOverlayView(db, theirs.token)).toBeNull();
    const moved = await db.overlay.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(moved.token).not.toBe(theirs.token);
    expect(await loadOverlayView(db, moved.token)).toMatchObject({ overlayId: theirs.id });
    expect(await loadOverlayView(db, owners.token)).toMatchObject({ overlayId: owners.id });
  });

  it('lets anyone but the owner leave, and only admins remove others', async () => {
    const { owner, admin, member, workspaceId } = await team();
    await expect(removeMember(db, await ctx(member.id), admin.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeMember(db, await ctx(admin.id), owner.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(removeMember(db, await ctx(owner.id), owner.id)).rejects.toMatchObject({ code: 'CONFLICT', message: containing('hand it over') });
    await removeMember(db, await ctx(member.id), member.id);
    expect((await listMembers(db, await ctx(owner.id))).map((m) => m.userId)).not.toContain(member.id);
    expect((await ctx(member.id)).workspaceId).not.toBe(workspaceId);
  });

  it('hands a team workspace over (the old owner stays as admin); a personal one stays put', async () => {
    const { owner, member, workspaceId } = await team();
    await expect(transferOwnership(db, await ctx(member.id), member.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await transferOwnership(db, await ctx(owner.id), member.id);
    expect(await ctx(member.id)).toMatchObject({ workspaceId, role: 'OWNER' });
    expect(await ctx(owner.id)).toMatchObject({ workspaceId, role: 'ADMIN' });
    await switchWorkspace(db, owner.id, owner.workspaceId);
    const personal: WorkspaceContext = await ctx(owner.id);
    await expect(transferOwnership(db, personal, member.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await addTestMember(db, owner.workspaceId, member.id);
    await expect(transferOwnership(db, personal, member.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(deleteWorkspace(db, personal, personal.name)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('deletes a workspace after its name is typed, with what it made, and nothing of another workspace', async () => {
    const { owner, member, workspaceId, name } = await team();
    const [shared, only] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
    for (const id of [shared.id, only.id]) {
      await watchTestAccount(db, workspaceId, id);
      await db.trackedAccount.create({ data: { accountId: id } });
    }
    const other = await createTestUser(db);
    await watchTestAccount(db, other.workspaceId, shared.id);
    const otherOverlay = await createTestOverlay(db, { workspaceId: other.workspaceId, accountId: shared.id });
    const doomed = await createTestOverlay(db, { workspaceId, accountId: shared.id });
    await db.cluster.create({ data: { workspaceId, name: 'Gone soon' } });
    const dashboard = createTestClient({}, await sessionCookie(member.id));
    clients.push(dashboard);
    await subscribe(dashboard, workspaceChannel(workspaceId));
    const ended = connectionEnded(dashboard);

    await expect(deleteWorkspace(db, await ctx(member.id), name)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteWorkspace(db, await ctx(owner.id), 'wrong name')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await deleteWorkspace(db, await ctx(owner.id), name);
    expect(await ended).toBeLessThan(2000);
    expect(await db.workspace.count({ where: { id: workspaceId } })).toBe(0);
    expect(await db.overlay.count({ where: { id: doomed.id } })).toBe(0);
    expect(await db.cluster.count({ where: { workspaceId } })).toBe(0);
    // Everyone is back in their personal workspace.
    expect((await ctx(owner.id)).workspaceId).toBe(owner.workspaceId);
    expect((await ctx(member.id)).workspaceId).toBe(member.workspaceId);
    // The account another workspace still watches is still tracked, with its overlay; the other is not.
    expect((await db.trackedAccount.findUniqueOrThrow({ where: { accountId: shared.id } })).enabled).toBe(true);
    expect((await db.trackedAccount.findUniqueOrThrow({ where: { accountId: only.id } })).enabled).toBe(false);
    expect(await loadOverlayView(db, otherOverlay.token)).toMatchObject({ overlayId: otherOverlay.id });
    // Its public history stays.
    expect(await db.channel.count({ where: { id: { in: [shared.id, only.id] } } })).toBe(2);
  });
});
