// The first paint of /overlay/{token}: the overlay (if the token is valid and not revoked), its
// account's current LIVE, recent chat and activity, and the board of its current session. After that
// the page lives on realtime messages.
import 'server-only';
import type { Db } from '@/lib/db';
import { currentSessionOf, sessionSnapshot } from '@/lib/games/snapshot';
import { valueRate } from '@/lib/dashboard/value';
import { eventWindowStart } from '@/lib/live/event-window';
import { VALUE_UNIT } from '@/lib/platforms/units';
import type { Platform } from '@/lib/platforms/events';
import { latestChats } from '@/lib/live/latest-chats';
import { loadGoalSources } from '@/lib/overlays/goal-sources';
import { unsealSettings } from '@/lib/overlays/obs-secret';
import type { GifterTotal } from '@/lib/overlays/gift-tally';
import { readKindSettings } from '@/lib/overlays/settings';
import { overlayAccountIds } from '@/lib/overlays/sources';
import { countedTotals, readTimerState } from '@/lib/overlays/timer';
import { loadTimerTally, settleStoredTimer } from '@/lib/overlays/timer-store';
import { OVERLAY_TOKEN } from '@/lib/overlays/token';
import type { OverlayView } from '@/lib/overlays/types';
import { accountChannel, overlayChannel } from '@/lib/realtime/channels';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { liveCountersOf, type LiveCounters, type RealtimeChat, type RealtimeGift, type RealtimeSocial, type RealtimeUser } from '@/lib/realtime/payloads';

export { OVERLAY_TOKEN };

const user = (v: { tiktokUserId: string; handle: string | null; nickname: string | null; avatarUrl: string | null }, follower = false): RealtimeUser => ({
  id: v.tiktokUserId,
  handle: v.handle ?? '',
  nickname: v.nickname ?? v.handle ?? '',
  avatar: v.avatarUrl,
  follower,
});

export async function loadOverlayView(db: Db, token: string): Promise<OverlayView | null> {
  if (!OVERLAY_TOKEN.test(token)) return null;
  const overlay = await db.overlay.findUnique({ where: { token }, include: { account: { select: { handle: true, nickname: true, platform: true } } } });
  if (!overlay || overlay.revokedAt) return null;
  // An overlay works only while its workspace watches its account (removing the account turns it off).
  const watched = await db.workspaceAccount.findUnique({ where: { workspaceId_accountId: { workspaceId: overlay.workspaceId, accountId: overlay.accountId } }, select: { accountId: true } });
  if (!watched) return null;
  const now = Date.now();
  const liveRow = await db.live.findFirst({ where: { accountId: overlay.accountId, endedAt: null }, orderBy: { startedAt: 'desc' } });
  const liveId = liveRow?.id;
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = liveRow ? eventWindowStart(liveRow.startedAt) : undefined;
  const needsChat = overlay.kind === 'CHAT';
  const needsActivity = overlay.kind === 'ACTIVITY';
  const [sample, chats, socials, gifts, session, accountIds] = await Promise.all([
    liveId ? db.viewerSample.findFirst({ where: { liveId, at: { gte: since } }, orderBy: { at: 'desc' }, select: { viewers: true } }) : null,
    liveId && needsChat ? latestChats(db, liveId, 50, since) : [],
    liveId && needsActivity ? db.socialEvent.findMany({ where: { liveId, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: 20, include: { viewer: true } }) : [],
    liveId && needsActivity ? db.gift.findMany({ where: { liveId, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: 20, include: { viewer: true } }) : [],
    overlay.kind === 'LEADERBOARD' || overlay.kind === 'QA_GAME' ? currentSessionOf(db, overlay.id) : null,
    overlayAccountIds(db, { workspaceId: overlay.workspaceId, accountId: overlay.accountId, kind: overlay.kind, settings: overlay.settings }),
  ]);
  const live: LiveCounters | null = liveRow ? liveCountersOf(liveRow, sample?.viewers ?? 0) : null;
  const lid = liveRow?.id.toString() ?? '';
  const recentChats: RealtimeChat[] = chats.reverse().map((c) => ({ liveId: lid, id: c.msgId, user: user(c.viewer), content: c.content, moderator: false, at: c.createdAt.getTime() }));
  const activity: (RealtimeSocial | RealtimeGift)[] = [
    ...socials.map((s): RealtimeSocial => ({ liveId: lid, id: s.msgId, kind: s.kind === 'SHARE' ? 'share' : 'follow', user: user(s.viewer), at: s.createdAt.getTime() })),
    ...gifts.map((g): RealtimeGift => ({ liveId: lid, id: g.dedupeKey, user: user(g.viewer), giftId: g.giftId, name: g.giftName, image: null, diamondCount: g.diamondCount, repeatCount: g.repeatCount, diamonds: g.diamonds, streakable: g.streakable, at: g.createdAt.getTime() })),
  ].sort((a, b) => a.at - b.at);
  const base = {
    overlayId: overlay.id,
    name: overlay.name,
    token,
    accountId: overlay.accountId,
    account: { handle: overlay.account.handle, nickname: overlay.account.nickname },
    realtime: getPublicRealtimeConfig(),
    channels: {
      account: accountChannel(overlay.accountId),
      accounts: accountIds.map(accountChannel),
      overlay: overlayChannel(overlay.id),
    },
    serverNow: now,
    live,
    recentChats,
    recentActivity: activity.slice(-20),
    game: session ? await sessionSnapshot(db, session, now) : null,
    // What a unit of each platform's value is worth in this overlay's own (alert tiers drawing from a cluster).
    valueRates: Object.fromEntries((Object.keys(VALUE_UNIT) as Platform[]).map((p) => [p, valueRate(p, overlay.account.platform)])),
  };
  const kindSettings = readKindSettings(overlay.kind, unsealSettings(overlay.kind, overlay.settings));
  const timerState = overlay.kind === 'TIMER' ? readTimerState(overlay.settings) : null;
  const [goalSources, topGifters, timerTally] = await Promise.all([
    kindSettings.kind === 'GOAL' ? loadGoalSources(db, accountIds, kindSettings.settings.metric === 'gift' ? kindSettings.settings.giftId : '') : [],
    liveId && overlay.kind === 'TOP_GIFTER' ? liveTopGifters(db, liveId) : [],
    timerState ? loadTimerTally(db, overlay.accountId, timerState, live) : null,
  ]);
  // A timer found at 00:00 is stored as ended here too, so gifts after the end cannot revive it on reload.
  const timer = timerState && timerTally && kindSettings.kind === 'TIMER' ? { state: await settleStoredTimer(db, overlay, kindSettings.settings, timerState, countedTotals(timerTally), now), tally: timerTally } : null;
  return { ...base, goalSources, topGifters, timer, ...kindSettings };
}

/** How many of a LIVE's gifters the top-gifter card starts with (one further down rarely overtakes). */
const TOP_GIFTERS_LOADED = 50;

/** A LIVE's biggest gifters by diamonds, with when each reached their total (ties go to the earlier). */
async function liveTopGifters(db: Db, liveId: bigint): Promise<GifterTotal[]> {
  const groups = await db.gift.groupBy({ by: ['viewerId'], where: { liveId }, _sum: { diamonds: true }, _max: { createdAt: true }, orderBy: { _sum: { diamonds: 'desc' } }, take: TOP_GIFTERS_LOADED });
  const viewers = await db.viewer.findMany({ where: { id: { in: groups.map((g) => g.viewerId) } } });
  const byId = new Map(viewers.map((v) => [v.id, v]));
  return groups.flatMap((g) => {
    const viewer = byId.get(g.viewerId);
    return viewer ? [{ user: user(viewer), diamonds: g._sum.diamonds ?? 0, at: g._max.createdAt?.getTime() ?? 0 }] : [];
  });
}
