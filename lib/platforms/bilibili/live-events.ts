// Bilibili's platform-neutral events (lib/platforms/events.ts) → the domain events the worker's sinks take
// (lib/live/events.ts): the write pipeline, the fan-out, games, wheels and metrics store and show a Bilibili
// live as they do a TikTok one. What changes on the way:
// - Ids are namespaced: a viewer's id is `bilibili:<uid>` and a gift's `bilibili:<gift id>`, so they never
//   meet TikTok's in tables keyed by those ids (viewers, gift_types, an overlay's gift rules). A uid has no
//   @handle: the handle is the uid, the nickname Bilibili's name, and the viewer is a placeholder (names
//   may be masked, `用***`, and are never claimed from another viewer as TikTok handles are).
// - Super Chats and guard purchases are gifts of another kind (`super_chat`, `guard`): their value adds to
//   the live's, they are counted apart from gifts (docs/bilibili-counting.md).
// - Value is in gold coins, stored where TikTok's diamonds are (lives.diamonds holds the platform's unit,
//   lib/platforms/units.ts).
// - A tap (LIKE_INFO_V3_CLICK) is a like of one viewer; the room's running total (LIKE_INFO_V3_UPDATE) is
//   a `like-total`, with no viewer.
import type { GiftEvent, LiveEvent, ViewerRef } from '@/lib/live/events';
import type { PlatformEvent, PlatformViewer } from '@/lib/platforms/events';
import { BILIBILI_ID_PREFIX } from '@/lib/platforms/ids';

export function bilibiliViewer(viewer: PlatformViewer): ViewerRef {
  const name = viewer.name.trim();
  return {
    userId: `${BILIBILI_ID_PREFIX}${viewer.userId}`,
    handle: viewer.userId,
    nickname: name === '' ? viewer.userId : name,
    avatarUrl: viewer.avatarUrl,
    placeholder: true,
    isFollower: false,
  };
}

export const SUPER_CHAT_GIFT_ID = `${BILIBILI_ID_PREFIX}super-chat`;
export const guardGiftId = (level: number) => `${BILIBILI_ID_PREFIX}guard-${level}`;

/** Maps one room's events; keeps the room's like total so a tap never lowers it. */
export class BilibiliEventMapper {
  private likes = 0;

  constructor(private readonly roomId: string) {}

  map(events: readonly PlatformEvent[]): LiveEvent[] {
    const out: LiveEvent[] = [];
    for (const event of events) {
      const mapped = this.one(event);
      if (mapped) out.push(mapped);
    }
    return out;
  }

  // Objects are built field by field, without spreading a shared base: V8 clones a spread object and then
  // adds each further field one by one, which made this mapping cost as much as decoding the packet.
  private one(event: PlatformEvent): LiveEvent | null {
    const msgId = event.key;
    const roomId = this.roomId;
    const at = event.at;
    switch (event.type) {
      case 'chat':
        return { msgId, roomId, at, type: 'chat', viewer: bilibiliViewer(event.viewer), content: event.content, isModerator: false, isSubscriber: false };
      case 'gift': {
        const count = event.count > 0 ? event.count : 1;
        return this.gift(msgId, at, event.viewer, 'gift', `${BILIBILI_ID_PREFIX}${event.giftId}`, event.giftName, count, event.value, undefined);
      }
      case 'super-chat':
        return this.gift(msgId, at, event.viewer, 'super_chat', SUPER_CHAT_GIFT_ID, 'Super Chat', 1, event.value, event.content);
      case 'guard':
        return this.gift(msgId, at, event.viewer, 'guard', guardGiftId(event.level), event.levelName, event.count > 0 ? event.count : 1, event.value, undefined);
      case 'like':
        if (event.total !== null) {
          this.likes = Math.max(this.likes, event.total);
          return { msgId, roomId, at, type: 'like-total', total: event.total };
        }
        return event.viewer ? { msgId, roomId, at, type: 'like', viewer: bilibiliViewer(event.viewer), count: 1, total: this.likes } : null;
      case 'member':
        return { msgId, roomId, at, type: 'member', viewer: bilibiliViewer(event.viewer) };
      case 'follow':
        return { msgId, roomId, at, type: 'follow', viewer: bilibiliViewer(event.viewer) };
      case 'share':
        return { msgId, roomId, at, type: 'share', viewer: bilibiliViewer(event.viewer) };
      case 'viewers':
        return { msgId, roomId, at, type: 'viewers', viewers: event.viewers, totalUsers: event.viewers };
      case 'stream-end':
        return { msgId, roomId, at, type: 'stream-end', reason: event.reason };
      case 'stream-start':
        return null;
    }
  }

  private gift(msgId: string, at: number, viewer: PlatformViewer, kind: NonNullable<GiftEvent['kind']>, giftId: string, giftName: string, count: number, value: number, message: string | undefined): GiftEvent {
    const total = Math.max(0, Math.round(value));
    const gift: GiftEvent = {
      msgId,
      roomId: this.roomId,
      at,
      type: 'gift',
      kind,
      viewer: bilibiliViewer(viewer),
      giftId,
      giftName,
      // The value of one, rounded: `diamonds` (the total) is what is counted, exactly.
      diamondCount: Math.round(total / count),
      repeatCount: count,
      diamonds: total,
      streakable: false,
      timeoutClosed: false,
      // Stored as they come (`gift:<tid>`, `sc:<id>`, `guard:#<hash>`): one paid event, one row.
      dedupeKey: msgId,
      imageUrl: null,
    };
    if (message !== undefined) gift.message = message;
    return gift;
  }
}

