import { describe, expect, it } from 'vitest';
import { addGifterGift, countGoalGift, gifterBoardStart, giftGoalStart, topGifter } from '@/lib/overlays/gift-tally';
import type { RealtimeGift, RealtimeUser } from '@/lib/realtime/payloads';

const person = (id: string, avatar: string | null = null): RealtimeUser => ({ id, handle: id, nickname: id.toUpperCase(), avatar, follower: false });
let clock = 1_000;
function gift(over: Partial<RealtimeGift> & Pick<RealtimeGift, 'id'>): RealtimeGift {
  clock += 1;
  const repeatCount = over.repeatCount ?? 1;
  const diamondCount = over.diamondCount ?? 1;
  return { liveId: '1', user: person('mia'), giftId: '5655', name: 'Rose', image: null, diamondCount, repeatCount, diamonds: diamondCount * repeatCount, streakable: true, at: clock, ...over };
}

describe('goal for one gift', () => {
  it('counts the chosen gift by its count, a streak once at its final count', () => {
    let state = giftGoalStart('1', 10);
    state = countGoalGift(state, gift({ id: 's:mia:5655:1', repeatCount: 25 }), '5655');
    state = countGoalGift(state, gift({ id: 'm:77', repeatCount: 1 }), '5655');
    expect(state.count).toBe(36);
    // Another gift does not count.
    state = countGoalGift(state, gift({ id: 'm:78', giftId: '5487', name: 'Finger Heart', repeatCount: 9 }), '5655');
    expect(state.count).toBe(36);
  });

  it('counts a streak seen twice (closed by timeout, then its end frame) only for what it adds', () => {
    let state = giftGoalStart('1');
    state = countGoalGift(state, gift({ id: 's:mia:5655:2', repeatCount: 12 }), '5655');
    state = countGoalGift(state, gift({ id: 's:mia:5655:2', repeatCount: 12 }), '5655');
    expect(state.count).toBe(12);
    state = countGoalGift(state, gift({ id: 's:mia:5655:2', repeatCount: 15 }), '5655');
    expect(state.count).toBe(15);
  });

  it('starts from zero on a new LIVE, and counts nothing without a chosen gift', () => {
    const state = countGoalGift(giftGoalStart('1', 80), gift({ id: 'm:1', liveId: '2', repeatCount: 3 }), '5655');
    expect(state).toMatchObject({ liveId: '2', count: 3 });
    expect(countGoalGift(giftGoalStart('1'), gift({ id: 'm:2' }), '').count).toBe(0);
  });
});

describe('top gifter of the LIVE', () => {
  it('has no one before the first gift', () => {
    expect(topGifter(gifterBoardStart('1'))).toBeNull();
  });

  it('ranks by diamonds summed per viewer, including totals from before the page loaded', () => {
    let board = gifterBoardStart('1', [{ user: person('ben', 'https://p16.example/ben.jpg'), diamonds: 300, at: 10 }]);
    board = addGifterGift(board, gift({ id: 'm:1', user: person('mia'), diamondCount: 100, repeatCount: 2, streakable: false }));
    expect(topGifter(board)?.user.id).toBe('ben');
    board = addGifterGift(board, gift({ id: 's:mia:5655:1', user: person('mia'), repeatCount: 150 }));
    expect(topGifter(board)).toMatchObject({ user: { id: 'mia' }, diamonds: 350 });
    // Ben's picture is kept when a later event of his has none.
    board = addGifterGift(board, gift({ id: 'm:2', user: person('ben'), diamondCount: 10, repeatCount: 1 }));
    expect(board.totals.ben?.user.avatar).toBe('https://p16.example/ben.jpg');
  });

  it('gives a tie to whoever got there first, and counts a repeated streak once', () => {
    let board = gifterBoardStart('1');
    board = addGifterGift(board, gift({ id: 'm:1', user: person('aiko'), diamondCount: 100, streakable: false }));
    board = addGifterGift(board, gift({ id: 'm:2', user: person('noah'), diamondCount: 100, streakable: false }));
    expect(topGifter(board)?.user.id).toBe('aiko');
    board = addGifterGift(board, gift({ id: 's:noah:5655:1', user: person('noah'), repeatCount: 5 }));
    board = addGifterGift(board, gift({ id: 's:noah:5655:1', user: person('noah'), repeatCount: 5 }));
    expect(topGifter(board)).toMatchObject({ user: { id: 'noah' }, diamonds: 105 });
  });

  it('starts a new LIVE with an empty board', () => {
    const board = addGifterGift(gifterBoardStart('1', [{ user: person('ben'), diamonds: 900, at: 1 }]), gift({ id: 'm:1', liveId: '2', user: person('mia') }));
    expect(topGifter(board)).toMatchObject({ user: { id: 'mia' }, diamonds: 1 });
  });
});
