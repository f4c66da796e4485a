// Social Blade-style history from stored profile snapshots: one point per day, the change since the
// previous stored day, totals per week and month, and a follower projection from the recent trend.
// Pure functions over plain numbers, so the server, the browser and the tests share them.
//
// Days are UTC calendar days: the public page is rendered once for every reader (route cache), so a day
// must mean the same thing to all of them. Snapshots are stored when someone looks an account up or the
// worker refreshes it, so days can be missing; a change therefore says how many days it spans rather
// than pretending each gap was one day.

const DAY_MS = 86_400_000;

export type Counts = { followers: number; hearts: number; videos: number };
/** The last snapshot of a UTC day. `day` is "YYYY-MM-DD". */
export type DayPoint = Counts & { day: string };
/** A stored day and what changed since the stored day before it, `spanDays` days earlier. */
export type DailyChange = DayPoint & { change: Counts; spanDays: number };
export type PeriodTotal = { start: string; end: string; change: Counts; last: Counts; days: number };
export type HistoryPeriod = '30' | '90' | '365' | 'all';
export const HISTORY_PERIODS: readonly HistoryPeriod[] = ['30', '90', '365', 'all'];

export function utcDay(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** One point per UTC day (that day's last snapshot), oldest first. */
export function toDailyPoints(snapshots: readonly (Counts & { at: Date | string })[]): DayPoint[] {
  const byDay = new Map<string, { ms: number; point: DayPoint }>();
  for (const s of snapshots) {
    const ms = new Date(s.at).getTime();
    const day = utcDay(s.at);
    const seen = byDay.get(day);
    if (!seen || ms >= seen.ms) byDay.set(day, { ms, point: { day, followers: s.followers, hearts: s.hearts, videos: s.videos } });
  }
  return [...byDay.values()].map((v) => v.point).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Each stored day after the first with its change since the stored day before it. */
export function dailyChanges(points: readonly DayPoint[]): DailyChange[] {
  const changes: DailyChange[] = [];
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1]!;
    const point = points[i]!;
    changes.push({
      ...point,
      change: { followers: point.followers - previous.followers, hearts: point.hearts - previous.hearts, videos: point.videos - previous.videos },
      spanDays: dayNumber(point.day) - dayNumber(previous.day),
    });
  }
  return changes;
}

/** The change per day over a change's span (the bars of the gains chart): a 3-day gap's gain spread evenly. */
export function gainPerDay(change: DailyChange, key: keyof Counts): number {
  return change.change[key] / Math.max(1, change.spanDays);
}

/** Monday of the ISO week a day falls in. */
export function weekStart(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  return dayFromNumber(n - (((n + 3) % 7) + 7) % 7);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function periodEnd(start: string, unit: 'week' | 'month'): string {
  if (unit === 'week') return dayFromNumber(dayNumber(start) + 6);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Totals per ISO week (Monday to Sunday) or calendar month, newest first. A change counts in the period
 * of the day it was measured on, so the totals add up to the whole change and a period's total equals
 * its last stored value minus the last stored value before it.
 */
export function periodTotals(changes: readonly DailyChange[], unit: 'week' | 'month'): PeriodTotal[] {
  const totals = new Map<string, PeriodTotal>();
  for (const c of changes) {
    const start = unit === 'week' ? weekStart(c.day) : monthStart(c.day);
    const total = totals.get(start) ?? { start, end: periodEnd(start, unit), change: { followers: 0, hearts: 0, videos: 0 }, last: { followers: 0, hearts: 0, videos: 0 }, days: 0 };
    total.change = { followers: total.change.followers + c.change.followers, hearts: total.change.hearts + c.change.hearts, videos: total.change.videos + c.change.videos };
    total.last = { followers: c.followers, hearts: c.hearts, videos: c.videos };
    total.days += 1;
    totals.set(start, total);
  }
  return [...totals.values()].sort((a, b) => (a.start < b.start ? 1 : -1));
}

/** The points within the last `period` days up to the latest stored day (all of them for 'all'). */
export function pointsInPeriod<T extends { day: string }>(points: readonly T[], period: HistoryPeriod): T[] {
  const latest = points.at(-1);
  if (period === 'all' || !latest) return [...points];
  const from = dayNumber(latest.day) - Number(period);
  return points.filter((p) => dayNumber(p.day) > from);
}

// The trend is a least-squares line through the recent stored days: long enough to smooth one viral day,
// short enough to follow a change of pace. Fewer than MIN points or a shorter span gives a line that one
// noisy day can swing by more than the projection is worth, so no projection is shown.
export const PROJECTION = { windowDays: 60, minPoints: 5, minSpanDays: 14, horizons: [30, 90, 365] as const };

export type Projection =
  | { kind: 'ok'; perDay: number; basedOnDays: number; basedOnPoints: number; from: string; followers: { days: number; followers: number }[] }
  | { kind: 'insufficient'; haveDays: number; havePoints: number; needDays: number; needPoints: number };

/** Followers in 30, 90 and 365 days if the recent trend holds (never below zero). */
export function projectFollowers(points: readonly DayPoint[]): Projection {
  const latest = points.at(-1);
  const recent = latest ? points.filter((p) => dayNumber(p.day) > dayNumber(latest.day) - PROJECTION.windowDays) : [];
  const first = recent[0];
  const span = latest && first ? dayNumber(latest.day) - dayNumber(first.day) : 0;
  if (!latest || recent.length < PROJECTION.minPoints || span < PROJECTION.minSpanDays) {
    return { kind: 'insufficient', haveDays: span, havePoints: recent.length, needDays: PROJECTION.minSpanDays, needPoints: PROJECTION.minPoints };
  }
  const xs = recent.map((p) => dayNumber(p.day));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = recent.reduce((a, p) => a + p.followers, 0) / recent.length;
  let num = 0;
  let den = 0;
  recent.forEach((p, i) => {
    const dx = xs[i]! - meanX;
    num += dx * (p.followers - meanY);
    den += dx * dx;
  });
  const perDay = num / den;
  return {
    kind: 'ok',
    perDay,
    basedOnDays: span,
    basedOnPoints: recent.length,
    from: latest.day,
    // From the latest count rather than the fitted line, so the projection starts where the account is.
    followers: PROJECTION.horizons.map((days) => ({ days, followers: Math.max(0, Math.round(latest.followers + perDay * days)) })),
  };
}

/**
 * The change of one count over the last `days` days up to the latest stored day: from the last stored
 * day at or before the start, or when none is that old, from the oldest stored day (`sinceDay` says
 * which, `fullPeriod` whether it covers the whole period). Null with fewer than two stored days.
 */
export function changeOverDays(points: readonly DayPoint[], key: keyof Counts, days: number): { change: number; sinceDay: string; fullPeriod: boolean } | null {
  const latest = points.at(-1);
  const oldest = points[0];
  if (!latest || !oldest || points.length < 2) return null;
  const start = dayNumber(latest.day) - days;
  const base = points.findLast((p) => dayNumber(p.day) <= start) ?? oldest;
  return { change: latest[key] - base[key], sinceDay: base.day, fullPeriod: dayNumber(base.day) <= start };
}

/**
 * Several accounts' series of one count as chart rows, one per UTC day any of them was stored on, each
 * account's value under its index ("0", "1", …); the period ends at the latest day of any account.
 */
export function mergeSeries(series: readonly (readonly DayPoint[])[], key: keyof Counts, period: HistoryPeriod): ({ day: string } & Record<string, number | string>)[] {
  const latest = series.flatMap((s) => s.at(-1)?.day ?? []).sort().at(-1);
  if (!latest) return [];
  const from = period === 'all' ? -Infinity : dayNumber(latest) - Number(period);
  const rows = new Map<string, { day: string } & Record<string, number | string>>();
  series.forEach((points, index) => {
    for (const p of points) {
      if (dayNumber(p.day) <= from) continue;
      const row = rows.get(p.day) ?? { day: p.day };
      row[String(index)] = p[key];
      rows.set(p.day, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
