// "Live now" for one account: the current (or last) live's counters, its latest gifts and chats, and its
// top gifters — the page's first paint and the polling fallback when the realtime connection drops.
import 'server-only';
import type { Db } from '@/lib/db';
import { getLiveTopGifters } from '@/lib/dashboard/lives';
import { estimateValueUsd } from '@/lib/dashboard/value';
import { eventWindowStart } from '@/lib/live/event-window';
import { latestChats } from '@/lib/live/latest-chats';
import type { LiveCounters, RealtimeChat, RealtimeGift } from '@/lib/realtime/payloads';
import type { Platform } from '@/lib/platforms/events';
import type { UsdRange } from '@/lib/stats/estimates';

export type LiveNow = {
  /** The server's clock when this was read: the page's first paint counts the running time from it. */
  serverNow: number;
  /** The channel's platform: `live.diamonds` is in its unit (Bilibili: gold coins). */
  platform: Platform;
  state: string | null;
  stateSince: string | null;
  live: (LiveCounters & { endedAt: number | null; peakViewers: number; earnings: UsdRange }) | null;
  gifts: RealtimeGift[];
  chats: RealtimeChat[];
  topGifters: { handle: string | null; nickname: string | null; avatar: string | null; diamonds: number; gifts: number }[];
};

const user = (v: { tiktokUserId: string; handle: string | null; nickname: string | null; avatarUrl: string | null }, follower = false) => ({
  id: v.tiktokUserId,
  handle: v.handle ?? '',
  nickname: v.nickname ?? v.handle ?? '',
  avatar: v.avatarUrl,
  follower,
});

export async function getLiveNow(db: Db, accountId: string): Promise<LiveNow> {
  const [tracked, live, channel] = await Promise.all([
    db.trackedAccount.findUnique({ where: { accountId }, select: { state: true, stateSince: true } }),
    db.live.findFirst({ where: { accountId }, orderBy: { startedAt: 'desc' } }),
    db.channel.findUnique({ where: { id: accountId }, select: { platform: true } }),
  ]);
  const platform = channel?.platform ?? 'tiktok';
  if (!live) return { serverNow: Date.now(), platform, state: tracked?.state ?? null, stateSince: tracked?.stateSince.toISOString() ?? null, live: null, gifts: [], chats: [], topGifters: [] };
  const liveId = live.id;
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = eventWindowStart(live.startedAt);
  const [gifts, chats, sample, top] = await Promise.all([
    db.gift.findMany({ where: { liveId, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: 30, include: { viewer: true } }),
    latestChats(db, liveId, 50, since),
    db.viewerSample.findFirst({ where: { liveId, at: { gte: since } }, orderBy: { at: 'desc' }, select: { viewers: true } }),
    // The live page's read (the per-viewer rollup through its index), not a sum over every gift.
    getLiveTopGifters(db, liveId, 10),
  ]);
  const giftIds = [...new Set(gifts.map((g) => g.giftId))];
  const types = giftIds.length ? await db.giftType.findMany({ where: { giftId: { in: giftIds } }, select: { giftId: true, imageUrl: true } }) : [];
  const images = new Map(types.map((t) => [t.giftId, t.imageUrl]));
  const diamonds = Number(live.diamonds);
  return {
    serverNow: Date.now(),
    platform,
    state: tracked?.state ?? null,
    stateSince: tracked?.stateSince.toISOString() ?? null,
    live: {
      liveId: liveId.toString(),
      startedAt: live.startedAt.getTime(),
      endedAt: live.endedAt?.getTime() ?? null,
      viewers: live.endedAt ? 0 : (sample?.viewers ?? 0),
      likes: Number(live.likes),
      diamonds,
      gifts: live.gifts,
      comments: live.comments,
      follows: live.follows,
      shares: live.shares,
      peakViewers: live.peakViewers,
      earnings: estimateValueUsd(live.platform, diamonds),
    },
    gifts: gifts.map((g) => ({
      liveId: liveId.toString(),
      id: g.dedupeKey,
      user: user(g.viewer),
      giftId: g.giftId,
      name: g.giftName,
      image: images.get(g.giftId) ?? null,
      diamondCount: g.diamondCount,
      repeatCount: g.repeatCount,
      diamonds: g.diamonds,
      streakable: g.streakable,
      at: g.createdAt.getTime(),
    })),
    chats: chats.map((c) => ({ liveId: liveId.toString(), id: c.msgId, user: user(c.viewer), content: c.content, moderator: false, at: c.createdAt.getTime() })),
    topGifters: top.map((t) => ({ handle: t.handle, nickname: t.nickname, avatar: t.avatarUrl, diamonds: t.diamonds, gifts: t.gifts })),
  };
}
