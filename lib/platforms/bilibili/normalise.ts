// Bilibili commands → platform-neutral events (lib/platforms/events.ts). Each command either becomes
// events, is known and deliberately left out (with the reason, docs/bilibili-counting.md), or is unknown;
// nothing here throws for a command it does not understand. Keys make a message received twice (a
// duplicate packet, a reconnect) the same event: SEND_GIFT by `tid`, super chats by `id`, danmaku by
// `id_str` where sent, everything else by a hash of its full JSON text.
import { createHash } from 'node:crypto';
import type { PlatformEvent, PlatformViewer } from '@/lib/platforms/events';
import type { BilibiliCommand } from '@/lib/platforms/bilibili/packet';
import { decodeInteractWordV2 } from '@/lib/platforms/bilibili/interact-word-v2';

export type NormaliseResult =
  | { kind: 'events'; events: PlatformEvent[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'unknown' };

/** Known commands that add nothing to a session, and why (docs/bilibili-counting.md). */
export const IGNORED_COMMANDS: Readonly<Record<string, string>> = {
  COMBO_SEND: 'summarises SEND_GIFT messages already counted',
  USER_TOAST_MSG: 'repeats a GUARD_BUY',
  NOTICE_MSG: 'a platform-wide broadcast, often about another room',
  SUPER_CHAT_MESSAGE_JPN: 'repeats a SUPER_CHAT_MESSAGE with a translation',
  SUPER_CHAT_MESSAGE_DELETE: 'hides a super chat that was already paid',
  RECALL_DANMU_MSG: 'withdraws a danmaku; comments never go down',
  LIVE_INTERACTIVE_GAME: 'repeats a danmaku for interactive games',
  WATCHED_CHANGE: 'how many people ever watched, not viewers now',
  ENTRY_EFFECT: 'an entrance animation; the enter itself comes as INTERACT_WORD',
};

const GUARD_NAMES: Readonly<Record<number, string>> = { 1: '总督', 2: '提督', 3: '舰长' };

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
function idOf(value: unknown): string {
  const n = num(value);
  return n === undefined ? '0' : String(Math.trunc(n));
}
function hashKey(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 22);
}
function viewer(uid: unknown, name: unknown, face?: unknown): PlatformViewer {
  const avatar = str(face);
  return { userId: idOf(uid), name: str(name) ?? '', avatarUrl: avatar && avatar !== '' ? avatar : null };
}
/** `uinfo.base` carries the name on newer messages, `uname` on older ones. */
function namedViewer(data: Json): PlatformViewer {
  const base = object(object(data.uinfo)?.base);
  return viewer(data.uid, str(data.uname) ?? base?.name, data.face ?? base?.face);
}
function secondsToMs(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && n > 0 ? n * 1000 : undefined;
}

const base = (key: string, at: number) => ({ platform: 'bilibili' as const, key, at });

function danmaku(command: BilibiliCommand, receivedAt: number): NormaliseResult {
  const info = command.data.info;
  if (!Array.isArray(info)) return { kind: 'malformed', reason: 'DANMU_MSG without info' };
  const meta: unknown[] = Array.isArray(info[0]) ? (info[0] as unknown[]) : [];
  const user: unknown[] = Array.isArray(info[2]) ? (info[2] as unknown[]) : [];
  const content = str(info[1]);
  if (content === undefined) return { kind: 'malformed', reason: 'DANMU_MSG without text' };
  let idStr: string | undefined;
  const extra = str(object(meta[15])?.extra);
  if (extra) {
    try {
      idStr = str(object(JSON.parse(extra))?.id_str);
    } catch {
      // Not every server version sends JSON here; the content hash still identifies the danmaku.
    }
  }
  const key = idStr ? `chat:${idStr}` : `chat:#${hashKey(JSON.stringify(info))}`;
  return { kind: 'events', events: [{ ...base(key, num(meta[4]) ?? receivedAt), type: 'chat', viewer: viewer(user[0], user[1]), content }] };
}

function sendGift(data: Json, json: string, receivedAt: number): NormaliseResult {
  const tid = str(data.tid);
  const paid = data.coin_type === 'gold';
  const totalCoin = num(data.total_coin);
  if (paid && totalCoin === undefined) return { kind: 'malformed', reason: 'gold SEND_GIFT without total_coin' };
  return {
    kind: 'events',
    events: [
      {
        ...base(tid && tid !== '' && tid !== '0' ? `gift:${tid}` : `gift:#${hashKey(json)}`, secondsToMs(data.timestamp) ?? receivedAt),
        type: 'gift',
        viewer: viewer(data.uid, data.uname, data.face),
        giftId: idOf(data.giftId ?? data.gift_id),
        giftName: str(data.giftName ?? data.gift_name) ?? '',
        count: num(data.num) ?? 1,
        value: paid ? (totalCoin ?? 0) : 0,
        unit: 'gold',
        paid,
      },
    ],
  };
}

function guardBuy(data: Json, json: string, receivedAt: number): NormaliseResult {
  const price = num(data.price);
  const count = num(data.num) ?? 1;
  if (price === undefined) return { kind: 'malformed', reason: 'GUARD_BUY without price' };
  const level = num(data.guard_level) ?? 0;
  return {
    kind: 'events',
    events: [
      {
        ...base(`guard:#${hashKey(json)}`, secondsToMs(data.start_time) ?? receivedAt),
        type: 'guard',
        viewer: viewer(data.uid, data.username ?? data.uname),
        level,
        levelName: str(data.gift_name) ?? GUARD_NAMES[level] ?? '',
        count,
        value: price * count,
        unit: 'gold',
      },
    ],
  };
}

function superChat(data: Json, json: string, receivedAt: number): NormaliseResult {
  const price = num(data.price);
  if (price === undefined) return { kind: 'malformed', reason: 'SUPER_CHAT_MESSAGE without price' };
  const id = str(data.id);
  const user = object(data.user_info);
  return {
    kind: 'events',
    events: [
      {
        ...base(id ? `sc:${id}` : `sc:#${hashKey(json)}`, secondsToMs(data.start_time ?? data.ts) ?? receivedAt),
        type: 'super-chat',
        viewer: viewer(data.uid, user?.uname, user?.face),
        content: str(data.message) ?? '',
        // Super chats are priced in yuan; 1 yuan = 1,000 gold coins.
        value: price * 1000,
        unit: 'gold',
        price,
        currency: 'CNY',
      },
    ],
  };
}

function interaction(who: PlatformViewer, msgType: number, key: string, at: number): NormaliseResult {
  if (msgType === 1) return { kind: 'events', events: [{ ...base(key, at), type: 'member', viewer: who }] };
  if (msgType === 2) return { kind: 'events', events: [{ ...base(key, at), type: 'follow', viewer: who }] };
  if (msgType === 3) return { kind: 'events', events: [{ ...base(key, at), type: 'share', viewer: who }] };
  return { kind: 'ignored', reason: `INTERACT_WORD msg_type ${msgType} is not counted` };
}

/** One command → events, or why it adds nothing. `receivedAt` stands in where a message has no time. */
export function normaliseCommand(command: BilibiliCommand, receivedAt: number): NormaliseResult {
  const { data: message, json } = command;
  const data = object(message.data) ?? {};
  const ignored = IGNORED_COMMANDS[command.base];
  if (ignored) return { kind: 'ignored', reason: ignored };
  switch (command.base) {
    case 'DANMU_MSG':
      return danmaku(command, receivedAt);
    case 'SEND_GIFT':
      return sendGift(data, json, receivedAt);
    case 'GUARD_BUY':
      return guardBuy(data, json, receivedAt);
    case 'SUPER_CHAT_MESSAGE':
      return superChat(data, json, receivedAt);
    case 'LIKE_INFO_V3_CLICK':
      return { kind: 'events', events: [{ ...base(`tap:#${hashKey(json)}`, receivedAt), type: 'like', viewer: namedViewer(data), total: null }] };
    case 'LIKE_INFO_V3_UPDATE': {
      const total = num(data.click_count);
      if (total === undefined) return { kind: 'malformed', reason: 'LIKE_INFO_V3_UPDATE without click_count' };
      return { kind: 'events', events: [{ ...base(`likes:#${hashKey(json)}`, receivedAt), type: 'like', viewer: null, total }] };
    }
    case 'INTERACT_WORD': {
      const msgType = num(data.msg_type) ?? 0;
      return interaction(namedViewer(data), msgType, `interact:#${hashKey(json)}`, secondsToMs(data.timestamp) ?? receivedAt);
    }
    case 'INTERACT_WORD_V2': {
      const pb = str(data.pb);
      if (!pb) return { kind: 'malformed', reason: 'INTERACT_WORD_V2 without pb' };
      try {
        const decoded = decodeInteractWordV2(pb);
        return interaction(viewer(decoded.uid, decoded.uname), decoded.msgType, `interact:#${hashKey(pb)}`, secondsToMs(decoded.timestamp) ?? receivedAt);
      } catch (error) {
        return { kind: 'malformed', reason: `INTERACT_WORD_V2: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    case 'ONLINE_RANK_COUNT': {
      const viewers = num(data.online_count) ?? num(data.count);
      if (viewers === undefined) return { kind: 'malformed', reason: 'ONLINE_RANK_COUNT without a count' };
      return { kind: 'events', events: [{ ...base(`viewers:#${hashKey(json)}`, receivedAt), type: 'viewers', viewers }] };
    }
    case 'LIVE':
      return { kind: 'events', events: [{ ...base(`live:${str(message.live_key) ?? hashKey(json)}`, receivedAt), type: 'stream-start', startedAt: secondsToMs(message.live_time) ?? null }] };
    case 'PREPARING':
      return { kind: 'events', events: [{ ...base(`end:#${hashKey(json)}`, receivedAt), type: 'stream-end', reason: 'ended' }] };
    case 'CUT_OFF':
      return { kind: 'events', events: [{ ...base(`end:#${hashKey(json)}`, receivedAt), type: 'stream-end', reason: 'suspended' }] };
    default:
      return { kind: 'unknown' };
  }
}
