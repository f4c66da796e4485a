// What browsers receive on an account's channels, shared by the worker (which publishes) and the
// dashboard and overlays (which render the same shapes from their first page load).
import type { LiveEvent, ViewerRef } from '@/lib/live/events';
import { RealtimeEvent } from '@/lib/realtime/channels';
import type { NamedRealtimeData } from '@/lib/realtime/contract';

export type RealtimeUser = { id: string; handle: string; nickname: string; avatar: string | null; follower: boolean };

export type RealtimeGift = {
  liveId: string;
  /** The gift's dedupe key: stable across a streak's progress and its completion. */
  id: string;
  user: RealtimeUser;
  giftId: string;
  name: string;
  image: string | null;
  diamondCount: number;
  repeatCount: number;
  diamonds: number;
  streakable: boolean;
  at: number;
  /** A paid message's text (Bilibili's Super Chat), for the alert's {message}. */
  message?: string;
  /** Absent: a gift. Bilibili's Super Chats and guard purchases are stored and sent as gifts of these kinds. */
  kind?: 'super_chat' | 'guard';
};

export type RealtimeGiftProgress = Omit<RealtimeGift, 'diamonds' | 'streakable' | 'message' | 'kind'>;
export type RealtimeChat = { liveId: string; id: string; user: RealtimeUser; content: string; moderator: boolean; at: number };
/** `subscribe`: a TikTok LIVE subscription (`months` how long, when TikTok says). */
export type RealtimeSocial = { liveId: string; id: string; kind: 'follow' | 'share' | 'join' | 'subscribe'; user: RealtimeUser; at: number; months?: number };

export type LiveCounters = {
  liveId: string;
  startedAt: number;
  viewers: number;
  likes: number;
  diamonds: number;
  gifts: number;
  comments: number;
  follows: number;
  shares: number;
};

/** A stored live's counters as the channels carry them; `viewers` comes from its latest sample, when read. */
export function liveCountersOf(
  live: { id: bigint; startedAt: Date; likes: bigint; diamonds: bigint; gifts: number; comments: number; follows: number; shares: number },
  viewers = 0,
): LiveCounters {
  return { liveId: live.id.toString(), startedAt: live.startedAt.getTime(), viewers, likes: Number(live.likes), diamonds: Number(live.diamonds), gifts: live.gifts, comments: live.comments, follows: live.follows, shares: live.shares };
}

export type LiveStatus = { state: 'live' | 'offline'; liveId: string | null; startedAt: number | null };

export const toRealtimeUser = (v: ViewerRef): RealtimeUser => ({ id: v.userId, handle: v.handle, nickname: v.nickname, avatar: v.avatarUrl, follower: v.isFollower });

/** The event name and JSON a browser receives for a domain event (null: not published on its own). */
export function toRealtimePayload(event: LiveEvent, liveId: string): Extract<NamedRealtimeData, { name: 'gift' | 'gift-progress' | 'chat' | 'social' }> | null {
  switch (event.type) {
    case 'gift':
      return {
        name: RealtimeEvent.gift,
        data: {
          liveId, id: event.dedupeKey, user: toRealtimeUser(event.viewer), giftId: event.giftId, name: event.giftName, image: event.imageUrl, diamondCount: event.diamondCount, repeatCount: event.repeatCount, diamonds: event.diamonds, streakable: event.streakable, at: event.at,
          ...(event.message === undefined ? {} : { message: event.message }),
          ...(event.kind === 'super_chat' || event.kind === 'guard' ? { kind: event.kind } : {}),
        },
      };
    case 'gift-progress':
      return {
        name: RealtimeEvent.giftProgress,
        data: { liveId, id: event.dedupeKey, user: toRealtimeUser(event.viewer), giftId: event.giftId, name: event.giftName, image: event.imageUrl, diamondCount: event.diamondCount, repeatCount: event.repeatCount, at: event.at },
      };
    case 'chat':
      return { name: RealtimeEvent.chat, data: { liveId, id: event.msgId, user: toRealtimeUser(event.viewer), content: event.content, moderator: event.isModerator, at: event.at } };
    case 'follow':
    case 'share':
    case 'member':
      return { name: RealtimeEvent.social, data: { liveId, id: event.msgId, kind: event.type === 'member' ? 'join' : event.type, user: toRealtimeUser(event.viewer), at: event.at } };
    case 'subscribe':
      return { name: RealtimeEvent.social, data: { liveId, id: event.msgId, kind: 'subscribe', user: toRealtimeUser(event.viewer), at: event.at, months: event.months } };
    default:
      return null;
  }
}
