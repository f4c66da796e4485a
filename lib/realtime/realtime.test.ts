// Realtime against the real soketi with the real SDKs: channel names, who may sign in and subscribe to
// what (overlay tokens, workspace members' sessions), one identity per connection, and connections ended
// when their access ends.
import { createCluster } from '@/lib/dashboard/clusters';
import { loadOverlayView } from '@/lib/overlays/view';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { removeManagedAccount } from '@/lib/dashboard/accounts';
import { issueIdentity } from '@/lib/realtime/authorize';
import { accountChannel, overlayChannel, parseChannel, workspaceChannel } from '@/lib/realtime/channels';
import { dashboardIdentity, overlayIdentity, parseIdentity } from '@/lib/realtime/identity';
import { createPusher, publishBatch, publishUntyped, RealtimeError } from '@/lib/realtime/server';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { addTestMember, createTestAccount, createTestOverlay, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { connectionEnded, createTestClient, nextEvent, sessionCookie, subscribe } from '@/tools/testing/realtime-client';
import { matching } from '@/tools/testing/match';

describe('channel names and identities', () => {
  it('round-trips the names we hand out and rejects anything else', () => {
    expect(parseChannel(accountChannel('acc_1'))).toEqual({ kind: 'account', accountId: 'acc_1' });
    expect(parseChannel(overlayChannel('ov1'))).toEqual({ kind: 'overlay', overlayId: 'ov1' });
    expect(parseChannel(workspaceChannel('ws_1'))).toEqual({ kind: 'workspace', workspaceId: 'ws_1' });
    for (const bad of ['public', 'private-account-', 'private-other-x', 'private-account-a b', `private-account-${'x'.repeat(65)}`, 'presence-account-x', 'private-workspace-a.b']) {
      expect(parseChannel(bad)).toBeUndefined();
    }
  });

  it('round-trips identities, and never mistakes one kind for another', () => {
    expect(parseIdentity(dashboardIdentity('u1', 'ws_u1'))).toEqual({ kind: 'dashboard', userId: 'u1', workspaceId: 'ws_u1' });
    const overlay = parseIdentity(overlayIdentity('ov1', 'a-token-of-thirty-two-characters'));
    expect(overlay).toMatchObject({ kind: 'overlay', overlayId: 'ov1', tokenFp: matching(/^[0-9a-f]{20}$/) });
    for (const bad of ['', 'd.u1', 'x.u1.w1', 'o.ov1.nothex', 'd.u1.w1.extra', 'd.u 1.w1']) expect(parseIdentity(bad)).toBeUndefined();
  });
});

describe('Pusher through soketi with the real SDKs', () => {
  const clients: PusherClient[] = [];
  const client = (params?: Record<string, string>, cookie?: string) => {
    const c = createTestClient(params, cookie);
    clients.push(c);
    return c;
  };
  let world: {
    accountId: string;
    otherAccountId: string;
    member: { id: string; workspaceId: string };
    outsider: { id: string; workspaceId: string };
    token: string;
    overlayId: string;
    revokedToken: string;
  };

  beforeAll(async () => {
    const [member, outsider, account, other] = await Promise.all([createTestUser(db), createTestUser(db), createTestAccount(db), createTestAccount(db)]);
    const overlay = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: account.id });
    const revoked = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: account.id, revoked: true });
    // A token of another account must not open this account's channel.
    await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: other.id });
    world = { accountId: account.id, otherAccountId: other.id, member, outsider, token: overlay.token, overlayId: overlay.id, revokedToken: revoked.token };
  });

  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('delivers a server trigger to a subscribed pusher-js client on a public channel', async () => {
    const channel = await subscribe(client(), `health-${uniqueSuffix()}`);
    const received = nextEvent<{ hello: string }>(channel, 'ping');
    await publishUntyped(channel.name, 'ping', { hello: 'world' });
    expect(await received).toEqual({ hello: 'world' });
  });

  it('lets an overlay token open its own channel and its account’s, and delivers to them', async () => {
    const c = client({ token: world.token });
    const own = await subscribe(c, overlayChannel(world.overlayId));
    const feed = await subscribe(c, accountChannel(world.accountId));
    const gift = nextEvent<{ diamonds: number }>(feed, 'gift');
    const settings = nextEvent<{ type: string }>(own, 'overlay');
    await publishBatch([
      { channel: accountChannel(world.accountId), name: 'gift', data: { diamonds: 29999 } },
      { channel: overlayChannel(world.overlayId), name: 'overlay', data: { type: 'settings' } },
    ]);
    expect(await gift).toEqual({ diamonds: 29999 });
    expect(await settings).toEqual({ type: 'settings' });
  });

  it('refuses a token for anything else: no token, a wrong or revoked one, another account, a workspace channel', async () => {
    await expect(subscribe(client(), overlayChannel(world.overlayId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: 'not-a-token-not-a-token-not-a-token' }), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: world.revokedToken }), overlayChannel(world.overlayId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: world.token }), accountChannel(world.otherAccountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: world.token }), workspaceChannel(world.member.workspaceId))).rejects.toMatchObject({ status: 403 });
  });

  it('lets gift alerts drawing from a cluster open every channel of that cluster its workspace watches, and no other', async () => {
    const { member, outsider } = world;
    const [tiktok, bilibili, unwatched, stranger] = await Promise.all([createTestAccount(db), createTestAccount(db), createTestAccount(db), createTestAccount(db)]);
    await db.workspaceAccount.createMany({ data: [tiktok, bilibili].map((a) => ({ workspaceId: member.workspaceId, accountId: a.id })) });
    const cluster = await createCluster(db, member.workspaceId, `Creator ${uniqueSuffix()}`, [tiktok.id, bilibili.id]);
    // A member of the cluster the workspace no longer watches; another workspace's cluster with a channel of its own.
    await db.clusterAccount.create({ data: { clusterId: cluster.id, accountId: unwatched.id } });
    await db.workspaceAccount.create({ data: { workspaceId: outsider.workspaceId, accountId: stranger.id } });
    const foreign = await createCluster(db, outsider.workspaceId, `Theirs ${uniqueSuffix()}`, [stranger.id]);
    const merged = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id, settings: { clusterId: cluster.id } });
    const alone = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id });
    const stolen = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id, settings: { clusterId: foreign.id } });

    const c = client({ token: merged.token });
    await expect(subscribe(c, accountChannel(tiktok.id))).resolves.toBeTruthy();
    const feed = await subscribe(c, accountChannel(bilibili.id));
    const gift = nextEvent<{ diamonds: number }>(feed, 'gift');
    await publishBatch([{ channel: accountChannel(bilibili.id), name: 'gift', data: { diamonds: 520 } }]);
    expect(await gift).toEqual({ diamonds: 520 });
    await expect(subscribe(client({ token: merged.token }), accountChannel(unwatched.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: merged.token }), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
    // Without the cluster, or naming another workspace's, an overlay opens its own channel only.
    await expect(subscribe(client({ token: alone.token }), accountChannel(bilibili.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: stolen.token }), accountChannel(stranger.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: stolen.token }), accountChannel(bilibili.id))).rejects.toMatchObject({ status: 403 });
    // The OBS page subscribes to the same channels the access rule allows.
    const view = await loadOverlayView(db, merged.token);
    expect(view?.channels.accounts).toEqual([accountChannel(tiktok.id), accountChannel(bilibili.id)]);
    expect((await loadOverlayView(db, stolen.token))?.channels.accounts).toEqual([accountChannel(tiktok.id)]);
  });

  it('lets a goal drawing from a cluster open exactly that cluster’s watched channels; a leaderboard stays on its own', async () => {
    const { member, outsider } = world;
    const [tiktok, bilibili, unwatched, stranger] = await Promise.all([createTestAccount(db), createTestAccount(db), createTestAccount(db), createTestAccount(db)]);
    await db.workspaceAccount.createMany({ data: [tiktok, bilibili].map((a) => ({ workspaceId: member.workspaceId, accountId: a.id })) });
    const cluster = await createCluster(db, member.workspaceId, `Goal ${uniqueSuffix()}`, [tiktok.id, bilibili.id]);
    await db.clusterAccount.create({ data: { clusterId: cluster.id, accountId: unwatched.id } });
    await db.workspaceAccount.create({ data: { workspaceId: outsider.workspaceId, accountId: stranger.id } });
    const foreign = await createCluster(db, outsider.workspaceId, `Their goal ${uniqueSuffix()}`, [stranger.id]);
    const goal = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id, kind: 'GOAL', settings: { clusterId: cluster.id } });
    const stolen = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id, kind: 'GOAL', settings: { clusterId: foreign.id } });
    // A leaderboard drawing from the cluster gets its board from the workers on its own channel: its page
    // opens no other channel's events.
    const board = await createTestOverlay(db, { workspaceId: member.workspaceId, accountId: tiktok.id, kind: 'LEADERBOARD', settings: { clusterId: cluster.id } });

    const c = client({ token: goal.token });
    await expect(subscribe(c, accountChannel(tiktok.id))).resolves.toBeTruthy();
    const feed = await subscribe(c, accountChannel(bilibili.id));
    const counters = nextEvent<{ diamonds: number }>(feed, 'counters');
    await publishBatch([{ channel: accountChannel(bilibili.id), name: 'counters', data: { liveId: '1', startedAt: 0, viewers: 0, likes: 0, diamonds: 70_760, gifts: 1, comments: 0, follows: 0, shares: 0 } }]);
    expect((await counters).diamonds).toBe(70_760);
    await expect(subscribe(client({ token: goal.token }), accountChannel(unwatched.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: goal.token }), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: stolen.token }), accountChannel(stranger.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: board.token }), accountChannel(bilibili.id))).rejects.toMatchObject({ status: 403 });
    // The OBS page subscribes to, and counts, the same channels the access rule allows.
    const view = await loadOverlayView(db, goal.token);
    expect(view?.channels.accounts).toEqual([accountChannel(tiktok.id), accountChannel(bilibili.id)]);
    expect(view?.goalSources.map((s) => s.channel)).toEqual([accountChannel(tiktok.id), accountChannel(bilibili.id)]);
    expect((await loadOverlayView(db, stolen.token))?.goalSources.map((s) => s.channel)).toEqual([accountChannel(tiktok.id)]);
  });

  it('refuses every private channel to a visitor without a session, or with a forged one', async () => {
    await expect(subscribe(client(), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, 'next-auth.session-token=forged'), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
  });

  it('opens an account’s channel to members of workspaces watching it, the workspace channel to its members, and nothing else', async () => {
    const cookie = await sessionCookie(world.member.id);
    const c = client({}, cookie);
    const feed = await subscribe(c, accountChannel(world.accountId));
    await subscribe(c, workspaceChannel(world.member.workspaceId));
    const received = nextEvent<{ viewers: number }>(feed, 'counters');
    await publishUntyped(accountChannel(world.accountId), 'counters', { viewers: 12 });
    expect(await received).toEqual({ viewers: 12 });
    // A dashboard never gets an overlay's own channel (it carries the OBS password).
    await expect(subscribe(client({}, cookie), overlayChannel(world.overlayId))).rejects.toMatchObject({ status: 403 });

    const outsiderCookie = await sessionCookie(world.outsider.id);
    await expect(subscribe(client({}, outsiderCookie), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, outsiderCookie), workspaceChannel(world.member.workspaceId))).rejects.toMatchObject({ status: 403 });
    // Watching the same account gives the outsider its public events, never the other workspace's.
    await watchTestAccount(db, world.outsider.workspaceId, world.accountId);
    await subscribe(client({}, outsiderCookie), accountChannel(world.accountId));
    await expect(subscribe(client({}, outsiderCookie), workspaceChannel(world.member.workspaceId))).rejects.toMatchObject({ status: 403 });
  });

  it('gives a connection one identity for its whole life', async () => {
    const pusher = createPusher();
    const socketId = `${Date.now() % 1e9}.${Math.floor(Math.random() * 1e9)}`;
    await issueIdentity(db, socketId, { kind: 'overlay', token: world.token }, pusher);
    // The same credential again is fine (a retried sign-in); another one is refused.
    await expect(issueIdentity(db, socketId, { kind: 'overlay', token: world.token }, pusher)).resolves.toHaveProperty('auth');
    await expect(issueIdentity(db, socketId, { kind: 'dashboard', userId: world.member.id, workspaceId: world.member.workspaceId }, pusher)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(issueIdentity(db, 'not-a-socket', { kind: 'overlay', token: world.token }, pusher)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('ends dashboards and overlays that depended on an account within 2 s when the workspace removes it', async () => {
    const [owner, account] = await Promise.all([createTestUser(db), createTestAccount(db)]);
    const teammate = await createTestUser(db);
    await addTestMember(db, owner.workspaceId, teammate.id);
    await db.user.update({ where: { id: teammate.id }, data: { currentWorkspaceId: owner.workspaceId } });
    const overlay = await createTestOverlay(db, { workspaceId: owner.workspaceId, accountId: account.id });
    const dashboard = client({}, await sessionCookie(teammate.id));
    await subscribe(dashboard, accountChannel(account.id));
    const obs = client({ token: overlay.token });
    await subscribe(obs, accountChannel(account.id));
    const ended = Promise.all([connectionEnded(dashboard), connectionEnded(obs)]);
    await removeManagedAccount(db, owner.workspaceId, account.id);
    for (const ms of await ended) expect(ms).toBeLessThan(2000);
    await expect(subscribe(client({ token: overlay.token }), accountChannel(account.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, await sessionCookie(teammate.id)), accountChannel(account.id))).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a session that was ended on the server', async () => {
    const user = await createTestUser(db);
    await watchTestAccount(db, user.workspaceId, world.accountId);
    const cookie = await sessionCookie(user.id);
    await subscribe(client({}, cookie), accountChannel(world.accountId));
    await revokeUserSessions(db, user.id);
    await expect(subscribe(client({}, cookie), accountChannel(world.accountId))).rejects.toMatchObject({ status: 403 });
  });

  it('publishes batches larger than Pusher allows per request, in order', async () => {
    const channel = await subscribe(client(), `batch-${uniqueSuffix()}`);
    const seen: number[] = [];
    const all = new Promise<void>((resolve) => {
      channel.bind('n', (data: { i: number }) => {
        seen.push(data.i);
        if (seen.length === 25) resolve();
      });
    });
    await publishBatch(Array.from({ length: 25 }, (_, i) => ({ channel: channel.name, name: 'n', data: { i } })));
    await all;
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('surfaces a rejection that soketi reports inside a 200 response', async () => {
    await expect(publishUntyped(`big-${uniqueSuffix()}`, 'x', { blob: 'x'.repeat(150 * 1024) })).rejects.toBeInstanceOf(RealtimeError);
  });
});
