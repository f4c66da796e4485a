// Builds real TikTok LIVE websocket frames with tiktok-live-connector's own protobuf codecs (v3): the
// messages a room sends, wrapped in ProtoMessageFetchResult, gzipped into a WebcastPushFrame — the bytes
// a real connection's `websocketData` event delivers. Used by the synthetic session generator, tests and
// the local websocket server of the load bench.
import { gzipSync } from 'node:zlib';
import {
  BaseProtoMessage,
  CommonMessageData,
  ControlAction,
  createBaseWebcastPushFrame,
  FollowInfo,
  Gift,
  ImageModel,
  MessageCommonText,
  ProtoMessageFetchResult,
  User,
  UserIdentity,
  WebcastChatMessage,
  WebcastControlMessage,
  WebcastGiftMessage,
  WebcastLikeMessage,
  WebcastMemberMessage,
  WebcastRoomUserSeqMessage,
  WebcastSocialMessage,
  WebcastSubNotifyMessage,
} from 'tiktok-live-connector';

// ts-proto encoders need every field present: start from a decoded empty message and assign fields.
type Codec<T> = { decode(input: Uint8Array): T; encode(message: T): { finish(): Uint8Array } };
function make<T extends object>(codec: Codec<T>, fields: Partial<T>): T {
  return Object.assign(codec.decode(new Uint8Array(0)), fields);
}

export type SynthUser = { id: string; handle: string; nickname: string; follower: boolean };
export type SynthGift = { id: string; name: string; diamondCount: number; streakable: boolean };

export type SynthMessage =
  | { type: 'chat'; msgId: string; at: number; user: SynthUser; content: string }
  | { type: 'gift'; msgId: string; at: number; user: SynthUser; gift: SynthGift; repeatCount: number; repeatEnd: boolean; groupId: string }
  | { type: 'like'; msgId: string; at: number; user: SynthUser; count: number; total: number }
  | { type: 'member'; msgId: string; at: number; user: SynthUser }
  | { type: 'follow' | 'share'; msgId: string; at: number; user: SynthUser }
  | { type: 'subscribe'; msgId: string; at: number; user: SynthUser; months: number }
  | { type: 'viewers'; msgId: string; at: number; viewers: number; totalUsers: number }
  | { type: 'end'; msgId: string; at: number };

function user(u: SynthUser) {
  return make(User, {
    id: u.id,
    idStr: u.id,
    displayId: u.handle,
    nickname: u.nickname,
    secUid: `MS4wLjABAAAA-${u.id}`,
    avatarThumb: make(ImageModel, { urlList: [`https://p16-sign.tiktokcdn.example/${u.id}~100x100.webp`] }),
    followInfo: make(FollowInfo, { followStatus: u.follower ? '1' : '0', followerCount: '12', followingCount: '80' }),
  });
}

function common(method: string, msgId: string, roomId: string, at: number, displayKey?: string) {
  return make(CommonMessageData, {
    method,
    msgId,
    roomId,
    createTime: String(at),
    ...(displayKey ? { displayText: make(MessageCommonText, { key: displayKey }) } : {}),
  });
}

function encoded<T extends object>(method: string, codec: Codec<T>, message: T, msgId: string) {
  return make(BaseProtoMessage, { method, payload: Buffer.from(codec.encode(message).finish()), msgId });
}

function encodeMessage(m: SynthMessage, roomId: string) {
  switch (m.type) {
    case 'chat':
      return encoded('WebcastChatMessage', WebcastChatMessage, make(WebcastChatMessage, {
        common: common('WebcastChatMessage', m.msgId, roomId, m.at),
        user: user(m.user),
        content: m.content,
        userIdentity: make(UserIdentity, { isFollowerOfAnchor: m.user.follower }),
      }), m.msgId);
    case 'gift':
      return encoded('WebcastGiftMessage', WebcastGiftMessage, make(WebcastGiftMessage, {
        common: common('WebcastGiftMessage', m.msgId, roomId, m.at),
        giftId: m.gift.id,
        user: user(m.user),
        gift: make(Gift, {
          id: m.gift.id,
          name: m.gift.name,
          diamondCount: m.gift.diamondCount,
          type: m.gift.streakable ? 1 : 2,
          combo: m.gift.streakable,
          image: make(ImageModel, { urlList: [`https://p16-webcast.tiktokcdn.example/gift/${m.gift.id}.png`] }),
        }),
        repeatCount: m.repeatCount,
        comboCount: m.repeatCount,
        repeatEnd: m.repeatEnd ? 1 : 0,
        groupId: m.groupId,
        groupCount: 1,
        userIdentity: make(UserIdentity, { isFollowerOfAnchor: m.user.follower }),
      }), m.msgId);
    case 'like':
      return encoded('WebcastLikeMessage', WebcastLikeMessage, make(WebcastLikeMessage, {
        common: common('WebcastLikeMessage', m.msgId, roomId, m.at),
        user: user(m.user),
        count: m.count,
        total: String(m.total),
      }), m.msgId);
    case 'member':
      return encoded('WebcastMemberMessage', WebcastMemberMessage, make(WebcastMemberMessage, {
        common: common('WebcastMemberMessage', m.msgId, roomId, m.at),
        user: user(m.user),
        action: 1,
        memberCount: 1,
      }), m.msgId);
    case 'follow':
    case 'share':
      return encoded('WebcastSocialMessage', WebcastSocialMessage, make(WebcastSocialMessage, {
        common: common('WebcastSocialMessage', m.msgId, roomId, m.at, m.type === 'follow' ? 'pm_main_follow_message_viewer_2' : 'pm_mt_guidance_share'),
        user: user(m.user),
        action: m.type === 'follow' ? '1' : '3',
        followCount: '1000',
      }), m.msgId);
    case 'subscribe':
      return encoded('WebcastSubNotifyMessage', WebcastSubNotifyMessage, make(WebcastSubNotifyMessage, {
        common: common('WebcastSubNotifyMessage', m.msgId, roomId, m.at),
        user: user(m.user),
        subMonth: String(m.months),
      }), m.msgId);
    case 'viewers':
      return encoded('WebcastRoomUserSeqMessage', WebcastRoomUserSeqMessage, make(WebcastRoomUserSeqMessage, {
        common: common('WebcastRoomUserSeqMessage', m.msgId, roomId, m.at),
        total: String(m.viewers),
        totalUser: String(m.totalUsers),
      }), m.msgId);
    case 'end':
      return encoded('WebcastControlMessage', WebcastControlMessage, make(WebcastControlMessage, {
        common: common('WebcastControlMessage', m.msgId, roomId, m.at),
        action: ControlAction.CONTROL_ACTION_STREAM_ENDED,
      }), m.msgId);
  }
}

/** One websocket frame carrying `messages`, as TikTok's push server sends it. */
export function encodePushFrame(messages: SynthMessage[], roomId: string, at: number, logId = '0'): Buffer {
  const result = make(ProtoMessageFetchResult, {
    messages: messages.map((m) => encodeMessage(m, roomId)),
    cursor: `${at}_cursor`,
    internalExt: `internal_ext:${at}`,
    fetchInterval: '1000',
    now: String(at),
  });
  const payload = gzipSync(ProtoMessageFetchResult.encode(result).finish());
  return Buffer.from(createBaseWebcastPushFrame({ logId, payloadType: 'msg', payload }).finish());
}
