// Turns tiktok-live-connector 2.5 messages (v3 protobuf objects; int64 values as strings) into domain
// events: duplicates dropped by message id, gift streaks counted once, viewers identified by TikTok user
// id with placeholder names marked. One Normaliser per live room.
//
// The message types below name only the fields we read, so tests can pass plain objects; the library's
// own objects satisfy them structurally.
import { displayText } from '@/lib/text/clean';
import type { GiftEvent, GiftProgressEvent, LiveEvent, ViewerRef } from '@/lib/live/events';
import { SeenIds } from '@/lib/live/seen-ids';
import { DEFAULT_STREAK_TIMEOUT_MS, StreakTracker, type StreakClose } from '@/lib/live/streaks';

type Image = { urlList?: string[] } | undefined;
export type LibUser = {
  id?: string;
  idStr?: string;
  displayId?: string;
  nickname?: string;
  avatarThumb?: Image;
  followInfo?: { followStatus?: string | number } | undefined;
};
export type LibCommon = { msgId?: string; roomId?: string; createTime?: string } | undefined;
type Identity = { isFollowerOfAnchor?: boolean; isModeratorOfAnchor?: boolean; isSubscriberOfAnchor?: boolean } | undefined;

export type LibChat = { common?: LibCommon; user?: LibUser; content?: string; userIdentity?: Identity };
export type LibGift = {
  common?: LibCommon;
  user?: LibUser;
  giftId?: string | number;
  repeatCount?: number;
  repeatEnd?: number;
  groupId?: string;
  gift?: { id?: string | number; name?: string; diamondCount?: number; type?: number; image?: Image } | undefined;
  userIdentity?: Identity;
};
export type LibLike = { common?: LibCommon; user?: LibUser; count?: number; total?: string | number };
export type LibMember = { common?: LibCommon; user?: LibUser; action?: number };
export type LibRoomUser = { common?: LibCommon; total?: string | number; totalUser?: string | number };
export type LibSocial = { common?: LibCommon; user?: LibUser };
export type LibControl = { common?: LibCommon; action?: number };
/** WebcastSubNotifyMessage: a LIVE subscription (`subMonth`, int64 as a string). */
export type LibSubscribe = { common?: LibCommon; user?: LibUser; subMonth?: string | number };

/** One library event, tagged with the library's event name. */
export type RawMessage =
  | { kind: 'chat'; data: LibChat }
  | { kind: 'gift'; data: LibGift }
  | { kind: 'like'; data: LibLike }
  | { kind: 'member'; data: LibMember }
  | { kind: 'roomUser'; data: LibRoomUser }
  | { kind: 'follow'; data: LibSocial }
  | { kind: 'share'; data: LibSocial }
  | { kind: 'subscribe'; data: LibSubscribe }
  | { kind: 'controlMessage'; data: LibControl };

const STREAKABLE_GIFT_TYPE = 1;
const MEMBER_JOINED = 1;
const CONTROL_STREAM_ENDED = 3;
const CONTROL_STREAM_SUSPENDED = 4;
/** TikTok's generated default handles ("user8372615490") are names we replace when a real one arrives. */
const GENERATED_HANDLE = /^user\d{5,}$/;

const toNumber = (value: string | number | undefined): number => {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

export function toViewer(user: LibUser | undefined, identity?: Identity): ViewerRef | undefined {
  const userId = user?.idStr || user?.id;
  if (!userId || userId === '0') return undefined;
  const handle = displayText(user?.displayId ?? '').trim();
  const nickname = displayText(user?.nickname ?? '').trim();
  return {
    userId,
    handle: handle || `user${userId}`,
    nickname: nickname || handle || `user${userId}`,
    avatarUrl: user?.avatarThumb?.urlList?.[0] ?? null,
    placeholder: handle === '' || GENERATED_HANDLE.test(handle),
    isFollower: Boolean(identity?.isFollowerOfAnchor) || toNumber(user?.followInfo?.followStatus) >= 1,
  };
}

type GiftPayload = Omit<GiftProgressEvent, 'type' | 'repeatCount' | 'msgId' | 'at'>;

export type NormaliserStats = { messages: number; duplicates: number; withoutUser: number; openStreaks: number };

export class Normaliser {
  private readonly seen = new SeenIds();
  private readonly streaks: StreakTracker<GiftPayload>;
  private lastEventAt = 0;
  private lastEventWallAt = 0;
  private readonly counters = { messages: 0, duplicates: 0, withoutUser: 0 };

  constructor(
    readonly roomId: string,
    private readonly options: { streakTimeoutMs?: number; now?: () => number; /** added to TikTok's times (demo replays moved to the present) */ timeOffsetMs?: number } = {},
  ) {
    this.streaks = new StreakTracker(options.streakTimeoutMs ?? DEFAULT_STREAK_TIMEOUT_MS);
  }

  get stats(): NormaliserStats {
    return { ...this.counters, openStreaks: this.streaks.openCount };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Normalises one library event. Returns the domain events it produced (often none or one). */
  push(raw: RawMessage): LiveEvent[] {
    this.counters.messages++;
    const common = raw.data.common;
    const createTime = toNumber(common?.createTime);
    const at = createTime ? createTime + (this.options.timeOffsetMs ?? 0) : this.now();
    const msgId = common?.msgId && common.msgId !== '0' ? common.msgId : undefined;
    if (msgId && !this.seen.add(raw.kind, msgId)) {
      this.counters.duplicates++;
      return [];
    }
    const out = this.advance(at);
    const id = msgId ?? `x${at}${this.counters.messages}`;
    const base = { msgId: id, roomId: common?.roomId || this.roomId, at };
    const event = this.convert(raw, base);
    if (event) out.push(event);
    return out;
  }

  /** Closes streaks that went quiet, on the events' clock extrapolated by wall time since the last one. */
  tick(): GiftEvent[] {
    if (this.lastEventAt === 0) return [];
    return this.streaks.expire(this.lastEventAt + (this.now() - this.lastEventWallAt)).map((c) => this.completedGift(c));
  }

  /** Closes every open streak (stream end, disconnect, shutdown). */
  finish(): GiftEvent[] {
    return this.streaks.closeAll().map((c) => this.completedGift(c));
  }

  private advance(at: number): LiveEvent[] {
    if (at >= this.lastEventAt) {
      this.lastEventAt = at;
      this.lastEventWallAt = this.now();
    }
    return this.streaks.expire(this.lastEventAt).map((c) => this.completedGift(c));
  }

  // Events are built as plain literals, not by spreading `base`: spreads cost a few µs per message here.
  private convert(raw: RawMessage, base: { msgId: string; roomId: string; at: number }): LiveEvent | undefined {
    switch (raw.kind) {
      case 'chat': {
        const viewer = this.viewer(raw.data.user, raw.data.userIdentity);
        if (!viewer) return undefined;
        return {
          msgId: base.msgId,
          roomId: base.roomId,
          at: base.at,
          type: 'chat',
          viewer,
          content: displayText(raw.data.content ?? ''),
          isModerator: Boolean(raw.data.userIdentity?.isModeratorOfAnchor),
          isSubscriber: Boolean(raw.data.userIdentity?.isSubscriberOfAnchor),
        };
      }
      case 'gift':
        return this.gift(raw.data, base);
      case 'like': {
        const viewer = this.viewer(raw.data.user);
        if (!viewer) return undefined;
        return { msgId: base.msgId, roomId: base.roomId, at: base.at, type: 'like', viewer, count: Math.max(0, toNumber(raw.data.count)), total: toNumber(raw.data.total) };
      }
      case 'member': {
        if (raw.data.action !== undefined && raw.data.action !== MEMBER_JOINED) return undefined;
        const viewer = this.viewer(raw.data.user);
        return viewer ? { msgId: base.msgId, roomId: base.roomId, at: base.at, type: 'member', viewer } : undefined;
      }
      case 'roomUser':
        return { msgId: base.msgId, roomId: base.roomId, at: base.at, type: 'viewers', viewers: toNumber(raw.data.total), totalUsers: toNumber(raw.data.totalUser) };
      case 'follow':
      case 'share': {
        const viewer = this.viewer(raw.data.user);
        return viewer ? { msgId: base.msgId, roomId: base.roomId, at: base.at, type: raw.kind, viewer } : undefined;
      }
      case 'subscribe': {
        const viewer = this.viewer(raw.data.user);
        return viewer ? { msgId: base.msgId, roomId: base.roomId, at: base.at, type: 'subscribe', viewer, months: Math.max(1, toNumber(raw.data.subMonth)) } : undefined;
      }
      case 'controlMessage': {
        const action = raw.data.action;
        if (action !== CONTROL_STREAM_ENDED && action !== CONTROL_STREAM_SUSPENDED) return undefined;
        return { ...base, type: 'stream-end', reason: action === CONTROL_STREAM_ENDED ? 'ended' : 'suspended' };
      }
    }
  }

  private viewer(user: LibUser | undefined, identity?: Identity): ViewerRef | undefined {
    const viewer = toViewer(user, identity);
    if (!viewer) this.counters.withoutUser++;
    return viewer;
  }

  private gift(data: LibGift, base: { msgId: string; roomId: string; at: number }): GiftEvent | GiftProgressEvent | undefined {
    const viewer = this.viewer(data.user, data.userIdentity);
    const giftId = String(data.giftId || data.gift?.id || '');
    if (!viewer || !giftId) return undefined;
    const diamondCount = Math.max(0, toNumber(data.gift?.diamondCount));
    const repeatCount = Math.max(1, toNumber(data.repeatCount));
    const giftName = displayText(data.gift?.name ?? '') || `Gift ${giftId}`;
    const imageUrl = data.gift?.image?.urlList?.[0] ?? null;
    const { msgId, roomId, at } = base;
    if (data.gift?.type !== STREAKABLE_GIFT_TYPE) {
      const diamonds = diamondCount * repeatCount;
      return { msgId, roomId, at, type: 'gift', viewer, giftId, giftName, diamondCount, imageUrl, repeatCount, diamonds, streakable: false, timeoutClosed: false, dedupeKey: `m:${msgId}` };
    }
    const key = `${viewer.userId}:${giftId}:${data.groupId || '0'}`;
    const dedupeKey = `s:${key}`;
    const closed = this.streaks.push(
      { key, repeatCount, repeatEnd: toNumber(data.repeatEnd) === 1, at, msgId },
      { roomId, viewer, giftId, giftName, diamondCount, imageUrl, dedupeKey },
    );
    if (closed) return this.completedGift(closed);
    return { msgId, roomId, at, type: 'gift-progress', viewer, giftId, giftName, diamondCount, imageUrl, repeatCount, dedupeKey };
  }

  private completedGift(close: StreakClose<GiftPayload>): GiftEvent {
    const p = close.payload;
    return {
      msgId: close.msgId,
      roomId: p.roomId,
      at: close.at,
      type: 'gift',
      viewer: p.viewer,
      giftId: p.giftId,
      giftName: p.giftName,
      diamondCount: p.diamondCount,
      imageUrl: p.imageUrl,
      dedupeKey: p.dedupeKey,
      repeatCount: close.repeatCount,
      diamonds: p.diamondCount * close.repeatCount,
      streakable: true,
      timeoutClosed: close.timeoutClosed,
    };
  }
}
