// The platform-neutral event vocabulary (issue 20, item 2): what any live platform's normaliser emits.
// TikTok's pipeline still uses lib/live/events.ts; it moves onto this vocabulary with the platform model.
// Values are in the platform's own unit (`valueUnit`: TikTok diamonds, Bilibili gold coins).

export type Platform = 'tiktok' | 'bilibili';
export type ValueUnit = 'diamonds' | 'gold';

export type PlatformViewer = {
  /** The platform's numeric user id, as a string ("0" when the platform hid it). */
  userId: string;
  /** Display name; Bilibili masks it (e.g. `用***`) for connections without a logged-in cookie. */
  name: string;
  avatarUrl: string | null;
};

type Base = {
  platform: Platform;
  /** Idempotency key: the same message, however many times it was received, has the same key. */
  key: string;
  /** Milliseconds since the epoch, from the message where it has a time, else when it was received. */
  at: number;
};

export type PlatformChat = Base & { type: 'chat'; viewer: PlatformViewer; content: string };
export type PlatformGift = Base & {
  type: 'gift';
  viewer: PlatformViewer;
  giftId: string;
  giftName: string;
  count: number;
  /** What the gift is worth in `unit`; 0 for gifts bought with free currency (Bilibili's silver). */
  value: number;
  unit: ValueUnit;
  /** Bought with the platform's paid currency (Bilibili: `coin_type` gold). */
  paid: boolean;
};
export type PlatformSuperChat = Base & { type: 'super-chat'; viewer: PlatformViewer; content: string; value: number; unit: ValueUnit; price: number; currency: string };
export type PlatformGuard = Base & { type: 'guard'; viewer: PlatformViewer; level: number; levelName: string; count: number; value: number; unit: ValueUnit };
/** `total`: the room's running like count when the platform sends it, else null (one viewer's tap). */
export type PlatformLike = Base & { type: 'like'; viewer: PlatformViewer | null; total: number | null };
export type PlatformMember = Base & { type: 'member'; viewer: PlatformViewer };
export type PlatformFollow = Base & { type: 'follow'; viewer: PlatformViewer };
export type PlatformShare = Base & { type: 'share'; viewer: PlatformViewer };
export type PlatformViewers = Base & { type: 'viewers'; viewers: number };
export type PlatformStreamStart = Base & { type: 'stream-start'; startedAt: number | null };
export type PlatformStreamEnd = Base & { type: 'stream-end'; reason: 'ended' | 'suspended' };

export type PlatformEvent =
  | PlatformChat
  | PlatformGift
  | PlatformSuperChat
  | PlatformGuard
  | PlatformLike
  | PlatformMember
  | PlatformFollow
  | PlatformShare
  | PlatformViewers
  | PlatformStreamStart
  | PlatformStreamEnd;

export type PlatformEventType = PlatformEvent['type'];

/** A session's totals in the form `npm run replay` prints them (issue 20, item 4). */
export type SessionTotals = {
  platform: Platform;
  valueUnit: ValueUnit;
  value: number;
  gifts: number;
  superChats: number;
  guards: number;
  comments: number;
  likes: number;
  follows: number;
  shares: number;
  peakViewers: number;
  uniqueGifters: number;
};
