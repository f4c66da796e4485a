// The first paint of a goal bar: each channel it draws from (its own first, then its cluster's:
// lib/overlays/sources.ts) with its current LIVE's counters, the goal gift's count on that LIVE, and what
// one unit of its value is worth in the goal's unit. The goal's unit is the overlay's own channel's (TikTok
// diamonds, Bilibili gold), so a goal set before clusters existed keeps its meaning; another platform's
// value converts at the mid USD estimate of each unit (lib/dashboard/value.ts: the configured diamond rate,
// Bilibili's gold rate), one figure for the whole page so the browser's sums match this one.
import 'server-only';
import type { Db } from '@/lib/db';
import { valueRate } from '@/lib/dashboard/value';
import { eventWindowStart } from '@/lib/live/event-window';
import type { GoalSource } from '@/lib/overlays/goal-progress';
import { accountChannel } from '@/lib/realtime/channels';
import { liveCountersOf } from '@/lib/realtime/payloads';

/**
 * How long a goal keeps showing a LIVE that has ended. On an open page an ended LIVE keeps its final numbers
 * until the channel's next LIVE starts (goal-progress.ts); a page loaded (or reloaded) within this long after
 * the end shows the same, rather than an empty bar. Later it starts empty, waiting for the next LIVE.
 */
export const GOAL_KEEPS_ENDED_LIVE_MS = 12 * 60 * 60_000;

/** The goal's channels in `accountIds`' order (the overlay's own first), with their current LIVEs. */
export async function loadGoalSources(db: Db, accountIds: readonly string[], giftId: string, now = Date.now()): Promise<GoalSource[]> {
  const [channels, lives] = await Promise.all([
    db.channel.findMany({ where: { id: { in: [...accountIds] } }, select: { id: true, platform: true } }),
    // The newest LIVE of each channel: the running one (a channel has at most one), else one that ended lately.
    db.live.findMany({
      where: { accountId: { in: [...accountIds] }, OR: [{ endedAt: null }, { endedAt: { gte: new Date(now - GOAL_KEEPS_ENDED_LIVE_MS) } }] },
      orderBy: { startedAt: 'desc' },
      distinct: ['accountId'],
    }),
  ]);
  const platformOf = new Map(channels.map((c) => [c.id, c.platform]));
  const goalPlatform = platformOf.get(accountIds[0] ?? '') ?? 'tiktok';
  return Promise.all(
    accountIds.flatMap((accountId) => {
      const platform = platformOf.get(accountId);
      if (!platform) return [];
      const live = lives.find((l) => l.accountId === accountId);
      // Viewers are left out: no goal counts them.
      const counters = live ? liveCountersOf(live) : null;
      return [
        (async (): Promise<GoalSource> => ({
          channel: accountChannel(accountId),
          platform,
          valueRate: valueRate(platform, goalPlatform),
          live: counters,
          giftCount: live && giftId ? await countGift(db, live, giftId) : 0,
        }))(),
      ];
    }),
  );
}

/** How many of one gift a LIVE has had (a streak's row holds its final count). */
async function countGift(db: Db, live: { id: bigint; startedAt: Date }, giftId: string): Promise<number> {
  const sum = await db.gift.aggregate({ where: { liveId: live.id, giftId, createdAt: { gte: eventWindowStart(live.startedAt) } }, _sum: { repeatCount: true } });
  return sum._sum.repeatCount ?? 0;
}
