// Domain events: what LiveLens keeps from a TikTok LIVE room, independent of the library's message
// shapes. Ids are strings (TikTok's are 64-bit); times are milliseconds since the epoch.

export type ViewerRef = {
  /** TikTok's numeric user id, as a string. */
  userId: string;
  /** The @handle, or a generated `user<id>` placeholder when TikTok did not send one. */
  handle: string;
  nickname: string;
  avatarUrl: string | null;
  /** True when `handle` is a placeholder we made up (or TikTok's own generated `user123…` name). */
  placeholder: boolean;
  /** Whether the viewer follows the streamer, when the message says so. */
  isFollower: boolean;
};

type Base = {
  /** TikTok's message id; for a streak, the id of the frame that completed it. */
  msgId: string;
  roomId: string;
  at: number;
};

export type ChatEvent = Base & { type: 'chat'; viewer: ViewerRef; content: string; isModerator: boolean; isSubscriber: boolean };

/**
 * What a paid event is: a gift (TikTok's, Bilibili's SEND_GIFT), or one of Bilibili's paid messages (a
 * Super Chat) or guard (membership) purchases, stored beside gifts but counted apart (docs/bilibili-counting.md).
 */
export type GiftKind = 'gift' | 'super_chat' | 'guard';

export type GiftEvent = Base & {
  type: 'gift';
  /** Absent: a gift. */
  kind?: GiftKind;
  /** A Super Chat's text. */
  message?: string;
  viewer: ViewerRef;
  giftId: string;
  giftName: string;
  /** Value of one gift. */
  diamondCount: number;
  repeatCount: number;
  /** diamondCount × repeatCount: what this completed gift is worth. */
  diamonds: number;
  streakable: boolean;
  /** The streak's end frame never came: closed after the quiet period with its last count. */
  timeoutClosed: boolean;
  /** Idempotency key: one completed gift, however many frames or replays carried it. */
  dedupeKey: string;
  imageUrl: string | null;
};

/** A streak still running (not counted yet): for "x12 and counting" displays. */
export type GiftProgressEvent = Base & {
  type: 'gift-progress';
  viewer: ViewerRef;
  giftId: string;
  giftName: string;
  diamondCount: number;
  repeatCount: number;
  dedupeKey: string;
  imageUrl: string | null;
};

export type LikeEvent = Base & { type: 'like'; viewer: ViewerRef; count: number; /** room total as TikTok reports it */ total: number };
/** The room's running like count with no viewer attached (Bilibili's LIKE_INFO_V3_UPDATE). */
export type LikeTotalEvent = Base & { type: 'like-total'; total: number };
export type MemberEvent = Base & { type: 'member'; viewer: ViewerRef };
export type FollowEvent = Base & { type: 'follow'; viewer: ViewerRef };
/** A viewer subscribed to the creator (TikTok LIVE subscriptions; `months`: how long, when TikTok says). Counted nowhere yet: alerts only. */
export type SubscribeEvent = Base & { type: 'subscribe'; viewer: ViewerRef; months: number };
export type ShareEvent = Base & { type: 'share'; viewer: ViewerRef };
export type ViewerCountEvent = Base & { type: 'viewers'; viewers: number; totalUsers: number };
export type StreamEndEvent = Base & { type: 'stream-end'; reason: 'ended' | 'suspended' };

export type LiveEvent =
  | ChatEvent
  | GiftEvent
  | GiftProgressEvent
  | LikeEvent
  | LikeTotalEvent
  | MemberEvent
  | FollowEvent
  | SubscribeEvent
  | ShareEvent
  | ViewerCountEvent
  | StreamEndEvent;

export type LiveEventType = LiveEvent['type'];
