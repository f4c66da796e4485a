// Spins won by gifts, decided in the worker against the real database: one spin per qualifying gift, a
// streak seen again (timeout close, then its end frame) adding only its new spins, several gift ids and a
// value threshold, nothing for a wheel whose workspace stopped watching or that was revoked, and the
// segment drawn by the injected draw, stored and published in order.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import type { GiftEvent, ViewerRef } from '@/lib/live/events';
import { createLogger } from '@/lib/logger';
import type { WheelSpinMessage } from '@/lib/overlays/wheel';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix } from '@/tools/testing/factories';
import { WheelSpinner } from '@/worker/wheels';

const log = createLogger('wheels-test');
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2 });
});
afterAll(async () => {
  await pool.end();
});

const mia: ViewerRef = { userId: '71001', handle: 'mia.sparkles', nickname: 'Mia ✨', avatarUrl: null, placeholder: false, isFollower: true };
let n = 0;
const gift = (giftId: string, giftName: string, diamondCount: number, repeatCount: number, over: Partial<GiftEvent> = {}): GiftEvent => ({
  type: 'gift', msgId: `m${++n}`, roomId: '1', at: Date.now(), viewer: mia, giftId, giftName, diamondCount, repeatCount,
  diamonds: diamondCount * repeatCount, streakable: diamondCount === 1, timeoutClosed: false, dedupeKey: `k${n}-${uniqueSuffix()}`, imageUrl: null, ...over,
});

const settings = {
  segments: [
    { id: 's1', label: 'Dance', weight: 1 },
    { id: 's2', label: 'Sing', weight: 1 },
    { id: 's3', label: 'Jackpot', weight: 2 },
  ],
  rules: [
    { id: 'r1', trigger: 'gifts', giftIds: ['5655', '5586'] },
    { id: 'r2', trigger: 'value', minDiamonds: 500 },
  ],
  maxSpinsPerGift: 10,
};

async function setup() {
  const user = await createTestUser(db);
  const account = await createTestAccount(db);
  const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'WHEEL', settings });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `room-${uniqueSuffix()}`, startedAt: new Date() } });
  return { user, account, overlay, liveId: live.id.toString() };
}

/** A spinner whose draws come from `tickets` in turn (each within [0, 4): the segments' total weight). */
function spinner(tickets: number[]) {
  const published: { target: { workspaceId: string; overlayId: string }; data: WheelSpinMessage }[] = [];
  let i = 0;
  const wheels = new WheelSpinner({ pool, log, refreshMs: 0, fanout: { wheel: (target, data) => published.push({ target, data }) }, draw: (total) => (tickets[i++ % tickets.length] ?? 0) % total });
  return { wheels, published };
}

describe('WheelSpinner', () => {
  it('spins once per gift, a streak counting its final count, and a streak seen again adds only its new spins', async () => {
    const { user, account, overlay, liveId } = await setup();
    const { wheels, published } = spinner([0, 1, 2, 3]);
    const streak = gift('5655', 'Rose', 1, 3, { timeoutClosed: true });
    wheels.onEvent(account.id, liveId, streak);
    // The real end frame of the same streak arrives later with a higher count: 2 more spins, not 5.
    wheels.onEvent(account.id, liveId, { ...streak, msgId: 'end', repeatCount: 5, diamonds: 5, timeoutClosed: false });
    // The same frame again (a replay): nothing.
    wheels.onEvent(account.id, liveId, { ...streak, msgId: 'end', repeatCount: 5, diamonds: 5, timeoutClosed: false });
    await wheels.idle();

    const rows = await db.wheelSpin.findMany({ where: { overlayId: overlay.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.dedupeKey === streak.dedupeKey && r.giftId === '5655' && r.viewerName === 'Mia ✨' && r.liveId?.toString() === liveId && r.workspaceId === user.workspaceId && !r.test)).toBe(true);
    // Tickets 0, 1, 2, 3 over weights 1, 1, 2: Dance, Sing, Jackpot, Jackpot; then 0: Dance.
    expect(rows.map((r) => r.segmentLabel)).toEqual(['Dance', 'Sing', 'Jackpot', 'Jackpot', 'Dance']);
    expect(published.map((p) => p.data.spin.segmentLabel)).toEqual(['Dance', 'Sing', 'Jackpot', 'Jackpot', 'Dance']);
    expect(published.every((p) => p.target.overlayId === overlay.id && p.target.workspaceId === user.workspaceId && p.data.overlayId === overlay.id)).toBe(true);
    expect(published.map((p) => p.data.spin.id)).toEqual(rows.map((r) => r.id.toString()));
  });

  it('accepts any of several gifts and a single gift worth the threshold, and ignores the rest', async () => {
    const { account, overlay, liveId } = await setup();
    const { wheels, published } = spinner([3]);
    wheels.onEvent(account.id, liveId, gift('5586', 'Heart', 5, 2)); // a chosen gift: 2 spins
    wheels.onEvent(account.id, liveId, gift('11046', 'Galaxy', 1000, 1)); // ≥ 500 each: 1 spin
    wheels.onEvent(account.id, liveId, gift('6064', 'GG', 1, 400)); // 400 diamonds in all, 1 each: none
    wheels.onEvent(account.id, liveId, gift('5655', 'Rose', 1, 50)); // capped at 10
    await wheels.idle();
    const rows = await db.wheelSpin.findMany({ where: { overlayId: overlay.id } });
    const byGift = Object.fromEntries(['5586', '11046', '6064', '5655'].map((id) => [id, rows.filter((r) => r.giftId === id).length]));
    expect(byGift).toEqual({ '5586': 2, '11046': 1, '6064': 0, '5655': 10 });
    expect(published).toHaveLength(13);
    // Published in the order the gifts came.
    expect(published.map((p) => p.data.spin.giftName)).toEqual(['Heart', 'Heart', 'Galaxy', ...Array<string>(10).fill('Rose')]);
  });

  it('does not spin a revoked wheel, nor one whose workspace stopped watching the account', async () => {
    const { user, account, overlay, liveId } = await setup();
    await db.overlay.update({ where: { id: overlay.id }, data: { revokedAt: new Date() } });
    const other = await createTestUser(db);
    const unwatched = await createTestOverlay(db, { workspaceId: other.workspaceId, accountId: account.id, kind: 'WHEEL', settings, watch: false });
    const { wheels, published } = spinner([0]);
    wheels.onEvent(account.id, liveId, gift('5655', 'Rose', 1, 1));
    await wheels.idle();
    expect(published).toEqual([]);
    expect(await db.wheelSpin.count({ where: { overlayId: { in: [overlay.id, unwatched.id] } } })).toBe(0);
    expect(user.workspaceId).not.toBe(other.workspaceId);
  });
});
