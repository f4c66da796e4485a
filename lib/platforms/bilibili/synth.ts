// Realistic synthetic Bilibili live sessions as raw websocket packets: danmaku (some with command
// suffixes, some repeated by LIVE_INTERACTIVE_GAME or withdrawn), gold and silver gifts, combos with their
// COMBO_SEND summary, super chats with their _JPN repeat, guard purchases with USER_TOAST_MSG, broadcasts
// about other rooms, likes, enters, follows and shares (some as INTERACT_WORD_V2), viewer counts,
// heartbeat replies, unknown commands, zlib and brotli batches, packets received twice, a reconnect that
// delivers recent messages again in another batch, and the live's end. The generator knows what it sent,
// so it states the totals (`expected`) from its plan, never by running our counter.
import type { SessionTotals } from '@/lib/platforms/events';
import { createRandom, type Random } from '@/lib/seed/random';
import { encodeBatch, encodeHeartbeatReply, encodeMessage } from '@/lib/platforms/bilibili/packet';
import {
  comboSendMessage,
  danmakuMessage,
  guardMessages,
  interactMessage,
  likeClickMessage,
  noticeMessage,
  sendGiftMessage,
  superChatMessages,
  SYNTH_GIFTS,
  SYNTH_GUARDS,
  type SynthViewer,
} from '@/lib/platforms/bilibili/synth-messages';

export type BilibiliSynthOptions = {
  seed: number;
  roomId: string;
  durationSec: number;
  /** Wall-clock time of t = 0 (ms since the epoch). */
  startTime: number;
  audience?: number;
  peakViewers?: number;
  chatsPerMinute?: number;
  giftsPerMinute?: number;
  superChatsPerMinute?: number;
  guardsPerMinute?: number;
  likesPerMinute?: number;
  entersPerMinute?: number;
  followsPerMinute?: number;
  sharesPerMinute?: number;
  /** Share of packets that carry a compressed batch (half zlib, half brotli). */
  batchRate?: number;
  /** Share of packets received twice. */
  duplicatePacketRate?: number;
  /** Ends with PREPARING. */
  streamEnd?: boolean;
};

export type BilibiliSynthSession = {
  header: { platform: 'bilibili'; handle: string; roomId: string };
  frames: { t: number; frame: Buffer }[];
  expected: SessionTotals;
  messages: number;
};

const LINES = ['主播好！', '哈哈哈哈', '来了来了', '666', '这波可以', '晚上好~', '打卡', '好听！', '求BGM', 'awsl', '前排', '下次一定', 'hello from Moscow', '<b>bold?</b>', '\u202Eevil', "'; DROP TABLE chats; --"];
const NAMES = ['小明', '阿狸', '咸鱼', '路人甲', '夜猫子', '星星', 'kiwi', '糖糖', '老王', '凉风', 'Mika', '柚子'];
const OTHER_ROOM = 21_144_080;

type Timed = { t: number; message: Record<string, unknown> };

function perSecond(random: Random, perMinute: number): number {
  const rate = perMinute / 60;
  return Math.floor(rate) + (random.chance(rate - Math.floor(rate)) ? 1 : 0);
}

function makeAudience(random: Random, size: number): SynthViewer[] {
  return Array.from({ length: size }, (_, i) => ({ uid: 10_000_000 + i * 7919 + random.int(0, 7000), name: `${random.pick(NAMES)}${random.int(1, 999)}` }));
}

export function generateBilibiliSession(options: BilibiliSynthOptions): BilibiliSynthSession {
  const random = createRandom(options.seed);
  const roomId = Number(options.roomId);
  const audience = makeAudience(random, options.audience ?? 80);
  const peakTarget = options.peakViewers ?? 300;
  const expected: SessionTotals = { platform: 'bilibili', valueUnit: 'gold', value: 0, gifts: 0, superChats: 0, guards: 0, comments: 0, likes: 0, follows: 0, shares: 0, peakViewers: 0, uniqueGifters: 0 };
  const gifters = new Set<number>();
  const timed: Timed[] = [];
  let seq = 0;
  const at = (t: number) => options.startTime + t;
  const push = (t: number, message: Record<string, unknown>) => timed.push({ t, message });

  push(0, { cmd: 'LIVE', live_key: `${options.seed}${options.roomId}`, live_platform: 'pc', live_model: 0, live_time: Math.floor(options.startTime / 1000), roomid: roomId });
  let likeTotal = 0;
  for (let s = 0; s < options.durationSec; s++) {
    const ms = () => s * 1000 + random.int(0, 999);
    for (let i = perSecond(random, options.chatsPerMinute ?? 30); i > 0; i--) {
      const t = ms();
      const who = random.pick(audience);
      const text = random.pick(LINES);
      const rnd = random.int(1, 2 ** 31 - 1);
      const message = danmakuMessage({ who, text, at: at(t), rnd, idStr: random.chance(0.7) ? `${rnd.toString(16)}${seq++}` : undefined, suffix: random.chance(0.2) });
      push(t, message);
      expected.comments++;
      if (random.chance(0.05)) push(t + 1, { cmd: 'LIVE_INTERACTIVE_GAME', data: { type: 2, uname: who.name, gift_name: '', gift_num: 0, price: 0, msg: text } });
      if (random.chance(0.02)) push(t + 400, { cmd: 'RECALL_DANMU_MSG', data: { recall_type: 2, target_id: who.uid } });
    }
    for (let i = perSecond(random, options.giftsPerMinute ?? 8); i > 0; i--) {
      const t = ms();
      const who = random.pick(audience);
      const gift = random.weighted(SYNTH_GIFTS, (g) => g.weight);
      const combo = gift.coin === 'gold' && random.chance(0.35);
      const sends = combo ? random.int(2, 8) : 1;
      const num = combo ? 1 : random.pick([1, 1, 1, 5, 10, 30]);
      const comboId = combo ? `gift:combo_id:${who.uid}:${roomId}:${gift.id}:${Math.floor(at(t) / 1000)}.${random.digits(4)}` : undefined;
      for (let k = 0; k < sends; k++) {
        const tid = `${Math.floor(at(t) / 1000)}${String(++seq).padStart(9, '0')}`;
        push(t + k * 300, sendGiftMessage({ who, gift, num, at: at(t + k * 300), tid, comboId }));
        expected.gifts++;
        if (gift.coin === 'gold') {
          expected.value += gift.price * num;
          gifters.add(who.uid);
        }
      }
      if (combo && comboId) push(t + sends * 300 + 200, comboSendMessage({ who, gift, comboNum: sends, comboId }));
    }
    if (random.chance((options.superChatsPerMinute ?? 0.6) / 60)) {
      const t = ms();
      const who = random.pick(audience);
      const price = random.pick([30, 30, 50, 100, 500, 1000]);
      for (const message of superChatMessages({ who, id: 4_800_000 + ++seq, price, text: random.pick(LINES), at: at(t), withJpn: random.chance(0.6) })) push(t, message);
      expected.superChats++;
      expected.value += price * 1000;
      gifters.add(who.uid);
    }
    if (random.chance((options.guardsPerMinute ?? 0.3) / 60)) {
      const t = ms();
      const who = random.pick(audience);
      const guard = random.weighted(SYNTH_GUARDS, (g) => g.weight);
      const num = random.pick([1, 1, 1, 3, 12]);
      for (const message of guardMessages({ who, level: guard.level, name: guard.name, price: guard.price, num, at: at(t), payflow: random.digits(25) })) push(t, message);
      expected.guards++;
      expected.value += guard.price * num;
      gifters.add(who.uid);
    }
    if (random.chance(0.01)) push(ms(), noticeMessage({ otherRoom: OTHER_ROOM, who: random.pick(NAMES), at: at(s * 1000) }));
    for (let i = perSecond(random, options.likesPerMinute ?? 40); i > 0; i--) {
      push(ms(), likeClickMessage(random.pick(audience), ++seq));
      likeTotal += 1;
    }
    if (s % 5 === 4) {
      // The room total also counts taps this connection never hears about.
      likeTotal += random.int(0, 20);
      push(s * 1000 + 999, { cmd: 'LIKE_INFO_V3_UPDATE', data: { click_count: likeTotal } });
      expected.likes = likeTotal;
    }
    for (const [msgType, perMinute] of [[1, options.entersPerMinute ?? 30], [2, options.followsPerMinute ?? 2], [3, options.sharesPerMinute ?? 1]] as const) {
      for (let i = perSecond(random, perMinute); i > 0; i--) {
        const t = ms();
        push(t, interactMessage({ who: random.pick(audience), msgType, roomId, at: at(t), seq: ++seq, v2: random.chance(0.3) }));
        if (msgType === 2) expected.follows++;
        if (msgType === 3) expected.shares++;
      }
    }
    if (s % 10 === 0) {
      const progress = Math.min(1, s / Math.max(1, options.durationSec * 0.6));
      const viewers = Math.max(1, Math.round(peakTarget * (0.3 + 0.7 * progress) * (0.9 + random.next() * 0.2)));
      const rankCount = Math.max(1, Math.round(viewers * 0.7));
      // Older servers sent only `count`; newer ones add `online_count`, which is the one that counts.
      const withOnline = random.chance(0.8);
      push(s * 1000 + 500, { cmd: 'ONLINE_RANK_COUNT', data: withOnline ? { count: rankCount, online_count: viewers } : { count: rankCount } });
      expected.peakViewers = Math.max(expected.peakViewers, withOnline ? viewers : rankCount);
    }
    if (s % 60 === 30) push(s * 1000 + 100, { cmd: 'WATCHED_CHANGE', data: { num: 1000 + s * 3, text_small: String(1000 + s * 3), text_large: `${1000 + s * 3}人看过` } });
    if (s % 45 === 20) push(s * 1000 + 200, { cmd: random.pick(['ROOM_REAL_TIME_MESSAGE_UPDATE', 'HOT_RANK_CHANGED_V2', 'STOP_LIVE_ROOM_LIST', 'WIDGET_BANNER']), data: { roomid: roomId, fans: 1000 + s } });
  }
  if (options.streamEnd ?? true) push(options.durationSec * 1000, { cmd: 'PREPARING', round: 0, roomid: options.roomId });
  expected.uniqueGifters = gifters.size;
  timed.sort((a, b) => a.t - b.t);

  return { header: { platform: 'bilibili', handle: options.roomId, roomId: options.roomId }, frames: packetize(random, timed, options), expected, messages: timed.length };
}

/** Groups messages into packets as the server does, with heartbeat replies, repeats and a reconnect. */
function packetize(random: Random, timed: Timed[], options: BilibiliSynthOptions): { t: number; frame: Buffer }[] {
  const frames: { t: number; frame: Buffer }[] = [];
  const batchRate = options.batchRate ?? 0.4;
  const duplicateRate = options.duplicatePacketRate ?? 0.03;
  let nextHeartbeat = 0;
  let brotli = false;
  let reconnectDone = false;
  for (let i = 0; i < timed.length; ) {
    const first = timed[i];
    if (!first) break;
    while (nextHeartbeat <= first.t) {
      frames.push({ t: nextHeartbeat, frame: encodeHeartbeatReply(1 + random.int(0, 50_000)) });
      nextHeartbeat += 30_000;
    }
    let frame: Buffer;
    let taken = 1;
    if (random.chance(batchRate)) {
      taken = Math.min(random.int(2, 12), timed.length - i);
      brotli = !brotli;
      frame = encodeBatch(timed.slice(i, i + taken).map((m) => m.message), brotli ? 'brotli' : 'zlib');
    } else {
      frame = encodeMessage(first.message);
    }
    const t = timed[i + taken - 1]?.t ?? first.t;
    frames.push({ t, frame });
    if (random.chance(duplicateRate)) frames.push({ t: t + random.int(0, 50), frame });
    i += taken;
    // Halfway through, the connection drops and the new one delivers the last few messages again, in a
    // differently made batch: only message identities can tell them apart.
    if (!reconnectDone && i >= timed.length / 2 && i >= 6) {
      reconnectDone = true;
      frames.push({ t: t + 1500, frame: encodeBatch(timed.slice(i - 6, i).map((m) => m.message), brotli ? 'zlib' : 'brotli') });
    }
  }
  return frames;
}
