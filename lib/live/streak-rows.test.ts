import { describe, expect, it } from 'vitest';
import type { RealtimeGiftProgress } from '@/lib/realtime/payloads';
import { addProgress, finishStreak, keepLive, visibleStreakRows, type StreakContext, type StreakRows } from '@/lib/live/streak-rows';

const progress = (id: string, repeatCount: number, liveId = '1', at = 1_000 + repeatCount): RealtimeGiftProgress => ({
  liveId,
  id,
  user: { id: '68001', handle: 'kolu_108', nickname: 'Kolu 108', avatar: null, follower: false },
  giftId: '5655',
  name: 'TikTok',
  image: null,
  diamondCount: 1,
  repeatCount,
  at,
});
const running = (gifts: StreakContext['gifts'] = [], liveId = '1'): StreakContext => ({ liveId, running: true, gifts });
const shown = (rows: StreakRows, context: StreakContext) => visibleStreakRows(rows, context).map((r) => `${r.id}×${r.repeatCount}`);

describe('Live now streak rows', () => {
  it('shows one row per running streak, with its latest count', () => {
    let rows: StreakRows = {};
    rows = addProgress(rows, progress('s:a', 3), running());
    rows = addProgress(rows, progress('s:a', 9), running());
    rows = addProgress(rows, progress('s:b', 2), running());
    expect(shown(rows, running())).toEqual(['s:a×9', 's:b×2']);
  });

  it('the finished gift replaces its row', () => {
    const rows = finishStreak(addProgress({}, progress('s:a', 14), running()), { id: 's:a', liveId: '1' });
    expect(shown(rows, running([{ id: 's:a', liveId: '1' }]))).toEqual([]);
    expect(rows).toEqual({});
  });

  it('progress arriving after its finished gift does not bring the row back', () => {
    const finished = [{ id: 's:a', liveId: '1' }];
    const rows = addProgress({}, progress('s:a', 14), running(finished));
    expect(rows).toEqual({});
    // Even a row already stored is hidden once the page knows the gift (e.g. from a refresh).
    expect(shown(addProgress({}, progress('s:a', 14), running()), running(finished))).toEqual([]);
  });

  it('the end of the live clears the rows, and they do not follow into the next live', () => {
    const rows = addProgress({}, progress('s:a', 15), running());
    expect(shown(rows, { liveId: '1', running: false, gifts: [] })).toEqual([]);
    expect(shown(rows, running([], '2'))).toEqual([]);
    expect(keepLive(rows, null)).toEqual({});
    expect(keepLive(rows, '2')).toEqual({});
    const next = addProgress(keepLive(rows, '2'), progress('s:a', 2, '2'), running([], '2'));
    expect(shown(next, running([], '2'))).toEqual(['s:a×2']);
  });

  it('keeps the same object when nothing changes (no needless re-render)', () => {
    const rows = addProgress({}, progress('s:a', 3), running());
    expect(keepLive(rows, '1')).toBe(rows);
    expect(finishStreak(rows, { id: 's:b', liveId: '1' })).toBe(rows);
  });
});
