import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { createOverlay, deleteOverlay, getOverlay, listOverlays, regenerateToken, revokeOverlay, updateOverlay } from '@/lib/overlays/manage';
import { readSettings } from '@/lib/overlays/settings';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import { loadOverlayView, OVERLAY_TOKEN } from '@/lib/overlays/view';
import { overlayChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { createTestAccount, createTestUser } from '@/lib/testing/factories';
import { createTestClient, nextEvent, subscribe } from '@/lib/testing/realtime-client';

/** An owner and a co-manager of one account, and a stranger who manages another. */
async function buildPeople() {
  const [owner, coManager, stranger] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
  const [account, strangersAccount] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
  await db.managedAccount.createMany({
    data: [
      { userId: owner.id, accountId: account.id },
      { userId: coManager.id, accountId: account.id },
      { userId: stranger.id, accountId: strangersAccount.id },
    ],
  });
  return { owner, coManager, stranger, account, strangersAccount };
}

type People = Awaited<ReturnType<typeof buildPeople>>;

describe('overlay management', () => {
  let people: People;
  beforeAll(async () => {
    people = await buildPeople();
  });

  it('creates an overlay for a managed account only, with default settings and a fresh token', async () => {
    const { owner, account, strangersAccount } = people;
    const goal = await createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' });
    expect(goal).toMatchObject({ kind: 'GOAL', name: `Goal bar · @${account.handle}`, accountId: account.id, handle: account.handle, revoked: false });
    expect(goal.token).toMatch(OVERLAY_TOKEN);
    expect(goal.settings).toEqual(readSettings('GOAL', {}));
    expect(await loadOverlayView(db, goal.token ?? '')).toMatchObject({ overlayId: goal.id, kind: 'GOAL', settings: { target: 10_000 } });

    const named = await createOverlay(db, owner.id, { accountId: account.id, kind: 'CHAT', name: '  Chat for stream  ' });
    expect(named.name).toBe('Chat for stream');
    expect(named.token).not.toBe(goal.token);

    await expect(createOverlay(db, owner.id, { accountId: strangersAccount.id, kind: 'GOAL' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createOverlay(db, owner.id, { accountId: 'no-such-account', kind: 'GOAL' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.overlay.count({ where: { accountId: strangersAccount.id } })).toBe(0);
  });

  it('lists the overlays of managed accounts, also ones a co-manager created, and nobody else’s', async () => {
    const { owner, coManager, stranger, account, strangersAccount } = people;
    const mine = await createOverlay(db, owner.id, { accountId: account.id, kind: 'VIEWER_COUNT' });
    const theirs = await createOverlay(db, stranger.id, { accountId: strangersAccount.id, kind: 'VIEWER_COUNT' });
    const ownerIds = (await listOverlays(db, owner.id)).map((o) => o.id);
    const coManagerIds = (await listOverlays(db, coManager.id)).map((o) => o.id);
    expect(ownerIds).toContain(mine.id);
    expect(ownerIds).not.toContain(theirs.id);
    expect(coManagerIds).toEqual(ownerIds);
    expect((await listOverlays(db, stranger.id)).map((o) => o.id)).toEqual([theirs.id]);
    expect(await getOverlay(db, coManager.id, mine.id)).toMatchObject({ id: mine.id, token: mine.token });
  });

  it('validates settings against the overlay’s kind and names the bad field', async () => {
    const { owner, account } = people;
    const goal = await createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' });
    const saved = await updateOverlay(db, owner.id, goal.id, { name: 'Road to 50k', settings: { ...readSettings('GOAL', {}), target: 50_000, title: 'Road to 50k likes' } });
    expect(saved).toMatchObject({ name: 'Road to 50k', settings: { target: 50_000, title: 'Road to 50k likes' } });

    await expect(updateOverlay(db, owner.id, goal.id, { settings: { target: 0 } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^target: /) as unknown });
    await expect(updateOverlay(db, owner.id, goal.id, { settings: { metric: 'coins' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^metric: /) as unknown });
    await expect(updateOverlay(db, owner.id, goal.id, { name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^name: /) as unknown });
    // A rejected save changes nothing.
    expect(await getOverlay(db, owner.id, goal.id)).toMatchObject({ name: 'Road to 50k', settings: { target: 50_000 } });

    const board = await createOverlay(db, owner.id, { accountId: account.id, kind: 'LEADERBOARD' });
    const tiers = [
      { minDiamonds: 10, multiplier: 1 },
      { minDiamonds: 10, multiplier: 2 },
    ];
    await expect(updateOverlay(db, owner.id, board.id, { settings: { rules: { giftTiers: tiers } } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'rules.giftTiers: Two gift tiers start at the same value.' });
    await expect(updateOverlay(db, owner.id, board.id, { settings: { rules: { giftTiers: [] } } })).rejects.toMatchObject({ message: expect.stringMatching(/^rules\.giftTiers: /) as unknown });
    await expect(updateOverlay(db, owner.id, board.id, { settings: { rules: { giftTiers: [{ minDiamonds: 0, multiplier: 1 }] } } })).rejects.toMatchObject({
      message: expect.stringMatching(/^rules\.giftTiers\.0\.minDiamonds: /) as unknown,
    });
    // Settings of another kind are not a leaderboard's: a goal's fields are dropped, its own kept.
    const rules = { likesPerPointFollower: 5, likesPerPointNonFollower: 8, giftTiers: [{ minDiamonds: 1, multiplier: 2 }] };
    const updated = await updateOverlay(db, owner.id, board.id, { settings: { target: 5, rules, blockedWords: ['Spam', 'spam'] } });
    expect(updated.settings).toMatchObject({ rules, blockedWords: ['spam'] });
    expect(updated.settings).not.toHaveProperty('target');

    const alerts = await createOverlay(db, owner.id, { accountId: account.id, kind: 'GIFT_ALERTS' });
    await expect(updateOverlay(db, owner.id, alerts.id, { settings: { volume: 2 } })).rejects.toMatchObject({ message: expect.stringMatching(/^volume: /) as unknown });
  });

  it('regenerating changes the token at once: the old one no longer loads, the new one does', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'CHAT' });
    const regenerated = await regenerateToken(db, owner.id, overlay.id);
    expect(regenerated.token).toMatch(OVERLAY_TOKEN);
    expect(regenerated.token).not.toBe(overlay.token);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    expect(await loadOverlayView(db, regenerated.token ?? '')).toMatchObject({ overlayId: overlay.id });
  });

  it('revoking hides the token and stops the URL; regenerating turns it back on with a new one', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'ACTIVITY' });
    const revoked = await revokeOverlay(db, owner.id, overlay.id);
    expect(revoked).toMatchObject({ revoked: true, token: null });
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    // Revoking twice keeps the first revocation and still hides the token.
    expect(await revokeOverlay(db, owner.id, overlay.id)).toMatchObject({ revoked: true, token: null });
    // Settings can still be edited while revoked.
    expect(await updateOverlay(db, owner.id, overlay.id, { settings: { maxItems: 3 } })).toMatchObject({ revoked: true, settings: { maxItems: 3 } });

    const back = await regenerateToken(db, owner.id, overlay.id);
    expect(back.revoked).toBe(false);
    expect(back.token).not.toBe(overlay.token);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    expect(await loadOverlayView(db, back.token ?? '')).toMatchObject({ overlayId: overlay.id, settings: { maxItems: 3 } });
  });

  it('other users cannot read, change, regenerate, revoke or delete an overlay (not found), and nothing changes', async () => {
    const { owner, stranger, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' });
    const attempts = [
      () => getOverlay(db, stranger.id, overlay.id),
      () => updateOverlay(db, stranger.id, overlay.id, { name: 'Mine now', settings: { target: 1 } }),
      () => regenerateToken(db, stranger.id, overlay.id),
      () => revokeOverlay(db, stranger.id, overlay.id),
      () => deleteOverlay(db, stranger.id, overlay.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getOverlay(db, owner.id, overlay.id)).toEqual(overlay);
    expect(await loadOverlayView(db, overlay.token ?? '')).not.toBeNull();
    await expect(getOverlay(db, owner.id, 'no-such-overlay')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an overlay: gone from the list, its URL no longer loads', async () => {
    const { owner, coManager, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'VIEWER_COUNT' });
    // A co-manager may delete what the owner created: both run the account's stream.
    await deleteOverlay(db, coManager.id, overlay.id);
    expect((await listOverlays(db, owner.id)).map((o) => o.id)).not.toContain(overlay.id);
    expect(await loadOverlayView(db, overlay.token ?? '')).toBeNull();
    await expect(deleteOverlay(db, owner.id, overlay.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('overlay changes over realtime (pusher-js through the app’s auth route and soketi)', () => {
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

  it('sends saved settings, then "revoked", to an open overlay, and refuses the revoked token afterwards', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' });
    const token = overlay.token ?? '';
    const channel = await subscribe(client({ token }), overlayChannel(account.id));

    const settingsMessage = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    await updateOverlay(db, owner.id, overlay.id, { settings: { target: 777, title: 'Almost there' } });
    expect(await settingsMessage).toEqual({ type: 'settings', overlayId: overlay.id, settings: { ...readSettings('GOAL', {}), target: 777, title: 'Almost there' } });

    const revokedMessage = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    await revokeOverlay(db, owner.id, overlay.id);
    expect(await revokedMessage).toEqual({ type: 'revoked', overlayId: overlay.id });

    await expect(subscribe(client({ token }), overlayChannel(account.id))).rejects.toMatchObject({ status: 403 });
  });

  it('tells open copies of the old URL on regenerate; the old token is refused, the new one accepted', async () => {
    const { owner, account } = people;
    const overlay = await createOverlay(db, owner.id, { accountId: account.id, kind: 'CHAT' });
    const channel = await subscribe(client({ token: overlay.token ?? '' }), overlayChannel(account.id));
    const revokedMessage = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    const regenerated = await regenerateToken(db, owner.id, overlay.id);
    expect(await revokedMessage).toEqual({ type: 'revoked', overlayId: overlay.id });
    await expect(subscribe(client({ token: overlay.token ?? '' }), overlayChannel(account.id))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: regenerated.token ?? '' }), overlayChannel(account.id))).resolves.toBeDefined();
  });

  it('does not publish settings of a revoked overlay', async () => {
    const { owner, account } = people;
    const [live, revoked] = await Promise.all([
      createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' }),
      createOverlay(db, owner.id, { accountId: account.id, kind: 'GOAL' }),
    ]);
    const channel = await subscribe(client({ token: live.token ?? '' }), overlayChannel(account.id));
    const seen: OverlayControlMessage[] = [];
    channel.bind(RealtimeEvent.overlay, (message: OverlayControlMessage) => seen.push(message));
    const revokedNotice = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    await revokeOverlay(db, owner.id, revoked.id);
    await revokedNotice;
    await updateOverlay(db, owner.id, revoked.id, { settings: { target: 5 } });
    // A later message on the same channel proves the earlier one (if any) would have arrived first.
    const marker = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
    await updateOverlay(db, owner.id, live.id, { settings: { target: 6 } });
    await marker;
    expect(seen.map((m) => [m.type, m.overlayId])).toEqual([
      ['revoked', revoked.id],
      ['settings', live.id],
    ]);
  });
});
