import { describe, expect, it } from 'vitest';
import { changeOverDays, dailyChanges, gainPerDay, mergeSeries, periodTotals, pointsInPeriod, projectFollowers, toDailyPoints, weekStart, type DayPoint } from '@/lib/stats/history';

const point = (day: string, followers: number, hearts = 0, videos = 0): DayPoint => ({ day, followers, hearts, videos });

describe('toDailyPoints', () => {
  it('keeps the last snapshot of each UTC day, oldest day first, whatever the input order', () => {
    const days = toDailyPoints([
      { at: '2026-11-02T23:30:00Z', followers: 120, hearts: 5, videos: 2 },
      { at: '2026-11-01T08:00:00Z', followers: 100, hearts: 1, videos: 1 },
      { at: new Date('2026-11-02T01:00:00Z'), followers: 110, hearts: 3, videos: 1 },
      { at: '2026-11-01T20:00:00Z', followers: 105, hearts: 2, videos: 1 },
    ]);
    expect(days).toEqual([point('2026-11-01', 105, 2, 1), point('2026-11-02', 120, 5, 2)]);
  });
});

describe('dailyChanges', () => {
  it('gives each stored day its change since the stored day before and how many days that spans', () => {
    const changes = dailyChanges([point('2026-11-01', 100, 10, 1), point('2026-11-02', 130, 15, 1), point('2026-11-05', 100, 45, 3)]);
    expect(changes).toEqual([
      { ...point('2026-11-02', 130, 15, 1), change: { followers: 30, hearts: 5, videos: 0 }, spanDays: 1 },
      { ...point('2026-11-05', 100, 45, 3), change: { followers: -30, hearts: 30, videos: 2 }, spanDays: 3 },
    ]);
    expect(gainPerDay(changes[1]!, 'hearts')).toBe(10);
  });

  it('has nothing to compare with a single day', () => {
    expect(dailyChanges([point('2026-11-01', 100)])).toEqual([]);
  });
});

describe('periodTotals', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // the Sunday after
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('1970-01-01')).toBe('1969-12-29');
  });

  it('adds the changes measured in each week and month, newest first, and they add up to the whole change', () => {
    const points = [point('2026-11-27', 1000), point('2026-11-28', 1010), point('2026-11-30', 1040), point('2026-12-01', 1045), point('2026-12-07', 1100)];
    const changes = dailyChanges(points);
    const weeks = periodTotals(changes, 'week');
    expect(weeks.map((w) => [w.start, w.end, w.change.followers, w.last.followers, w.days])).toEqual([
      ['2026-12-07', '2026-12-13', 55, 1100, 1],
      ['2026-11-30', '2026-12-06', 35, 1045, 2],
      ['2026-11-23', '2026-11-29', 10, 1010, 1],
    ]);
    const months = periodTotals(changes, 'month');
    expect(months.map((m) => [m.start, m.end, m.change.followers])).toEqual([
      ['2026-12-01', '2026-12-31', 60],
      ['2026-11-01', '2026-11-30', 40],
    ]);
    expect(months.reduce((sum, m) => sum + m.change.followers, 0)).toBe(1100 - 1000);
  });

  it('ends February on its last day in a leap year', () => {
    const totals = periodTotals(dailyChanges([point('2028-02-01', 1), point('2028-02-10', 2)]), 'month');
    expect(totals[0]?.end).toBe('2028-02-29');
  });
});

describe('pointsInPeriod', () => {
  const points = [point('2025-01-01', 1), point('2026-10-01', 2), point('2026-11-01', 3), point('2026-11-02', 3), point('2026-12-01', 4)];
  it('keeps the last N days up to the latest stored day', () => {
    expect(pointsInPeriod(points, '30').map((p) => p.day)).toEqual(['2026-11-02', '2026-12-01']);
    expect(pointsInPeriod(points, '90').map((p) => p.day)).toEqual(['2026-10-01', '2026-11-01', '2026-11-02', '2026-12-01']);
    expect(pointsInPeriod(points, '365')).toHaveLength(4);
    expect(pointsInPeriod(points, 'all')).toHaveLength(5);
  });
});

describe('projectFollowers', () => {
  const steady = Array.from({ length: 20 }, (_, i) => point(`2026-11-${String(i + 1).padStart(2, '0')}`, 10_000 + i * 50));

  it('projects the recent trend from the latest count', () => {
    const projection = projectFollowers(steady);
    expect(projection.kind).toBe('ok');
    if (projection.kind !== 'ok') return;
    expect(projection.perDay).toBeCloseTo(50);
    expect(projection.basedOnDays).toBe(19);
    expect(projection.followers).toEqual([
      { days: 30, followers: 10_950 + 1_500 },
      { days: 90, followers: 10_950 + 4_500 },
      { days: 365, followers: 10_950 + 18_250 },
    ]);
  });

  it('follows a fit, not the last two days, and never goes below zero', () => {
    const noisy = steady.map((p, i) => ({ ...p, followers: 1_000 - i * 40 + (i % 2 === 0 ? 15 : -15) }));
    const projection = projectFollowers(noisy);
    if (projection.kind !== 'ok') throw new Error('expected a projection');
    expect(projection.perDay).toBeLessThan(-38);
    expect(projection.perDay).toBeGreaterThan(-42);
    expect(projection.followers.at(-1)?.followers).toBe(0);
  });

  it('uses only the last 60 days', () => {
    const old = [point('2026-01-01', 0), point('2026-02-01', 1_000_000)];
    const projection = projectFollowers([...old, ...steady]);
    if (projection.kind !== 'ok') throw new Error('expected a projection');
    expect(projection.perDay).toBeCloseTo(50);
  });

  it('says how much history it needs when there is too little', () => {
    expect(projectFollowers(steady.slice(0, 4))).toEqual({ kind: 'insufficient', haveDays: 3, havePoints: 4, needDays: 14, needPoints: 5 });
    expect(projectFollowers([point('2026-11-01', 1), point('2026-11-02', 2), point('2026-11-03', 3), point('2026-11-04', 4), point('2026-11-10', 5)]).kind).toBe('insufficient');
    expect(projectFollowers([]).kind).toBe('insufficient');
  });
});

describe('changeOverDays', () => {
  const points = [point('2026-10-01', 100), point('2026-11-01', 150), point('2026-11-03', 160), point('2026-12-01', 300)];
  it('measures from the last stored day at or before the period start', () => {
    expect(changeOverDays(points, 'followers', 30)).toEqual({ change: 150, sinceDay: '2026-11-01', fullPeriod: true });
    expect(changeOverDays(points, 'followers', 7)).toEqual({ change: 140, sinceDay: '2026-11-03', fullPeriod: true });
  });
  it('says when the history is shorter than the period', () => {
    expect(changeOverDays(points, 'followers', 365)).toEqual({ change: 200, sinceDay: '2026-10-01', fullPeriod: false });
    expect(changeOverDays([point('2026-12-01', 1)], 'followers', 30)).toBeNull();
  });
});

describe('mergeSeries', () => {
  it('puts each account under its index on the days it was stored, within the period of the latest day', () => {
    const a = [point('2026-09-01', 1), point('2026-11-20', 10), point('2026-12-01', 12)];
    const b = [point('2026-11-20', 50, 7), point('2026-11-25', 55, 8)];
    expect(mergeSeries([a, b], 'followers', '30')).toEqual([
      { day: '2026-11-20', '0': 10, '1': 50 },
      { day: '2026-11-25', '1': 55 },
      { day: '2026-12-01', '0': 12 },
    ]);
    expect(mergeSeries([a, b], 'hearts', 'all')).toHaveLength(4);
    expect(mergeSeries([[], []], 'followers', 'all')).toEqual([]);
  });
});
