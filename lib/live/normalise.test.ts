import { describe, expect, it } from 'vitest';
import type { GiftEvent, LiveEvent } from '@/lib/live/events';
import { Normaliser, toViewer, type LibGift, type LibUser } from '@/lib/live/normalise';
import { StreakTracker } from '@/lib/live/streaks';
import { matching, withProps } from '@/tools/testing/match';

const ROOM = '7400000000000000001';
const alice: LibUser = { id: '6800000000000000001', idStr: '6800000000000000001', displayId: 'alice', nickname: 'Alice', avatarThumb: { urlList: ['https://example.invalid/a.webp'] }, followInfo: { followStatus: '1' } };
const bob: LibUser = { id: '6800000000000000002', idStr: '6800000000000000002', displayId: 'bob', nickname: 'Bob', followInfo: { followStatus: '0' } };
const rose = { id: '5655', name: 'Rose', diamondCount: 1, type: 1 };
const lion = { id: '6369', name: 'Lion', diamondCount: 29999, type: 2 };

let msg = 1000;
const common = (at: number, msgId = String(++msg)) => ({ msgId, roomId: ROOM, createTime: String(at) });
const giftFrame = (user: LibUser, gift: typeof rose, repeatCount: number, repeatEnd: 0 | 1, groupId: string, at: number, msgId?: string): LibGift => ({
  common: common(at, msgId), user, giftId: gift.id, gift, repeatCount, repeatEnd, groupId,
});

const gifts = (events: LiveEvent[]) => events.filter((e): e is GiftEvent => e.type === 'gift');

describe('toViewer', () => {
  it('maps the v3 user fields, not the README ones', () => {
    expect(toViewer(alice)).toEqual({ userId: '6800000000000000001', handle: 'alice', nickname: 'Alice', avatarUrl: 'https://example.invalid/a.webp', placeholder: false, isFollower: true });
    expect(toViewer(bob)?.isFollower).toBe(false);
    expect(toViewer(bob, { isFollowerOfAnchor: true })?.isFollower).toBe(true);
  });

  it('marks missing and generated handles as placeholders', () => {
    expect(toViewer({ idStr: '42' })).toMatchObject({ handle: 'user42', nickname: 'user42', placeholder: true });
    expect(toViewer({ idStr: '43', displayId: 'user8372615490', nickname: 'x' })).toMatchObject({ placeholder: true });
    expect(toViewer({ idStr: '44', displayId: 'user_real', nickname: 'x' })).toMatchObject({ placeholder: false });
  });

  it('ignores users without an id', () => {
    expect(toViewer(undefined)).toBeUndefined();
    expect(toViewer({ displayId: 'ghost' })).toBeUndefined();
    expect(toViewer({ idStr: '0', displayId: 'zero' })).toBeUndefined();
  });
});

describe('Normaliser', () => {
  it('counts a streak once, at its end frame, as repeatCount × value', () => {
    const n = new Normaliser(ROOM);
    const out = [
      ...n.push({ kind: 'gift', data: giftFrame(bob, rose, 1, 0, 'g1', 1000) }),
      ...n.push({ kind: 'gift', data: giftFrame(bob, rose, 2, 0, 'g1', 1200) }),
      ...n.push({ kind: 'gift', data: giftFrame(bob, rose, 5, 1, 'g1', 1500) }),
    ];
    expect(out.map((e) => e.type)).toEqual(['gift-progress', 'gift-progress', 'gift']);
    expect(gifts(out)).toEqual([
      withProps({ repeatCount: 5, diamonds: 5, streakable: true, timeoutClosed: false, dedupeKey: `s:${bob.idStr}:5655:g1`, at: 1500 }),
    ]);
  });

  it('counts a non-streakable gift at once', () => {
    const n = new Normaliser(ROOM);
    const out = gifts(n.push({ kind: 'gift', data: giftFrame(alice, lion, 1, 0, '222', 2000) }));
    expect(out).toEqual([withProps({ giftName: 'Lion', diamonds: 29999, streakable: false, dedupeKey: matching(/^m:/) })]);
  });

  it('drops duplicate messages by id, including a duplicated end frame', () => {
    const n = new Normaliser(ROOM);
    const end = giftFrame(bob, rose, 3, 1, 'g2', 1000, 'end-1');
    expect(gifts(n.push({ kind: 'gift', data: end }))).toHaveLength(1);
    expect(n.push({ kind: 'gift', data: end })).toEqual([]);
    expect(n.push({ kind: 'chat', data: { common: common(1100, 'c-1'), user: alice, content: 'hi' } })).toHaveLength(1);
    expect(n.push({ kind: 'chat', data: { common: common(1100, 'c-1'), user: alice, content: 'hi' } })).toEqual([]);
    expect(n.stats.duplicates).toBe(2);
  });

  it('ignores a second end frame with a new id for a streak already counted', () => {
    const n = new Normaliser(ROOM);
    gifts(n.push({ kind: 'gift', data: giftFrame(bob, rose, 3, 1, 'g3', 1000) }));
    expect(gifts(n.push({ kind: 'gift', data: giftFrame(bob, rose, 3, 1, 'g3', 1100) }))).toEqual([]);
  });

  it('closes a streak whose end never arrives after the quiet period, on the events’ own clock', () => {
    const n = new Normaliser(ROOM, { streakTimeoutMs: 10_000 });
    n.push({ kind: 'gift', data: giftFrame(bob, rose, 1, 0, 'g4', 1000) });
    n.push({ kind: 'gift', data: giftFrame(bob, rose, 7, 0, 'g4', 2000) });
    expect(gifts(n.push({ kind: 'chat', data: { common: common(11_999), user: alice, content: 'still open' } }))).toEqual([]);
    const closed = gifts(n.push({ kind: 'chat', data: { common: common(12_000), user: alice, content: 'now closed' } }));
    expect(closed).toEqual([withProps({ repeatCount: 7, diamonds: 7, timeoutClosed: true, at: 2000 })]);
  });

  it('re-emits a late end frame with a higher count under the same key, so storage can correct it', () => {
    const n = new Normaliser(ROOM, { streakTimeoutMs: 10_000 });
    n.push({ kind: 'gift', data: giftFrame(bob, rose, 4, 0, 'g5', 1000) });
    const [timedOut] = n.finish();
    expect(timedOut).toMatchObject({ repeatCount: 4, timeoutClosed: true });
    const late = gifts(n.push({ kind: 'gift', data: giftFrame(bob, rose, 6, 1, 'g5', 30_000) }));
    expect(late).toEqual([withProps({ repeatCount: 6, diamonds: 6, timeoutClosed: false, dedupeKey: timedOut?.dedupeKey })]);
    expect(gifts(n.push({ kind: 'gift', data: giftFrame(bob, rose, 6, 1, 'g5', 31_000) }))).toEqual([]);
  });

  it('keeps concurrent streaks of different viewers and groups apart', () => {
    const n = new Normaliser(ROOM);
    const out = [
      ...n.push({ kind: 'gift', data: giftFrame(bob, rose, 1, 0, 'a', 1000) }),
      ...n.push({ kind: 'gift', data: giftFrame(alice, rose, 1, 0, 'b', 1000) }),
      ...n.push({ kind: 'gift', data: giftFrame(bob, rose, 2, 1, 'a', 1100) }),
      ...n.push({ kind: 'gift', data: giftFrame(alice, rose, 9, 1, 'b', 1200) }),
    ];
    expect(gifts(out).map((g) => [g.viewer.handle, g.repeatCount])).toEqual([['bob', 2], ['alice', 9]]);
  });

  it('maps likes, joins, follows, shares, viewer counts and stream end', () => {
    const n = new Normaliser(ROOM);
    const out = [
      ...n.push({ kind: 'like', data: { common: common(1), user: alice, count: 15, total: '12345' } }),
      ...n.push({ kind: 'member', data: { common: common(2), user: bob, action: 1 } }),
      ...n.push({ kind: 'member', data: { common: common(3), user: bob, action: 3 } }),
      ...n.push({ kind: 'follow', data: { common: common(4), user: bob } }),
      ...n.push({ kind: 'share', data: { common: common(5), user: alice } }),
      ...n.push({ kind: 'roomUser', data: { common: common(6), total: '321', totalUser: '4567' } }),
      ...n.push({ kind: 'controlMessage', data: { common: common(7), action: 1 } }),
      ...n.push({ kind: 'controlMessage', data: { common: common(8), action: 3 } }),
    ];
    expect(out).toEqual([
      withProps({ type: 'like', count: 15, total: 12345 }),
      withProps({ type: 'member', viewer: withProps({ handle: 'bob' }) }),
      withProps({ type: 'follow' }),
      withProps({ type: 'share' }),
      withProps({ type: 'viewers', viewers: 321, totalUsers: 4567 }),
      withProps({ type: 'stream-end', reason: 'ended' }),
    ]);
  });

  it('keeps hostile text as data, without what Postgres refuses (NUL) or what reorders a page (bidi controls)', () => {
    const n = new Normaliser(ROOM);
    const content = '<script>alert(1)</script>\u0000"; DROP TABLE chats; --\ud800';
    const [chat] = n.push({ kind: 'chat', data: { common: common(1), user: { idStr: '9', displayId: '<img src=x onerror=alert(1)>', nickname: '\u202Eevil\u2066' }, content } });
    expect(chat).toMatchObject({ type: 'chat', content: '<script>alert(1)</script>"; DROP TABLE chats; --\ufffd', viewer: { handle: '<img src=x onerror=alert(1)>', nickname: 'evil' } });
  });

  it('skips messages without a user instead of failing', () => {
    const n = new Normaliser(ROOM);
    expect(n.push({ kind: 'chat', data: { common: common(1), content: 'who?' } })).toEqual([]);
    expect(n.stats.withoutUser).toBe(1);
  });

  it('tick() closes quiet streaks by wall time since the last event', () => {
    let wall = 0;
    const n = new Normaliser(ROOM, { streakTimeoutMs: 10_000, now: () => wall });
    n.push({ kind: 'gift', data: giftFrame(bob, rose, 3, 0, 'g6', 50_000) });
    wall = 9_000;
    expect(n.tick()).toEqual([]);
    wall = 10_000;
    expect(n.tick()).toEqual([withProps({ repeatCount: 3, timeoutClosed: true })]);
  });
});

describe('StreakTracker', () => {
  it('remembers a bounded number of closed streaks', () => {
    const tracker = new StreakTracker<string>(1000);
    for (let i = 0; i < 25_000; i++) tracker.push({ key: `k${i}`, repeatCount: 1, repeatEnd: true, at: i, msgId: `m${i}` }, 'x');
    // The oldest were forgotten: a late frame for k0 now starts a new streak instead of being ignored.
    expect(tracker.push({ key: 'k0', repeatCount: 1, repeatEnd: false, at: 1, msgId: 'z' }, 'x')).toBeUndefined();
    expect(tracker.openCount).toBe(1);
    expect(tracker.push({ key: 'k24999', repeatCount: 1, repeatEnd: true, at: 1, msgId: 'y' }, 'x')).toBeUndefined();
  });
});
