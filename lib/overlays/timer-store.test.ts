// The subathon timer's end in storage (Postgres, the overlay channel on soketi): a timer read at 00:00 is
// stored as ended and the open overlay told, so gifts after the end do not bring it back on a reloaded
// OBS page; Add then does nothing and Start runs a new subathon.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readTimerState } from '@/lib/overlays/timer';
import { controlTimer, getTimerView } from '@/lib/overlays/timer-store';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import { loadOverlayView } from '@/lib/overlays/view';
import { overlayChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix } from '@/tools/testing/factories';
import { createTestClient, nextEvent, subscribe } from '@/tools/testing/realtime-client';

// One minute to run, a second per diamond, no cap.
const settings = { startMinutes: 1, secondsPerDiamond: 1, likesPerStep: 100, secondsPerLikeStep: 10, secondsPerFollow: 30, capMinutes: 0 };

/**
 * A timer of one minute started five minutes ago on a live of a fresh account, with a viewer to send events
 * (`idPrefix` keeps the viewers' TikTok ids apart); `gift(s, d)` is a gift row of `d` diamonds `s` seconds
 * after the start.
 */
async function timerStartedFiveMinutesAgo(idPrefix: string) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db);
  const viewer = await db.viewer.create({ data: { tiktokUserId: `${idPrefix}${Date.now()}${uniqueSuffix().replace(/\D/g, '')}`.slice(0, 19) } });
  const startedAt = Date.now() - 300_000;
  const live = await db.live.create({ data: { accountId: account.id, roomId: `room-${uniqueSuffix()}`, startedAt: new Date(startedAt - 60_000) } });
  const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'TIMER', settings });
  await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' }, startedAt);
  const at = (seconds: number) => new Date(startedAt + seconds * 1000);
  const gift = (seconds: number, diamonds: number) => ({ liveId: live.id, accountId: account.id, viewerId: viewer.id, dedupeKey: `m:${seconds}`, msgId: String(seconds), giftId: '5655', giftName: 'Rose', diamondCount: 1, repeatCount: diamonds, diamonds, createdAt: at(seconds) });
  return { user, viewer, live, overlay, startedAt, at, gift };
}

describe('subathon timer end in storage', () => {
  it('stores the end when read at 00:00; later gifts do not revive it; Start runs a new one', async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    // Started two minutes ago (the OBS page reads the server's clock), 10 diamonds in: 70 s long, so over.
    const startedAt = Date.now() - 120_000;
    const live = await db.live.create({ data: { accountId: account.id, roomId: `room-${uniqueSuffix()}`, startedAt: new Date(startedAt - 60_000), diamonds: 0 } });
    const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'TIMER', settings });
    await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' }, startedAt);
    await db.live.update({ where: { id: live.id }, data: { diamonds: 10 } });

    const client = createTestClient({ token: overlay.token });
    try {
      const channel = await subscribe(client, overlayChannel(overlay.id));
      const heard = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
      const view = await loadOverlayView(db, overlay.token);
      expect(view?.timer?.state).toMatchObject({ status: 'ended', finalSeconds: 70, endedAt: startedAt + 70_000 });
      expect(await heard).toMatchObject({ type: 'timer', overlayId: overlay.id, state: { status: 'ended', finalSeconds: 70 } });
    } finally {
      client.disconnect();
    }

    // 500 diamonds after the end would make it 570 s long, well past now: still over, on reload and in the editor.
    await db.live.update({ where: { id: live.id }, data: { diamonds: 510 } });
    expect((await loadOverlayView(db, overlay.token))?.timer?.state.status).toBe('ended');
    expect(await getTimerView(db, user.workspaceId, overlay.id)).toMatchObject({ ended: true, remainingMs: 0, totalSeconds: 70 });
    expect(await controlTimer(db, user.workspaceId, overlay.id, { action: 'add', seconds: 300 })).toMatchObject({ ended: true, state: { status: 'ended', addedSeconds: 0 } });

    const again = await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' });
    expect(again).toMatchObject({ ended: false, remainingMs: 60_000, state: { status: 'running', endedAt: null, baseline: { liveId: live.id.toString(), diamonds: 510 } } });
    expect(readTimerState((await db.overlay.findUniqueOrThrow({ where: { id: overlay.id } })).settings).status).toBe('running');
  });

  it('settles a timer that reached 00:00 unseen from the events’ own times, not from later totals', async () => {
    // Nobody has the overlay or the editor open since it started.
    const { user, live, overlay, viewer, startedAt, at, gift } = await timerStartedFiveMinutesAgo('68');
    // 10 diamonds at 0:30 (1:10 in all), a follow at 0:50 (1:40): it reaches 00:00 at 1:40. Then 500
    // diamonds at 2:30 and 1,000 likes at 3:20, which would make it 11:40 long and running now.
    await db.gift.createMany({ data: [gift(30, 10), gift(150, 500)] });
    await db.socialEvent.create({ data: { liveId: live.id, viewerId: viewer.id, msgId: 'f1', kind: 'FOLLOW', createdAt: at(50) } });
    await db.likeBucket.create({ data: { liveId: live.id, viewerId: viewer.id, minute: at(200), count: 1000 } });
    await db.live.update({ where: { id: live.id }, data: { diamonds: 510, likes: 1000, follows: 1 } });

    expect(await getTimerView(db, user.workspaceId, overlay.id)).toMatchObject({ ended: true, remainingMs: 0, totalSeconds: 100, state: { status: 'ended', endedAt: startedAt + 100_000, finalSeconds: 100 } });
    expect((await loadOverlayView(db, overlay.token))?.timer?.state).toMatchObject({ status: 'ended', finalSeconds: 100 });
  });

  it('after reading the events of a running timer, reads only the later ones next time', async () => {
    const { user, live, overlay, startedAt, gift } = await timerStartedFiveMinutesAgo('69');
    // 500 diamonds at 0:30, before the first minute was up: 9:20 long, still running at 5:00.
    await db.gift.create({ data: gift(30, 500) });
    await db.live.update({ where: { id: live.id }, data: { diamonds: 500 } });
    const before = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id }, select: { updatedAt: true } });

    const now = Date.now();
    expect(await getTimerView(db, user.workspaceId, overlay.id, now)).toMatchObject({ ended: false, totalSeconds: 560 });
    const after = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id }, select: { updatedAt: true, settings: true } });
    expect(readTimerState(after.settings)).toMatchObject({ status: 'running', startedAt, changedAt: now, changedTotals: { diamonds: 500, likes: 0, follows: 0 } });
    // Not a change the streamer made.
    expect(after.updatedAt).toEqual(before.updatedAt);
    // At 9:20 it is over, found from the mark on.
    expect(await getTimerView(db, user.workspaceId, overlay.id, startedAt + 561_000)).toMatchObject({ ended: true, totalSeconds: 560, state: { endedAt: startedAt + 560_000 } });
  });

  it('writes nothing while the timer still runs', async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'TIMER', settings });
    const now = Date.now();
    await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' }, now);
    const before = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id }, select: { updatedAt: true, settings: true } });
    expect(await getTimerView(db, user.workspaceId, overlay.id, now + 30_000)).toMatchObject({ ended: false, remainingMs: 30_000 });
    const after = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id }, select: { updatedAt: true, settings: true } });
    expect(after).toEqual(before);
  });
});
