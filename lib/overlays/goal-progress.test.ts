// A goal bar over several channels: the realtime updates of each channel land on that channel's share,
// value goals convert other platforms' units, and the first paint and later updates sum alike.
import { describe, expect, it } from 'vitest';
import { addGoalCounters, addGoalGift, applyGoalStatus, goalProgress, goalReachedNow, goalTallyStart, restartGoalGifts, type GoalSource } from '@/lib/overlays/goal-progress';
import type { LiveCounters } from '@/lib/realtime/payloads';

const counters = (liveId: string, over: Partial<LiveCounters> = {}): LiveCounters => ({ liveId, startedAt: 0, viewers: 0, likes: 0, diamonds: 0, gifts: 0, comments: 0, follows: 0, shares: 0, ...over });
const TIKTOK = 'private-account-tt';
const BILIBILI = 'private-account-bb';
// Gold to diamonds at the default mid rates: 1 gold = $0.0005/7.076, 1 diamond = $0.005, so 70.76 gold = 1 diamond.
const GOLD_RATE = 1 / 70.76;
const sources = (tt: LiveCounters | null, bb: LiveCounters | null, gifts: [number, number] = [0, 0]): GoalSource[] => [
  { channel: TIKTOK, platform: 'tiktok', valueRate: 1, live: tt, giftCount: gifts[0] },
  { channel: BILIBILI, platform: 'bilibili', valueRate: GOLD_RATE, live: bb, giftCount: gifts[1] },
];
const gift = (liveId: string, id: string, giftId: string, repeatCount: number) => ({ liveId, id, giftId, repeatCount });

describe('a goal drawing from a TikTok and a Bilibili channel', () => {
  it('sums likes and follows as counts, and value in the goal’s unit with each platform’s part in its own', () => {
    const tally = goalTallyStart(sources(counters('t1', { likes: 1_200, follows: 3, diamonds: 2_500 }), counters('b1', { likes: 300, follows: 2, diamonds: 70_760 })));
    expect(goalProgress(tally, 'likes')).toEqual({ value: 1_500, shares: [] });
    expect(goalProgress(tally, 'follows').value).toBe(5);
    expect(goalProgress(tally, 'diamonds')).toEqual({ value: 3_500, shares: [{ platform: 'tiktok', value: 2_500 }, { platform: 'bilibili', value: 70_760 }] });
  });

  it('reaches the same total from realtime updates of each channel as the first paint shows', () => {
    let live = goalTallyStart(sources(null, null));
    live = applyGoalStatus(live, { state: 'live', liveId: 'b1', startedAt: 0 }, BILIBILI);
    live = addGoalCounters(live, counters('b1', { diamonds: 70_000 }), BILIBILI);
    live = addGoalCounters(live, counters('t1', { diamonds: 2_500 }), TIKTOK);
    live = addGoalCounters(live, counters('b1', { diamonds: 70_760 }), BILIBILI);
    const painted = goalTallyStart(sources(counters('t1', { diamonds: 2_500 }), counters('b1', { diamonds: 70_760 })));
    expect(goalProgress(live, 'diamonds')).toEqual(goalProgress(painted, 'diamonds'));
    expect(goalProgress(live, 'diamonds').value).toBe(3_500);
  });

  it('restarts only the channel whose new LIVE began; an event without a channel (the editor’s sample) is the own channel’s', () => {
    let tally = goalTallyStart(sources(counters('t1', { likes: 100 }), counters('b1', { likes: 40 })));
    tally = applyGoalStatus(tally, { state: 'live', liveId: 'b2', startedAt: 1 }, BILIBILI);
    expect(goalProgress(tally, 'likes').value).toBe(100);
    tally = applyGoalStatus(tally, { state: 'offline', liveId: 't1', startedAt: 0 }, TIKTOK);
    expect(goalProgress(tally, 'likes').value).toBe(100);
    tally = addGoalCounters(tally, counters('t1', { likes: 150 }));
    expect(goalProgress(tally, 'likes').value).toBe(150);
  });

  it('counts one gift across the channels, a streak once by its final count', () => {
    let tally = goalTallyStart(sources(counters('t1'), counters('b1'), [10, 0]));
    tally = addGoalGift(tally, gift('t1', 's:1', '5655', 5), '5655', TIKTOK);
    tally = addGoalGift(tally, gift('t1', 's:1', '5655', 7), '5655', TIKTOK);
    tally = addGoalGift(tally, gift('b1', 'm:2', '5655', 3), '5655', BILIBILI);
    tally = addGoalGift(tally, gift('b1', 'm:3', '31036', 9), '5655', BILIBILI);
    expect(goalProgress(tally, 'gift').value).toBe(20);
    expect(goalProgress(restartGoalGifts(tally), 'gift').value).toBe(0);
  });

  it('celebrates when the sum crosses the target, and again when a channel’s new LIVE crosses it afresh', () => {
    const start = goalTallyStart(sources(counters('t1', { diamonds: 900 }), null));
    const crossed = addGoalCounters(start, counters('b1', { diamonds: 7_076 }), BILIBILI);
    expect(goalReachedNow(start, crossed, 'diamonds', 1_000)).toBe(true);
    const more = addGoalCounters(crossed, counters('t1', { diamonds: 950 }), TIKTOK);
    expect(goalReachedNow(crossed, more, 'diamonds', 1_000)).toBe(false);
    const fresh = addGoalCounters(more, counters('t2', { diamonds: 1_000 }), TIKTOK);
    expect(goalReachedNow(more, fresh, 'diamonds', 1_000)).toBe(true);
  });
});
