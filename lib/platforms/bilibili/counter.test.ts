import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReplay, readReplayHeader } from '@/lib/live/replay-file';
import { BilibiliSessionCounter, countPackets } from '@/lib/platforms/bilibili/counter';
import { encodeBatch, encodeMessage } from '@/lib/platforms/bilibili/packet';
import { generateBilibiliSession } from '@/lib/platforms/bilibili/synth';
import { comboSendMessage, danmakuMessage, guardMessages, noticeMessage, sendGiftMessage, superChatMessages, SYNTH_GIFTS } from '@/lib/platforms/bilibili/synth-messages';

const alice = { uid: 1001, name: 'alice' };
const bob = { uid: 1002, name: 'bob' };
const gift = (name: string) => {
  const found = SYNTH_GIFTS.find((g) => g.name === name);
  if (!found) throw new Error(`no gift ${name}`);
  return found;
};
const totalsOf = (packets: Buffer[]) => countPackets(packets).totals;

describe('the Bilibili counting rules (docs/bilibili-counting.md)', () => {
  it('counts a combo by its SEND_GIFT messages; COMBO_SEND adds nothing', () => {
    const flower = gift('小花花');
    const sends = [1, 2, 3].map((k) => encodeMessage(sendGiftMessage({ who: alice, gift: flower, num: 1, at: 1_700_000_000_000 + k * 300, tid: `17000000000000${k}`, comboId: 'c1' })));
    const totals = totalsOf([...sends, encodeMessage(comboSendMessage({ who: alice, gift: flower, comboNum: 3, comboId: 'c1' }))]);
    expect(totals).toMatchObject({ gifts: 3, value: 300, uniqueGifters: 1 });
  });

  it('counts silver gifts as gifts worth 0, and their senders as no gifters', () => {
    const totals = totalsOf([encodeMessage(sendGiftMessage({ who: bob, gift: gift('辣条'), num: 30, at: 1, tid: '9001' })), encodeMessage(sendGiftMessage({ who: alice, gift: gift('干杯'), num: 2, at: 2, tid: '9002' }))]);
    expect(totals).toMatchObject({ gifts: 2, value: 13_200, uniqueGifters: 1 });
  });

  it('values guards at price × num; USER_TOAST_MSG repeats the purchase and adds nothing', () => {
    const totals = totalsOf(guardMessages({ who: alice, level: 3, name: '舰长', price: 198_000, num: 3, at: 1_700_000_000_000, payflow: 'p1' }).map(encodeMessage));
    expect(totals).toMatchObject({ guards: 1, value: 594_000, gifts: 0, uniqueGifters: 1 });
  });

  it('counts a super chat once at price × 1000; SUPER_CHAT_MESSAGE_JPN is a repeat', () => {
    const messages = superChatMessages({ who: bob, id: 77, price: 50, text: 'hi', at: 1_700_000_000_000, withJpn: true });
    expect(messages.map((m) => m.cmd)).toEqual(['SUPER_CHAT_MESSAGE', 'SUPER_CHAT_MESSAGE_JPN']);
    expect(totalsOf(messages.map(encodeMessage))).toMatchObject({ superChats: 1, value: 50_000, uniqueGifters: 1 });
  });

  it('never counts NOTICE_MSG, even one announcing a guard in another room, as a gift', () => {
    const { totals, report } = countPackets([encodeMessage(noticeMessage({ otherRoom: 5, who: 'x', at: 1 }))]);
    expect(totals).toMatchObject({ gifts: 0, guards: 0, value: 0 });
    expect(report.ignored).toEqual({ NOTICE_MSG: 1 });
  });

  it('counts a packet received twice, or its messages in another batch after a reconnect, once', () => {
    const messages = [
      sendGiftMessage({ who: alice, gift: gift('泡泡糖'), num: 1, at: 1, tid: '5001' }),
      danmakuMessage({ who: bob, text: 'hello', at: 1_700_000_000_000, rnd: 42, idStr: 'abc' }),
      danmakuMessage({ who: bob, text: 'hello', at: 1_700_000_000_500, rnd: 43 }),
    ];
    const packet = encodeBatch(messages, 'zlib');
    const once = totalsOf([packet]);
    expect(once).toMatchObject({ gifts: 1, value: 1100, comments: 2 });
    expect(totalsOf([packet, packet, encodeBatch(messages, 'brotli'), ...messages.map(encodeMessage)])).toEqual(once);
  });

  it('treats DANMU_MSG with suffixes as danmaku; RECALL_DANMU_MSG and LIVE_INTERACTIVE_GAME change nothing', () => {
    const { totals, report } = countPackets([
      encodeMessage(danmakuMessage({ who: alice, text: 'a', at: 1_700_000_000_000, rnd: 1, suffix: true })),
      encodeMessage(danmakuMessage({ who: alice, text: 'b', at: 1_700_000_000_001, rnd: 2 })),
      encodeMessage({ cmd: 'LIVE_INTERACTIVE_GAME', data: { type: 2, uname: 'alice', msg: 'b' } }),
      encodeMessage({ cmd: 'RECALL_DANMU_MSG', data: { recall_type: 2, target_id: 1001 } }),
    ]);
    expect(totals.comments).toBe(2);
    expect(report.ignored).toEqual({ LIVE_INTERACTIVE_GAME: 1, RECALL_DANMU_MSG: 1 });
  });

  it('takes likes and viewers as running maxima, online_count before count', () => {
    const totals = totalsOf([
      encodeMessage({ cmd: 'LIKE_INFO_V3_UPDATE', data: { click_count: 50 } }),
      encodeMessage({ cmd: 'LIKE_INFO_V3_UPDATE', data: { click_count: 40 } }),
      encodeMessage({ cmd: 'ONLINE_RANK_COUNT', data: { count: 900 } }),
      encodeMessage({ cmd: 'ONLINE_RANK_COUNT', data: { count: 800, online_count: 1200 } }),
      encodeMessage({ cmd: 'ONLINE_RANK_COUNT', data: { count: 1500, online_count: 1000 } }),
    ]);
    expect(totals).toMatchObject({ likes: 50, peakViewers: 1200 });
  });

  it('counts follows and shares by INTERACT_WORD msg_type; unknown commands are counted, not errors', () => {
    const interact = (msgType: number, n: number) => encodeMessage({ cmd: 'INTERACT_WORD', data: { uid: n, uname: `u${n}`, msg_type: msgType, timestamp: 1_700_000_000, trigger_time: n } });
    const counter = new BilibiliSessionCounter();
    for (const packet of [interact(1, 1), interact(2, 2), interact(2, 3), interact(3, 4), interact(2, 2), encodeMessage({ cmd: 'SOMETHING_NEW', data: {} }), Buffer.from('junk')]) counter.addPacket(packet);
    expect(counter.totals()).toMatchObject({ follows: 2, shares: 1 });
    expect(counter.report).toMatchObject({ unknown: { SOMETHING_NEW: 1 }, undecodable: 1, duplicates: 1 });
  });
});

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'worker', 'fixtures');
const bilibiliFixtures = fs.readdirSync(FIXTURES).filter((name) => name.startsWith('bilibili-') && name.endsWith('.jsonl'));

describe('synthetic Bilibili sessions', () => {
  it('are the same bytes for the same seed, and the counter reproduces the totals the generator planned', () => {
    const options = { seed: 9, roomId: '545068', durationSec: 240, startTime: 1_790_000_000_000, giftsPerMinute: 20, superChatsPerMinute: 3, guardsPerMinute: 2 };
    const a = generateBilibiliSession(options);
    const b = generateBilibiliSession(options);
    expect(Buffer.concat(b.frames.map((f) => f.frame)).equals(Buffer.concat(a.frames.map((f) => f.frame)))).toBe(true);
    const { totals, report } = countPackets(a.frames.map((f) => f.frame));
    expect(totals).toEqual(a.expected);
    expect(a.expected.gifts * a.expected.superChats * a.expected.guards).toBeGreaterThan(0);
    expect(report.duplicates).toBeGreaterThan(0);
    expect(report.streamEnded).toBe(true);
  });

  it('has two committed fixtures', () => {
    expect(bilibiliFixtures.length).toBe(2);
  });

  it.each(bilibiliFixtures)('%s: the counter gives the committed totals', async (name) => {
    const file = path.join(FIXTURES, name);
    expect((await readReplayHeader(file)).platform).toBe('bilibili');
    const counter = new BilibiliSessionCounter();
    for await (const item of readReplay(file)) if ('frame' in item) counter.addPacket(item.frame.frame);
    const expected: unknown = JSON.parse(fs.readFileSync(file.replace(/\.jsonl$/, '.expected.json'), 'utf8'));
    expect(counter.totals()).toEqual(expected);
    expect(counter.report.undecodable).toBe(0);
    expect(counter.report.duplicates).toBeGreaterThan(0);
  });
});
