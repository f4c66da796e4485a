// The wheel's stored spins against the database and the realtime stand-in (soketi, from vitest's global
// setup): "Spin now" draws from the saved segments, stores a test spin and tells the open overlay; reads
// are scoped to the workspace (another workspace's overlay id, or an overlay that is not a wheel, is
// NOT_FOUND); and the route does the same for a signed-in member, refusing a stranger.
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/overlays/[overlayId]/wheel/route';
import { db } from '@/lib/db';
import type { WheelSpin, WheelSpinMessage } from '@/lib/overlays/wheel';
import { listWheelSpins, spinWheelNow } from '@/lib/overlays/wheel-store';
import { overlayChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix } from '@/tools/testing/factories';
import { createTestClient, nextEvent, sessionCookie, subscribe } from '@/tools/testing/realtime-client';

const segments = [
  { id: 's1', label: 'Dance', colour: '#ff0000', weight: 1 },
  { id: 's2', label: 'Sing', colour: '#00ff00', weight: 3 },
];

async function wheelOf(settings: object = { segments }) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db);
  const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'WHEEL', settings });
  return { user, account, overlay };
}

describe('the wheel store', () => {
  it('spins now from the saved segments, stores a test spin on the current LIVE, and tells the overlay', async () => {
    const { user, account, overlay } = await wheelOf();
    const live = await db.live.create({ data: { accountId: account.id, roomId: `room-${uniqueSuffix()}`, startedAt: new Date() } });
    const client = createTestClient({ token: overlay.token });
    try {
      const channel = await subscribe(client, overlayChannel(overlay.id));
      const heard = nextEvent<WheelSpinMessage>(channel, RealtimeEvent.wheel);
      // Ticket 1 of 4: past Dance's single ticket, so Sing (weight 3) wins.
      const spin = await spinWheelNow(db, user.workspaceId, overlay.id, (total) => {
        expect(total).toBe(4);
        return 1;
      });
      expect(spin).toMatchObject({ overlayId: overlay.id, segmentIndex: 1, segmentLabel: 'Sing', test: true, viewerName: '', giftName: null });
      expect(await heard).toEqual({ overlayId: overlay.id, spin });
    } finally {
      client.disconnect();
    }
    const rows = await db.wheelSpin.findMany({ where: { overlayId: overlay.id } });
    expect(rows.map((r) => [r.workspaceId, r.liveId, r.segmentLabel, r.test])).toEqual([[user.workspaceId, live.id, 'Sing', true]]);
  });

  it('lists the newest results first, at most the limit', async () => {
    const { user, overlay } = await wheelOf();
    for (const ticket of [0, 1, 0]) await spinWheelNow(db, user.workspaceId, overlay.id, () => ticket);
    const spins = await listWheelSpins(db, user.workspaceId, overlay.id, 2);
    expect(spins.map((s) => s.segmentLabel)).toEqual(['Dance', 'Sing']);
    expect(spins[0]!.at).toBeGreaterThanOrEqual(spins[1]!.at);
  });

  it('refuses another workspace’s wheel and an overlay that is not a wheel, and a wheel without segments', async () => {
    const { user, overlay } = await wheelOf();
    const stranger = await createTestUser(db);
    await spinWheelNow(db, user.workspaceId, overlay.id, () => 0);
    await expect(listWheelSpins(db, stranger.workspaceId, overlay.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(spinWheelNow(db, stranger.workspaceId, overlay.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const goal = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: overlay.accountId, kind: 'GOAL' });
    await expect(listWheelSpins(db, user.workspaceId, goal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const empty = await wheelOf({ segments: [] });
    await expect(spinWheelNow(db, empty.user.workspaceId, empty.overlay.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // The stranger's refused spin stored nothing.
    expect(await db.wheelSpin.count({ where: { overlayId: overlay.id } })).toBe(1);
  });
});

describe('GET / POST /api/overlays/{id}/wheel', () => {
  const call = async (method: 'GET' | 'POST', overlayId: string, cookie: string) => {
    const handler = method === 'GET' ? GET : POST;
    const request = new Request('http://localhost/api/overlays/x/wheel', {
      method,
      headers: { 'content-type': 'application/json', cookie },
      ...(method === 'POST' ? { body: JSON.stringify({ action: 'spin' }) } : {}),
    });
    const response = await handler(request, { params: Promise.resolve({ overlayId }) });
    return { status: response.status, body: (await response.json()) as { spin?: WheelSpin; spins?: WheelSpin[]; error?: unknown } };
  };

  it('spins for a member and lists the result; a stranger gets 404 and a signed-out caller 401', async () => {
    const { user, overlay } = await wheelOf();
    const stranger = await createTestUser(db);
    const [mine, theirs] = await Promise.all([sessionCookie(user.id), sessionCookie(stranger.id)]);
    const spun = await call('POST', overlay.id, mine);
    expect(spun.status).toBe(200);
    expect(['Dance', 'Sing']).toContain(spun.body.spin?.segmentLabel);
    const listed = await call('GET', overlay.id, mine);
    expect(listed.body.spins?.map((s) => s.id)).toEqual([spun.body.spin?.id]);
    expect((await call('GET', overlay.id, theirs)).status).toBe(404);
    expect((await call('POST', overlay.id, theirs)).status).toBe(404);
    expect((await call('GET', overlay.id, '')).status).toBe(401);
    expect(await db.wheelSpin.count({ where: { overlayId: overlay.id } })).toBe(1);
  });
});
