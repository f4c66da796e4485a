import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { createOverlay, deleteOverlay, getOverlay, listOverlays, regenerateToken, revokeOverlay, updateOverlay } from '@/lib/overlays/manage';
import { readSettings } from '@/lib/overlays/settings';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import { loadOverlayView, OVERLAY_TOKEN } from '@/lib/overlays/view';
import { accountChannel, overlayChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { actorOf, addTestMember, createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { connectionEnded, createTestClient, nextEvent, subscribe } from '@/tools/testing/realtime-client';

/**
 * An owner and a member of one workspace watching an account; an outsider whose own workspace watches the
 * same account (the public data is shared, what a workspace makes is not); a stranger with another account.
 */
async function buildPeople() {
  const [owner, coManager, outsider, stranger] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
  const [account, strangersAccount] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
  await addTestMember(db, owner.workspaceId, coManager.id);
  await Promise.all([watchTestAccount(db, owner.workspaceId, account.id), watchTestAccount(db, outsider.workspaceId, account.id), watchTestAccount(db, stranger.workspaceId, strangersAccount.id)]);
  // The member works in the owner's workspace.
  await db.user.update({ where: { id: coManager.id }, data: { currentWorkspaceId: owner.workspaceId } });
  return { owner, coManager: { ...coManager, workspaceId: owner.workspaceId }, outsider, stranger, account, strangersAccount };
}

type People = Awaited<ReturnType<typeof buildPeople>>;

describe('overlay management', () => {
  let people: People;
  beforeAll(async () => {
    people = await buildPeople();
  });

  it('creates an overlay for an account of the workspace only, with default settings and a fresh token', async () => {
    const { owner, account, strangersAccount } = people;
    const goal = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GOAL' });
    expect(goal).toMatchObject({ kind: 'GOAL', name: `Goal bar · @${account.handle}`, accountId: account.id, handle: account.handle, revoked: false });
    expect(goal.token).toMatch(OVERLAY_TOKEN);
    expect(goal.settings).toEqual(readSettings('GOAL', {}));
    expect(await loadOverlayView(db, goal.token ?? '')).toMatchObject({ overlayId: goal.id, kind: 'GOAL', settings: { target: 10_000 } });

    const named = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'CHAT', name: '  Chat for stream  ' });
    expect(named.name).toBe('Chat for stream');
    expect(named.token).not.toBe(goal.token);

    await expect(createOverlay(db, actorOf(owner), { accountId: strangersAccount.id, kind: 'GOAL' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createOverlay(db, actorOf(owner), { accountId: 'no-such-account', kind: 'GOAL' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.overlay.count({ where: { accountId: strangersAccount.id } })).toBe(0);
  });

  it('names an overlay of a Bilibili channel after its nickname, never "@<uid>"', async () => {
    const { owner } = people;
    const uid = String(Number.parseInt(uniqueSuffix(), 16) + 1);
    const channel = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台' } });
    await watchTestAccount(db, owner.workspaceId, channel.id);
    const goal = await createOverlay(db, actorOf(owner), { accountId: channel.id, kind: 'GOAL' });
    expect(goal).toMatchObject({ name: 'Goal bar · 星海电台', platform: 'bilibili', handle: uid, nickname: '星海电台' });
    expect((await listOverlays(db, owner.workspaceId)).find((o) => o.id === goal.id)).toMatchObject({ platform: 'bilibili', nickname: '星海电台' });
    await deleteOverlay(db, owner.workspaceId, goal.id);
  });

  it('lists the workspace’s overlays, also ones another member created, and nobody else’s (not even of a workspace watching the same account)', async () => {
    const { owner, coManager, outsider, stranger, account, strangersAccount } = people;
    const mine = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'VIEWER_COUNT' });
    const theirs = await createOverlay(db, actorOf(stranger), { accountId: strangersAccount.id, kind: 'VIEWER_COUNT' });
    const ownerIds = (await listOverlays(db, owner.workspaceId)).map((o) => o.id);
    const coManagerIds = (await listOverlays(db, coManager.workspaceId)).map((o) => o.id);
    expect(ownerIds).toContain(mine.id);
    expect(ownerIds).not.toContain(theirs.id);
    expect(coManagerIds).toEqual(ownerIds);
    expect((await listOverlays(db, stranger.workspaceId)).map((o) => o.id)).toEqual([theirs.id]);
    expect(await listOverlays(db, outsider.workspaceId)).toEqual([]);
    expect(await getOverlay(db, coManager.workspaceId, mine.id)).toMatchObject({ id: mine.id, token: mine.token });
  });

  it('validates settings against the overlay’s kind and names the bad field', async () => {
    const { owner, account } = people;
    const goal = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GOAL' });
    const saved = await updateOverlay(db, owner.workspaceId, goal.id, { name: 'Road to 50k', settings: { ...readSettings('GOAL', {}), target: 50_000, title: 'Road to 50k likes' } });
    expect(saved).toMatchObject({ name: 'Road to 50k', settings: { target: 50_000, title: 'Road to 50k likes' } });

    await expect(updateOverlay(db, owner.workspaceId, goal.id, { settings: { target: 0 } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^target: /) as unknown });
    await expect(updateOverlay(db, owner.workspaceId, goal.id, { settings: { metric: 'coins' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^metric: /) as unknown });
    await expect(updateOverlay(db, owner.workspaceId, goal.id, { name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^name: /) as unknown });
    // A rejected save changes nothing.
    expect(await getOverlay(db, owner.workspaceId, goal.id)).toMatchObject({ name: 'Road to 50k', settings: { target: 50_000 } });

    const board = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'LEADERBOARD' });
    const tiers = [
      { minDiamonds: 10, multiplier: 1 },
      { minDiamonds: 10, multiplier: 2 },
    ];
    await expect(updateOverlay(db, owner.workspaceId, board.id, { settings: { rules: { giftTiers: tiers } } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'rules.giftTiers: Two gift tiers start at the same value.' });
    await expect(updateOverlay(db, owner.workspaceId, board.id, { settings: { rules: { giftTiers: [] } } })).rejects.toMatchObject({ message: expect.stringMatching(/^rules\.giftTiers: /) as unknown });
    await expect(updateOverlay(db, owner.workspaceId, board.id, { settings: { rules: { giftTiers: [{ minDiamonds: 0, multiplier: 1 }] } } })).rejects.toMatchObject({
      message: expect.stringMatching(/^rules\.giftTiers\.0\.minDiamonds: /) as unknown,
    });
    // Settings of another kind are not a leaderboard's: a goal's fields are dropped, its own kept.
    const rules = { likesPerPointFollower: 5, likesPerPointNonFollower: 8, giftTiers: [{ minDiamonds: 1, multiplier: 2 }] };
    const updated = await updateOverlay(db, owner.workspaceId, board.id, { settings: { target: 5, rules, blockedWords: ['Spam', 'spam'] } });
    expect(updated.settings).toMatchObject({ rules, blockedWords: ['spam'] });
    expect(updated.settings).not.toHaveProperty('target');

    const alerts = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GIFT_ALERTS' });
    await expect(updateOverlay(db, owner.workspaceId, alerts.id, { settings: { volume: 2 } })).rejects.toMatchObject({ message: expect.stringMatching(/^volume: /) as unknown });
  });

  it('regenerating changes the token at once: the old one no longer loads, the new one does', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'CHAT' });
    const regenerated = await regenerateToken(db, owner.workspaceId, overlay.id);
    expect(regenerated.token).toMatch(OVERLAY_TOKEN);
    expect(regenerated.token).not.toBe(overlay.token);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    expect(await loadOverlayView(db, regenerated.token ?? '')).toMatchObject({ overlayId: overlay.id });
  });

  it('revoking hides the token and stops the URL; regenerating turns it back on with a new one', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'ACTIVITY' });
    const revoked = await revokeOverlay(db, owner.workspaceId, overlay.id);
    expect(revoked).toMatchObject({ revoked: true, token: null });
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    // Revoking twice keeps the first revocation and still hides the token.
    expect(await revokeOverlay(db, owner.workspaceId, overlay.id)).toMatchObject({ revoked: true, token: null });
    // Settings can still be edited while revoked.
    expect(await updateOverlay(db, owner.workspaceId, overlay.id, { settings: { maxItems: 3 } })).toMatchObject({ revoked: true, settings: { maxItems: 3 } });

    const back = await regenerateToken(db, owner.workspaceId, overlay.id);
    expect(back.revoked).toBe(false);
    expect(back.token).not.toBe(overlay.token);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    expect(await loadOverlayView(db, back.token ?? '')).toMatchObject({ overlayId: overlay.id, settings: { maxItems: 3 } });
  });

  it('other workspaces cannot read, change, regenerate, revoke or delete an overlay (not found), and nothing changes', async () => {
    const { owner, outsider, stranger, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GOAL' });
    const attempts = [
      // The case: a workspace that added the same handle.
      () => getOverlay(db, outsider.workspaceId, overlay.id),
      () => updateOverlay(db, outsider.workspaceId, overlay.id, { name: 'Question injected by user B' }),
      () => regenerateToken(db, outsider.workspaceId, overlay.id),
      () => revokeOverlay(db, outsider.workspaceId, overlay.id),
      () => deleteOverlay(db, outsider.workspaceId, overlay.id),
      () => getOverlay(db, stranger.workspaceId, overlay.id),
      () => updateOverlay(db, stranger.workspaceId, overlay.id, { name: 'Mine now', settings: { target: 1 } }),
      () => regenerateToken(db, stranger.workspaceId, overlay.id),
      () => revokeOverlay(db, stranger.workspaceId, overlay.id),
      () => deleteOverlay(db, stranger.workspaceId, overlay.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getOverlay(db, owner.workspaceId, overlay.id)).toEqual(overlay);
    expect(await loadOverlayView(db, overlay.token ?? '')).not.toBeNull();
    await expect(getOverlay(db, owner.workspaceId, 'no-such-overlay')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an overlay: gone from the list, its URL no longer loads', async () => {
    const { owner, coManager, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'VIEWER_COUNT' });
    // Another member may delete what the owner created: the workspace's things are the team's.
    await deleteOverlay(db, coManager.workspaceId, overlay.id);
    expect((await listOverlays(db, owner.workspaceId)).map((o) => o.id)).not.toContain(overlay.id);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    await expect(deleteOverlay(db, owner.workspaceId, overlay.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('overlay changes over realtime (pusher-js through the app’s auth routes and soketi)', () => {
  const clients: PusherClient[] = [];
  const client = (params: Record<string, string>) => {
    const c = createTestClient(params);
    clients.push(c);
    return c;
  };
  let people: People;
  beforeAll(async () => {
    people = await buildPeople();
  });
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('sends saved settings (with its OBS password) to the open overlay, then "revoked", then ends its connection within 2 s', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'QA_GAME' });
    const token = overlay.token ?? '';
    const open = client({ token });
    const own = await subscribe(open, overlayChannel(overlay.id));
    const feed = await subscribe(open, accountChannel(account.id));

    const settingsMessage = nextEvent<OverlayControlMessage>(own, RealtimeEvent.overlay);
    await updateOverlay(db, owner.workspaceId, overlay.id, { settings: { obsPassword: 'hunter2-obs', obsScene: 'Winner' } });
    expect(await settingsMessage).toMatchObject({ type: 'settings', overlayId: overlay.id, settings: { obsPassword: 'hunter2-obs', obsScene: 'Winner' } });
    // At rest the password is encrypted, and the dashboard only ever sees a placeholder.
    const stored = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id } });
    expect(JSON.stringify(stored.settings)).not.toContain('hunter2-obs');
    expect((await getOverlay(db, owner.workspaceId, overlay.id)).settings).toMatchObject({ obsPassword: '••••••••' });

    const revokedMessage = nextEvent<OverlayControlMessage>(own, RealtimeEvent.overlay);
    const ended = connectionEnded(open);
    let revoked = false;
    const seenAfter: string[] = [];
    feed.bind_global((event: string) => {
      if (revoked && !event.startsWith('pusher:')) seenAfter.push(event);
    });
    await revokeOverlay(db, owner.workspaceId, overlay.id);
    revoked = true;
    expect(await revokedMessage).toEqual({ type: 'revoked', overlayId: overlay.id });
    expect(await ended).toBeLessThan(2000);
    // The account's events keep flowing to everyone else (another overlay of the account receives a marker);
    // the revoked connection gets none of them.
    const other = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'CHAT' });
    const witness = await subscribe(client({ token: other.token ?? '' }), accountChannel(account.id));
    const delivered = nextEvent<{ marker: boolean }>(witness, 'counters');
    const { publishUntyped } = await import('@/lib/realtime/server');
    await publishUntyped(accountChannel(account.id), 'counters', { marker: true });
    expect(await delivered).toEqual({ marker: true });
    expect(seenAfter).toEqual([]);

    await expect(subscribe(client({ token }), overlayChannel(overlay.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token }), accountChannel(account.id))).rejects.toMatchObject({ status: 403 });
  });

  it('ends copies of the old URL on regenerate; the old token is refused, the new one accepted', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'CHAT' });
    const old = client({ token: overlay.token ?? '' });
    const channel = await subscribe(old, overlayChannel(overlay.id));
    const revokedMessage = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    const ended = connectionEnded(old);
    const regenerated = await regenerateToken(db, owner.workspaceId, overlay.id);
    expect(await revokedMessage).toEqual({ type: 'revoked', overlayId: overlay.id });
    expect(await ended).toBeLessThan(2000);
    await expect(subscribe(client({ token: overlay.token ?? '' }), overlayChannel(overlay.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: regenerated.token ?? '' }), overlayChannel(overlay.id))).resolves.toBeDefined();
  });

  it('sends an overlay’s settings on its own channel only: another overlay of the same account hears nothing', async () => {
    const { owner, account } = people;
    const [mine, other] = await Promise.all([
      createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GOAL' }),
      createOverlay(db, actorOf(owner), { accountId: account.id, kind: 'GOAL' }),
    ]);
    const otherClient = client({ token: other.token ?? '' });
    await expect(subscribe(otherClient, overlayChannel(mine.id))).rejects.toMatchObject({ status: 403 });
    const channel = await subscribe(client({ token: other.token ?? '' }), overlayChannel(other.id));
    const seen: OverlayControlMessage[] = [];
    channel.bind(RealtimeEvent.overlay, (message: OverlayControlMessage) => seen.push(message));
    await updateOverlay(db, owner.workspaceId, mine.id, { settings: { target: 5 } });
    // A later message on the same channel proves the earlier one (if any) would have arrived first.
    const marker = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    await updateOverlay(db, owner.workspaceId, other.id, { settings: { target: 6 } });
    await marker;
    expect(seen.map((m) => [m.type, m.overlayId])).toEqual([['settings', other.id]]);
  });
});
