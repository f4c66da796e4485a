import { describe, expect, it } from 'vitest';
import { ScoreBoard } from '@/lib/games/board';
import { DEFAULT_RULES, formatPoints, giftMultiplier, giftPoints, likePoints, parseRules, scoringRulesSchema } from '@/lib/games/rules';
import type { GiftEvent, GiftProgressEvent, LikeEvent, LiveEvent, ViewerRef } from '@/lib/live/events';

const viewer = (id: string, isFollower = false): ViewerRef => ({ userId: id, handle: `h${id}`, nickname: `Viewer ${id}`, avatarUrl: null, placeholder: false, isFollower });
let n = 0;
const like = (v: ViewerRef, count: number, at = ++n): LikeEvent => ({ type: 'like', msgId: `l${++n}`, roomId: '1', at, viewer: v, count, total: 0 });
const gift = (v: ViewerRef, diamondCount: number, repeatCount: number, at = ++n): GiftEvent => ({
  type: 'gift', msgId: `g${++n}`, roomId: '1', at, viewer: v, giftId: String(diamondCount), giftName: 'Gift', diamondCount, repeatCount,
  diamonds: diamondCount * repeatCount, streakable: true, timeoutClosed: false, dedupeKey: `k${n}`, imageUrl: null,
});
const progress = (v: ViewerRef, diamondCount: number, repeatCount: number): GiftProgressEvent => ({
  type: 'gift-progress', msgId: `p${++n}`, roomId: '1', at: n, viewer: v, giftId: '1', giftName: 'Rose', diamondCount, repeatCount, dedupeKey: 'streak', imageUrl: null,
});

describe('scoring rules', () => {
  it('gives followers a point per 10 likes and everybody else a point per 15', () => {
    expect(likePoints(DEFAULT_RULES, 29, true)).toBe(2);
    expect(likePoints(DEFAULT_RULES, 29, false)).toBe(1);
    expect(likePoints(DEFAULT_RULES, 30, false)).toBe(2);
    expect(likePoints(DEFAULT_RULES, 9, true)).toBe(0);
  });

  it('picks the multiplier from the table by the value of one gift', () => {
    expect(giftMultiplier(DEFAULT_RULES, 1)).toBe(1);
    expect(giftMultiplier(DEFAULT_RULES, 9)).toBe(1);
    expect(giftMultiplier(DEFAULT_RULES, 10)).toBe(1.2);
    expect(giftMultiplier(DEFAULT_RULES, 99)).toBe(1.2);
    expect(giftMultiplier(DEFAULT_RULES, 100)).toBe(1.5);
    expect(giftMultiplier(DEFAULT_RULES, 29_999)).toBe(1.5);
    // 5 roses (1 diamond each) stay ×1 even though the streak is worth 5; a 99-diamond gift ×3 is ×1.2.
    expect(giftPoints(DEFAULT_RULES, 1, 5)).toBe(5);
    expect(giftPoints(DEFAULT_RULES, 99, 3)).toBe(356.4);
  });

  it('uses a configured table, in any order, and ×1 below its lowest tier', () => {
    const rules = scoringRulesSchema.parse({ giftTiers: [{ minDiamonds: 500, multiplier: 3 }, { minDiamonds: 50, multiplier: 2 }] });
    expect(giftMultiplier(rules, 20)).toBe(1);
    expect(giftMultiplier(rules, 50)).toBe(2);
    expect(giftMultiplier(rules, 1000)).toBe(3);
    expect(scoringRulesSchema.safeParse({ giftTiers: [{ minDiamonds: 5, multiplier: 1 }, { minDiamonds: 5, multiplier: 2 }] }).success).toBe(false);
    expect(parseRules({ likesPerPointFollower: -3 })).toEqual(DEFAULT_RULES);
  });
});

describe('formatPoints', () => {
  it('writes whole points in the reader\'s language', () => {
    expect(formatPoints(45_149, 'en')).toBe('45,149');
    expect(formatPoints(45_149, 'ru')).toBe('45\u00a0149');
    expect(formatPoints(45_149, 'zh-CN')).toBe('45,149');
    // Points stored before scoring was whole show as they now count, never with a decimal.
    expect(formatPoints(449.5, 'en')).toBe('449');
    expect(formatPoints(45_149.5, 'th')).toBe('45,149');
  });
});

describe('ScoreBoard', () => {
  it('accumulates likes per viewer and carries the remainder over', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    const a = viewer('1');
    for (let i = 0; i < 7; i++) board.apply(like(a, 4)); // 28 likes, non-follower: floor(28/15) = 1
    expect(board.get('1')?.points).toBe(1);
    board.apply(like(a, 2)); // 30
    expect(board.get('1')?.points).toBe(2);
  });

  it('scores a follower’s likes at the follower rate, also once they follow during the session', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    board.apply(like(viewer('f', true), 30));
    board.apply(like(viewer('n'), 30));
    expect(board.get('f')?.points).toBe(3);
    expect(board.get('n')?.points).toBe(2);
    board.apply({ type: 'follow', msgId: 'x', roomId: '1', at: 99, viewer: viewer('n') });
    expect(board.get('n')?.points).toBe(3);
    // A later message without the follower flag does not demote them.
    board.apply(like(viewer('n', false), 0));
    board.apply(like(viewer('n', false), 10));
    expect(board.get('n')?.points).toBe(4);
  });

  it('counts a gift streak once, when it ends, with its final count', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    const a = viewer('1');
    for (let i = 1; i <= 10; i++) expect(board.apply(progress(a, 1, i))).toBeUndefined();
    expect(board.get('1')?.points ?? 0).toBe(0);
    board.apply(gift(a, 1, 10));
    expect(board.get('1')?.points).toBe(10);
    board.apply(gift(a, 100, 1));
    expect(board.get('1')).toMatchObject({ points: 160, diamonds: 110, giftPoints: 160 });
  });

  it('scores a Bilibili gift by its worth in diamonds, with the tier of that worth', () => {
    // 50 gold = 1 diamond (the worker passes valueRate('bilibili', 'tiktok'), about 70.76 at the default rates).
    const board = new ScoreBoard(DEFAULT_RULES, [], { bilibili: 1 / 50 });
    const bili = viewer('bilibili:42');
    // A ¥1 gift (1,000 gold) is 20 diamonds' worth: tier ×1.2, 24 points (not 1,000 × 1.5 = 1,500 as if gold were diamonds).
    board.apply(gift(bili, 1000, 1));
    expect(board.get('bilibili:42')).toMatchObject({ points: 24, giftPoints: 24, diamonds: 1000 });
    // Five 100-gold gifts: 2 diamonds' worth each, ×1.
    board.apply(gift(bili, 100, 5));
    expect(board.get('bilibili:42')?.points).toBe(34);
    // A TikTok viewer on the same board scores diamonds as they are.
    board.apply(gift(viewer('7'), 1000, 1));
    expect(board.get('7')?.points).toBe(1500);
  });

  it('counts whole points only: a multiplied gift\'s fraction carries over to the next gift', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    const a = viewer('1');
    // 11 diamonds ×1.2 = 13.2 a gift: 13, then 26 (26.4), 39 (39.6), 52 (52.8), then 66 exactly.
    const seen = [1, 2, 3, 4, 5].map(() => {
      board.apply(gift(a, 11, 1));
      return board.get('1')?.points;
    });
    expect(seen).toEqual([13, 26, 39, 52, 66]);
    // The board a streamer saw as "45,149.5" / "449.5": 299 diamonds ×1.5 = 448.5 plus a like point.
    const b = viewer('2', true);
    board.apply(gift(b, 299, 1));
    board.apply(like(b, 10));
    expect(board.top(5).map((r) => r.points)).toEqual([449, 66]);
    expect(board.get('2')?.giftPoints).toBe(448.5);
    expect(board.top(5).every((r) => Number.isInteger(r.points))).toBe(true);
  });

  it('ranks by points, ties by who got there first, and leaves winners off the board', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    board.apply(gift(viewer('b'), 1, 5, 200));
    board.apply(gift(viewer('a'), 1, 5, 100));
    board.apply(gift(viewer('c'), 10, 1, 300));
    expect(board.top(10).map((r) => [r.userId, r.rank, r.points])).toEqual([['c', 1, 12], ['a', 2, 5], ['b', 3, 5]]);
    board.remove('c');
    expect(board.top(10).map((r) => r.userId)).toEqual(['a', 'b']);
    expect(board.apply(gift(viewer('c'), 100, 1))).toBeUndefined();
    expect(board.top(1).map((r) => r.userId)).toEqual(['a']);
  });

  it('does not put viewers with no points on the board, and reports what changed for saving', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    const events: LiveEvent[] = [like(viewer('1'), 3), { type: 'chat', msgId: 'c', roomId: '1', at: 1, viewer: viewer('2'), content: 'hi', isModerator: false, isSubscriber: false }];
    for (const event of events) board.apply(event);
    expect(board.top(10)).toEqual([]);
    expect(board.takeDirty().map((e) => e.userId)).toEqual(['1']);
    expect(board.takeDirty()).toEqual([]);
  });

  it('resumes from saved entries with the same standings', () => {
    const board = new ScoreBoard(DEFAULT_RULES);
    board.apply(like(viewer('1', true), 25));
    board.apply(gift(viewer('2'), 5, 1));
    const restored = new ScoreBoard(DEFAULT_RULES, [board.get('1')!, board.get('2')!]);
    expect(restored.top(5)).toEqual(board.top(5));
    restored.apply(like(viewer('1', true), 5));
    expect(restored.get('1')?.points).toBe(3);
  });
});
