// Bilibili message bodies for synthetic sessions, shaped like the real ones in ../shared/captures/bilibili
// (only the fields a consumer reads, plus a few for realism). Gift prices in gold coins are those seen in
// the captures (小花花 100, 粉丝团灯牌 1000, 泡泡糖 1100, 干杯 6600; 辣条 is a silver gift); the large gifts
// are illustrative. Guard prices are Bilibili's monthly list prices (舰长 198 CNY = 198,000 gold).
import { encodeInteractWordV2 } from '@/lib/platforms/bilibili/interact-word-v2';

export type SynthViewer = { uid: number; name: string };
export type SynthGiftKind = { id: number; name: string; price: number; coin: 'gold' | 'silver'; weight: number };

export const SYNTH_GIFTS: readonly SynthGiftKind[] = [
  { id: 1, name: '辣条', price: 100, coin: 'silver', weight: 30 },
  { id: 31531, name: 'PK票', price: 0, coin: 'silver', weight: 5 },
  { id: 31036, name: '小花花', price: 100, coin: 'gold', weight: 30 },
  { id: 31164, name: '粉丝团灯牌', price: 1000, coin: 'gold', weight: 12 },
  { id: 31817, name: '泡泡糖', price: 1100, coin: 'gold', weight: 8 },
  { id: 31251, name: '干杯', price: 6600, coin: 'gold', weight: 4 },
  { id: 30758, name: '告白气球', price: 52000, coin: 'gold', weight: 1 },
];

export const SYNTH_GUARDS = [
  { level: 3, name: '舰长', price: 198_000, weight: 20 },
  { level: 2, name: '提督', price: 1_998_000, weight: 2 },
  { level: 1, name: '总督', price: 19_998_000, weight: 0.2 },
] as const;

const sec = (ms: number) => Math.floor(ms / 1000);

export function danmakuMessage(options: { who: SynthViewer; text: string; at: number; rnd: number; idStr?: string; suffix?: boolean }): Record<string, unknown> {
  const extra = options.idStr ? JSON.stringify({ id_str: options.idStr, content: options.text, mode: 0 }) : '';
  return {
    cmd: options.suffix ? 'DANMU_MSG:4:0:2:2:2:0' : 'DANMU_MSG',
    info: [
      [0, 1, 25, 16777215, options.at, options.rnd, 0, (options.rnd >>> 0).toString(16).slice(0, 8), 0, 0, 0, '', 0, '{}', '{}', options.idStr ? { mode: 0, extra } : {}],
      options.text,
      [options.who.uid, options.who.name, 0, 0, 0, 10000, 1, ''],
      [],
      [0, 0, 9868950, '>50000', 0],
      ['', ''],
      0,
      0,
      null,
      { ts: sec(options.at), ct: (options.rnd >>> 0).toString(16).toUpperCase().padStart(8, '0') },
      0,
      0,
      null,
      null,
      0,
      105,
    ],
  };
}

export function sendGiftMessage(options: { who: SynthViewer; gift: SynthGiftKind; num: number; at: number; tid: string; comboId?: string }): Record<string, unknown> {
  return {
    cmd: 'SEND_GIFT',
    data: {
      action: '投喂',
      batch_combo_id: options.comboId ?? '',
      coin_type: options.gift.coin,
      discount_price: options.gift.coin === 'gold' ? options.gift.price : 0,
      face: `https://i0.hdslb.com/bfs/face/${options.who.uid}.jpg`,
      giftId: options.gift.id,
      giftName: options.gift.name,
      giftType: options.gift.coin === 'gold' ? 0 : 5,
      num: options.num,
      price: options.gift.price,
      rnd: options.tid,
      tid: options.tid,
      timestamp: sec(options.at),
      total_coin: options.gift.price * options.num,
      uid: options.who.uid,
      uname: options.who.name,
    },
  };
}

export function comboSendMessage(options: { who: SynthViewer; gift: SynthGiftKind; comboNum: number; comboId: string }): Record<string, unknown> {
  return {
    cmd: 'COMBO_SEND',
    data: {
      action: '投喂',
      batch_combo_id: `batch:${options.comboId}`,
      batch_combo_num: options.comboNum,
      combo_id: options.comboId,
      combo_num: options.comboNum,
      combo_total_coin: options.gift.price * options.comboNum,
      gift_id: options.gift.id,
      gift_name: options.gift.name,
      gift_num: 0,
      total_num: options.comboNum,
      uid: options.who.uid,
      uname: options.who.name,
    },
  };
}

export function superChatMessages(options: { who: SynthViewer; id: number; price: number; text: string; at: number; withJpn: boolean }): Record<string, unknown>[] {
  const start = sec(options.at);
  const main = {
    cmd: 'SUPER_CHAT_MESSAGE',
    data: {
      id: options.id,
      uid: options.who.uid,
      price: options.price,
      rate: 1000,
      message: options.text,
      start_time: start,
      end_time: start + 60,
      time: 60,
      gift: { gift_id: 12000, gift_name: '醒目留言', num: 1 },
      user_info: { uname: options.who.name, face: `https://i0.hdslb.com/bfs/face/${options.who.uid}.jpg` },
    },
    roomid: 0,
  };
  if (!options.withJpn) return [main];
  // The translated repeat: ids and uids as strings, as the real one sends them.
  const jpn = { cmd: 'SUPER_CHAT_MESSAGE_JPN', data: { id: String(options.id), uid: String(options.who.uid), price: options.price, rate: 1000, message: options.text, message_jpn: '', ts: start, user_info: { uname: options.who.name } } };
  return [main, jpn];
}

export function guardMessages(options: { who: SynthViewer; level: number; name: string; price: number; num: number; at: number; payflow: string }): Record<string, unknown>[] {
  const start = sec(options.at);
  return [
    { cmd: 'GUARD_BUY', data: { uid: options.who.uid, username: options.who.name, guard_level: options.level, num: options.num, price: options.price, gift_id: 10000 + options.level, gift_name: options.name, start_time: start, end_time: start } },
    {
      cmd: 'USER_TOAST_MSG',
      data: { uid: options.who.uid, username: options.who.name, guard_level: options.level, num: options.num, price: options.price, role_name: options.name, unit: '月', payflow_id: options.payflow, start_time: start, end_time: start, toast_msg: `<%${options.who.name}%> 开通了${options.name}` },
    },
  ];
}

/** A broadcast about a guard bought in another room (never a gift here). */
export function noticeMessage(options: { otherRoom: number; who: string; at: number }): Record<string, unknown> {
  return { cmd: 'NOTICE_MSG', id: 755, name: '【新】舰长跑马灯', msg_type: 3, msg_common: `<%${options.who}%> 在主播的房间开通了舰长`, real_roomid: options.otherRoom, roomid: options.otherRoom, link_url: `https://live.bilibili.com/${options.otherRoom}`, shield_uid: -1, business_id: '', scatter: { min: 0, max: 0 }, marquee_id: '', notice_type: 0, ts: sec(options.at) };
}

export function interactMessage(options: { who: SynthViewer; msgType: number; roomId: number; at: number; seq: number; v2: boolean }): Record<string, unknown> {
  const triggerTime = `${options.at}${String(options.seq % 1_000_000).padStart(6, '0')}`;
  if (options.v2) {
    return { cmd: 'INTERACT_WORD_V2', data: { dmscore: 12, pb: encodeInteractWordV2({ uid: String(options.who.uid), uname: options.who.name, msgType: options.msgType, roomId: String(options.roomId), timestamp: sec(options.at), triggerTime }) } };
  }
  return { cmd: 'INTERACT_WORD', data: { uid: options.who.uid, uname: options.who.name, msg_type: options.msgType, roomid: options.roomId, timestamp: sec(options.at), trigger_time: Number(triggerTime), identities: [1] } };
}

export function likeClickMessage(who: SynthViewer, seq: number): Record<string, unknown> {
  return { cmd: 'LIKE_INFO_V3_CLICK', data: { uid: who.uid, uname: who.name, like_text: '为主播点赞了', msg_type: 6, show_area: 0, dmscore: seq % 50 } };
}
