// What a goal bar counts, over every channel it draws from: its own, or each channel of the cluster its
// settings name (one creator live on TikTok and Bilibili at once; lib/overlays/sources.ts). Each channel
// keeps its own LIVE's counters and gift count, so a new LIVE on one channel restarts only that channel's
// share. Likes, follows and one gift's count add up as they are. Values do not: TikTok counts diamonds and
// Bilibili gold (lib/platforms/units.ts), so a value goal is set in the overlay's own channel's unit and
// another platform's value is converted by the mid USD rates of both units (`valueRate`, fixed on the server
// where the configured diamond rate is known: lib/overlays/goal-sources.ts). Each channel's share is rounded
// to a whole unit, so the own channel's value counts exactly. Pure: the OBS page's first paint and its
// realtime updates go through the same functions, so they cannot disagree.
import { countGoalGift, giftGoalStart, type GiftGoalCount } from '@/lib/overlays/gift-tally';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { Platform } from '@/lib/platforms/events';
import type { LiveCounters, LiveStatus, RealtimeGift } from '@/lib/realtime/payloads';

export type GoalMetric = OverlaySettingsByKind['GOAL']['metric'];

/** One channel a goal draws from, as the OBS page's first paint gives it. */
export type GoalSource = {
  /** Its realtime channel: updates are told apart by the channel they arrive on. */
  channel: string;
  platform: Platform;
  /** What one unit of this channel's value is worth in the goal's unit (1 on the overlay's own platform). */
  valueRate: number;
  /** Its current LIVE's counters (null when it is not live). */
  live: LiveCounters | null;
  /** A gift goal: how many of the gift its current LIVE has had (0 otherwise). */
  giftCount: number;
};

type GoalChannel = { platform: Platform; valueRate: number; counters: LiveCounters | null; gifts: GiftGoalCount };

/** The goal's channels, its own first (updates from an unknown channel, e.g. the editor's samples, count as its own). */
export type GoalTally = { order: readonly string[]; channels: Readonly<Record<string, GoalChannel>> };

/** One platform's part of a value goal, in that platform's own unit. */
export type GoalShare = { platform: Platform; value: number };

export function goalTallyStart(sources: readonly GoalSource[]): GoalTally {
  return {
    order: sources.map((s) => s.channel),
    channels: Object.fromEntries(sources.map((s) => [s.channel, { platform: s.platform, valueRate: s.valueRate, counters: s.live, gifts: giftGoalStart(s.live?.liveId ?? null, s.giftCount) }])),
  };
}

function update(tally: GoalTally, channel: string | undefined, change: (current: GoalChannel) => GoalChannel): GoalTally {
  const key = channel !== undefined && channel in tally.channels ? channel : tally.order[0];
  const current = key === undefined ? undefined : tally.channels[key];
  if (key === undefined || !current) return tally;
  const next = change(current);
  return next === current ? tally : { order: tally.order, channels: { ...tally.channels, [key]: next } };
}

/** A channel's latest LIVE counters (a new LIVE's replace the old one's). */
export function addGoalCounters(tally: GoalTally, counters: LiveCounters, channel?: string): GoalTally {
  return update(tally, channel, (c) => ({ ...c, counters }));
}

/** A gift on a channel: counted when it is the goal's gift (a streak once, by its final count). */
export function addGoalGift(tally: GoalTally, gift: Pick<RealtimeGift, 'liveId' | 'id' | 'giftId' | 'repeatCount'>, giftId: string, channel?: string): GoalTally {
  return update(tally, channel, (c) => {
    const gifts = countGoalGift(c.gifts, gift, giftId);
    return gifts === c.gifts ? c : { ...c, gifts };
  });
}

/** A new LIVE on a channel starts that channel from zero; an ended one keeps its final numbers. */
export function applyGoalStatus(tally: GoalTally, status: LiveStatus, channel?: string): GoalTally {
  if (status.state !== 'live') return tally;
  return update(tally, channel, (c) => ({
    ...c,
    counters: c.counters && c.counters.liveId !== status.liveId ? null : c.counters,
    gifts: c.gifts.liveId !== status.liveId ? giftGoalStart(status.liveId) : c.gifts,
  }));
}

/** Another gift chosen while on air: its count before now is not known here, so every channel counts from now. */
export function restartGoalGifts(tally: GoalTally): GoalTally {
  return { order: tally.order, channels: Object.fromEntries(Object.entries(tally.channels).map(([key, c]) => [key, { ...c, gifts: giftGoalStart(c.gifts.liveId) }])) };
}

/** A channel's part of the goal in the goal's unit, and the LIVE it belongs to. */
function part(c: GoalChannel, metric: GoalMetric): { liveId: string | null; value: number } {
  if (metric === 'gift') return { liveId: c.gifts.liveId, value: c.gifts.count };
  const counters = c.counters;
  if (!counters) return { liveId: null, value: 0 };
  return { liveId: counters.liveId, value: metric === 'diamonds' ? Math.round(counters.diamonds * c.valueRate) : counters[metric] };
}

/** The goal's count, and for a value goal each platform's part in its own unit (when more than one platform counts). */
export function goalProgress(tally: GoalTally, metric: GoalMetric): { value: number; shares: GoalShare[] } {
  let value = 0;
  const native = new Map<Platform, number>();
  for (const key of tally.order) {
    const c = tally.channels[key];
    if (!c) continue;
    value += part(c, metric).value;
    native.set(c.platform, (native.get(c.platform) ?? 0) + (c.counters?.diamonds ?? 0));
  }
  const shares = metric === 'diamonds' && native.size > 1 ? [...native].map(([platform, v]) => ({ platform, value: v })) : [];
  return { value, shares };
}

/**
 * Whether `next` reaches `target` where `previous` had not: a channel whose LIVE changed counts as starting
 * from zero, so reaching the target again on a new LIVE celebrates again.
 */
export function goalReachedNow(previous: GoalTally, next: GoalTally, metric: GoalMetric, target: number): boolean {
  if (goalProgress(next, metric).value < target) return false;
  let before = 0;
  for (const key of next.order) {
    const now = next.channels[key];
    const then = previous.channels[key];
    if (!now || !then) continue;
    const [a, b] = [part(then, metric), part(now, metric)];
    if (a.liveId === b.liveId) before += a.value;
  }
  return before < target;
}
