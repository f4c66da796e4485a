// Which notifications are due, read from what the worker stores (so it holds across worker restarts and
// leases moving between workers): a live first seen in the last 10 minutes ("went live"), a live that
// ended in the last 10 minutes ("live ended", with its summary), and gift spikes of lives in progress.
// Each becomes one delivery per enabled channel of each workspace watching the account whose rules ask
// for it; the unique (channel, event key) makes every one of them happen once, however often this runs.
//
// Gift spike: the value of the last 60 s (in the live's unit: TikTok diamonds, Bilibili gold) at least N×
// the live's baseline, its value per minute before that window (at least the worth of 10 diamonds a minute,
// so the first gifts of a quiet live are not a "spike"), once the live has run 5 minutes; at most one alert
// per rule's cooldown.
import 'server-only';
import { getLiveTopGifters } from '@/lib/dashboard/lives';
import { estimateValueUsd, valueRate } from '@/lib/dashboard/value';
import type { Db } from '@/lib/db';
import type { NotificationPayload } from '@/lib/notifications/types';

const WINDOW_MS = 10 * 60_000;
const SPIKE_WINDOW_MS = 60_000;
const SPIKE_MIN_LIVE_MS = 5 * 60_000;
/** The least baseline, in diamonds a minute; another platform's live uses the same worth in its unit. */
const SPIKE_MIN_BASELINE_DIAMONDS = 10;

// How a notification names the account (lib/platforms/naming.ts needs the platform: a Bilibili handle is a uid).
const ACCOUNT_FIELDS = { platform: true, handle: true, nickname: true } as const;

type Target = { channelId: string; workspaceId: string; wentLive: boolean; liveEnded: boolean; giftSpike: boolean; spikeFactor: number; spikeCooldownMinutes: number };

/** Enabled channels of the workspaces watching `accountId`, with each workspace's rule (or the defaults). */
async function targetsOf(db: Db, accountId: string): Promise<Target[]> {
  return db.$queryRaw<Target[]>`
    SELECT c.id AS "channelId", c.workspace_id AS "workspaceId",
           COALESCE(r.went_live, true) AS "wentLive", COALESCE(r.live_ended, true) AS "liveEnded",
           COALESCE(r.gift_spike, false) AS "giftSpike", COALESCE(r.spike_factor, 3)::float8 AS "spikeFactor",
           COALESCE(r.spike_cooldown_minutes, 10) AS "spikeCooldownMinutes"
      FROM workspace_accounts wa
      JOIN notification_channels c ON c.workspace_id = wa.workspace_id AND c.enabled
      LEFT JOIN notification_rules r ON r.workspace_id = wa.workspace_id AND r.account_id = wa.account_id
     WHERE wa.account_id = ${accountId}`;
}

async function queue(db: Db, channelIds: string[], eventKey: string, payload: NotificationPayload, notBefore?: Date): Promise<number> {
  if (channelIds.length === 0) return 0;
  const { count } = await db.notificationDelivery.createMany({
    data: channelIds.map((channelId) => ({ channelId, eventKey, event: payload.event, payload, ...(notBefore ? { nextAttemptAt: notBefore } : {}) })),
    skipDuplicates: true,
  });
  return count;
}

export type QueueRun = { wentLive: number; liveEnded: number; spikes: number };

export async function queueLiveNotifications(db: Db, now = new Date()): Promise<QueueRun> {
  const run: QueueRun = { wentLive: 0, liveEnded: 0, spikes: 0 };
  const since = new Date(now.getTime() - WINDOW_MS);
  // Only accounts some workspace with an enabled channel watches.
  const watched = { watchers: { some: { workspace: { channels: { some: { enabled: true } } } } } };

  // A live seen in the last 10 minutes went live, even when it is already over (a short one, or a late round).
  const started = await db.live.findMany({ where: { createdAt: { gte: since }, account: watched }, include: { account: { select: ACCOUNT_FIELDS } }, take: 500 });
  for (const live of started) {
    const targets = (await targetsOf(db, live.accountId)).filter((t) => t.wentLive);
    run.wentLive += await queue(db, targets.map((t) => t.channelId), `live:${live.id}:started`, {
      event: 'went-live',
      account: live.account,
      liveId: live.id.toString(),
      startedAt: live.startedAt.toISOString(),
      title: live.title,
    });
  }

  // Ended in the last 10 minutes; or first seen then and already over (a replayed recording keeps the times
  // it was recorded at, so its end can be long ago).
  const ended = await db.live.findMany({ where: { OR: [{ endedAt: { gte: since } }, { createdAt: { gte: since }, endedAt: { not: null } }], account: watched }, include: { account: { select: ACCOUNT_FIELDS } }, take: 500 });
  for (const live of ended) {
    const targets = (await targetsOf(db, live.accountId)).filter((t) => t.liveEnded);
    if (targets.length === 0 || !live.endedAt) continue;
    // The live page's top gifters (ties to the older viewer), by value in the platform's unit: the writer adds
    // every paid row to its sender's live_viewers, Bilibili's Super Chats and guard purchases as well as its
    // gold gifts. A gifter of free gifts only (Bilibili's silver) gave no value and is left out.
    const top = (await getLiveTopGifters(db, live, 3)).filter((gifter) => gifter.diamonds > 0);
    const earnings = estimateValueUsd(live.platform, live.diamonds);
    // A little after "went live", which the same round may have queued, so they arrive in order.
    run.liveEnded += await queue(db, targets.map((t) => t.channelId), `live:${live.id}:ended`, {
      event: 'live-ended',
      account: live.account,
      liveId: live.id.toString(),
      startedAt: live.startedAt.toISOString(),
      endedAt: live.endedAt.toISOString(),
      durationMinutes: Math.max(0, Math.round((live.endedAt.getTime() - live.startedAt.getTime()) / 60_000)),
      peakViewers: live.peakViewers,
      diamonds: Number(live.diamonds),
      earnings: { low: earnings.low, high: earnings.high },
      newFollowers: live.follows,
      topGifters: top.map((t) => ({ handle: t.handle ?? '', nickname: t.nickname ?? t.handle ?? '', diamonds: t.diamonds })),
    }, new Date(now.getTime() + 2000));
  }

  // Spikes: lives in progress, with a recent event, of accounts where some workspace asks for them.
  const live = await db.live.findMany({
    where: { endedAt: null, lastEventAt: { gte: new Date(now.getTime() - 2 * 60_000) }, startedAt: { lte: new Date(now.getTime() - SPIKE_MIN_LIVE_MS) }, account: { notificationRules: { some: { giftSpike: true } } } },
    include: { account: { select: ACCOUNT_FIELDS } },
    take: 500,
  });
  for (const l of live) {
    const targets = (await targetsOf(db, l.accountId)).filter((t) => t.giftSpike);
    if (targets.length === 0) continue;
    const windowStart = new Date(now.getTime() - SPIKE_WINDOW_MS);
    const [{ recent }] = await db.$queryRaw<[{ recent: bigint }]>`SELECT COALESCE(SUM(diamonds), 0)::bigint AS recent FROM gifts WHERE live_id = ${l.id} AND created_at > ${windowStart} AND created_at <= ${now}`;
    const lastMinute = Number(recent);
    const minutesBefore = Math.max(1, (windowStart.getTime() - l.startedAt.getTime()) / 60_000);
    const minBaseline = SPIKE_MIN_BASELINE_DIAMONDS * valueRate('tiktok', l.platform);
    const baseline = Math.max(minBaseline, Math.max(0, Number(l.diamonds) - lastMinute) / minutesBefore);
    for (const target of targets) {
      if (lastMinute < target.spikeFactor * baseline) continue;
      const cooldownMs = Math.max(1, target.spikeCooldownMinutes) * 60_000;
      const recentAlert = await db.notificationDelivery.findFirst({ where: { channelId: target.channelId, event: 'gift-spike', eventKey: { startsWith: `live:${l.id}:spike:` }, createdAt: { gt: new Date(now.getTime() - cooldownMs) } }, select: { id: true } });
      if (recentAlert) continue;
      run.spikes += await queue(db, [target.channelId], `live:${l.id}:spike:${Math.floor(now.getTime() / cooldownMs)}`, {
        event: 'gift-spike',
        account: l.account,
        liveId: l.id.toString(),
        diamondsLastMinute: lastMinute,
        baselinePerMinute: Math.round(baseline * 10) / 10,
        factor: lastMinute / baseline,
      });
    }
  }
  return run;
}
