import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countPackets } from '@/lib/platforms/bilibili/counter';
import { decodeInteractWordV2, encodeInteractWordV2 } from '@/lib/platforms/bilibili/interact-word-v2';
import { normaliseCommand } from '@/lib/platforms/bilibili/normalise';
import { BilibiliPacketError, decodePacket, encodeAuth, encodeBatch, encodeHeartbeatReply, encodeMessage, encodePacket, OP, PROTOVER, readHeader } from '@/lib/platforms/bilibili/packet';
import { captures, readCaptureFrames } from '@/tools/testing/captures';

const commandsOf = (packet: Buffer) => decodePacket(packet).flatMap((item) => (item.kind === 'command' ? [item.command] : []));

describe('the Bilibili packet codec', () => {
  it('reads raw, zlib and brotli packets and several packets in one frame', () => {
    const a = { cmd: 'DANMU_MSG:4:0:2:2:2:0', info: [[0], 'hi', [1, 'a']] };
    const b = { cmd: 'LIKE_INFO_V3_UPDATE', data: { click_count: 5 } };
    for (const packet of [Buffer.concat([encodeMessage(a), encodeMessage(b)]), encodeBatch([a, b], 'zlib'), encodeBatch([a, b], 'brotli')]) {
      expect(commandsOf(packet).map((c) => [c.cmd, c.base])).toEqual([['DANMU_MSG:4:0:2:2:2:0', 'DANMU_MSG'], ['LIKE_INFO_V3_UPDATE', 'LIKE_INFO_V3_UPDATE']]);
    }
    expect(readHeader(encodeBatch([a], 'brotli'))).toMatchObject({ headerLength: 16, version: PROTOVER.brotli, op: OP.message });
  });

  it('reads heartbeat replies, auth replies and the client packets the stand-in checks', () => {
    expect(decodePacket(encodeHeartbeatReply(123_456))).toEqual([{ kind: 'popularity', value: 123_456 }]);
    expect(decodePacket(encodePacket(OP.authReply, '{"code":0}'))).toEqual([{ kind: 'auth-reply', code: 0 }]);
    expect(decodePacket(encodePacket(OP.authReply, '{"code":-101}'))).toEqual([{ kind: 'auth-reply', code: -101 }]);
    expect(decodePacket(encodeAuth({ uid: 0, roomid: 42, key: 'k' }))).toEqual([{ kind: 'auth', body: { uid: 0, roomid: 42, protover: 3, platform: 'web', type: 2, key: 'k' } }]);
  });

  it('refuses broken packets with a reason instead of reading garbage', () => {
    const good = encodeMessage({ cmd: 'X' });
    expect(() => decodePacket(good.subarray(0, 10))).toThrow(BilibiliPacketError);
    expect(() => decodePacket(good.subarray(0, good.length - 1))).toThrow(/cut short/);
    expect(() => decodePacket(encodePacket(OP.message, Buffer.from('not zlib'), PROTOVER.zlib))).toThrow(/zlib body does not inflate/);
    expect(() => decodePacket(encodePacket(OP.message, '{"no":"cmd"}', PROTOVER.json))).toThrow(/without a cmd/);
    const nested = encodePacket(OP.message, zlib.deflateSync(encodeBatch([{ cmd: 'X' }], 'zlib')), PROTOVER.zlib);
    expect(() => decodePacket(nested)).toThrow(/inside a compressed batch/);
  });

  it('reads INTERACT_WORD_V2 protobuf bodies', () => {
    const message = { uid: '123456789012', uname: '路人甲', msgType: 2, roomId: '545068', timestamp: 1_713_627_272, triggerTime: '1713627271604058000' };
    expect(decodeInteractWordV2(encodeInteractWordV2(message))).toEqual(message);
    const result = normaliseCommand({ cmd: 'INTERACT_WORD_V2', base: 'INTERACT_WORD_V2', json: '', data: { cmd: 'INTERACT_WORD_V2', data: { pb: encodeInteractWordV2(message) } } }, 0);
    expect(result).toMatchObject({ kind: 'events', events: [{ type: 'follow', viewer: { userId: '123456789012', name: '路人甲' }, at: 1_713_627_272_000 }] });
    expect(normaliseCommand({ cmd: 'INTERACT_WORD_V2', base: 'INTERACT_WORD_V2', json: '', data: { data: { pb: Buffer.from([0x08]).toString('base64') } } }, 0)).toMatchObject({ kind: 'malformed' });
  });
});

const real = captures('bilibili');
const file = (name: string) => path.join(real.dir, name);

describe.skipIf(!real.present)(`real Bilibili traffic${real.skipNote}`, () => {
  const compilations = ['bili-bili-live-listener-compilation.jsonl', 'bili-blive-message-listener-compilation.jsonl'];

  it('decodes every packet of every capture', () => {
    for (const name of [...compilations, 'bili-real-packet-notice-broadcast-2021-01-09.jsonl', 'bili-real-packet-room21144080-2021-01-08.jsonl']) {
      const { header, frames } = readCaptureFrames(file(name));
      expect(header.platform, name).toBe('bilibili');
      expect(frames.length, name).toBeGreaterThan(0);
      for (const { frame } of frames) expect(commandsOf(frame).length, name).toBeGreaterThan(0);
    }
  });

  it('normalises each of the 39 command types or counts it as unknown, never failing', () => {
    const commands = compilations.flatMap((name) => readCaptureFrames(file(name)).frames.flatMap(({ frame }) => commandsOf(frame)));
    const types = new Set(commands.map((c) => c.base));
    expect(types.size).toBe(39);
    const outcome = new Map<string, string>();
    const interactions = new Set<string>();
    for (const command of commands) {
      const result = normaliseCommand(command, 0);
      expect(result.kind, command.cmd).not.toBe('malformed');
      const kind = result.kind === 'events' ? result.events.map((e) => e.type).join('+') : result.kind;
      if (command.base === 'INTERACT_WORD') interactions.add(kind);
      outcome.set(command.base, kind);
    }
    expect([...interactions].sort()).toEqual(['follow', 'member', 'share']);
    expect(Object.fromEntries([...outcome].filter(([, kind]) => kind !== 'unknown' && kind !== 'ignored'))).toEqual({
      LIVE: 'stream-start',
      DANMU_MSG: 'chat',
      GUARD_BUY: 'guard',
      INTERACT_WORD: 'share',
      LIKE_INFO_V3_CLICK: 'like',
      LIKE_INFO_V3_UPDATE: 'like',
      ONLINE_RANK_COUNT: 'viewers',
      SEND_GIFT: 'gift',
      SUPER_CHAT_MESSAGE: 'super-chat',
      PREPARING: 'stream-end',
      CUT_OFF: 'stream-end',
    });
    // What the status page will list as unknown from these captures.
    expect([...outcome].filter(([, kind]) => kind === 'unknown').length).toBe(20);
    const { report } = countPackets(compilations.flatMap((name) => readCaptureFrames(file(name)).frames.map((f) => f.frame)));
    expect(Object.values(report.unknown).reduce((a, b) => a + b, 0)).toBe(35);
    expect(report.malformed).toEqual({});
  });

  it('reads the zlib packet of a real room (21144080, 2021-01-08) as the server sent it', () => {
    const { frames } = readCaptureFrames(file('bili-real-packet-room21144080-2021-01-08.jsonl'));
    const [packet] = frames.map((f) => f.frame);
    if (!packet) throw new Error('the capture has no packet');
    expect(readHeader(packet)).toMatchObject({ length: packet.length, version: PROTOVER.zlib, op: OP.message });
    expect(commandsOf(packet).map((c) => c.cmd)).toEqual(['INTERACT_WORD', 'INTERACT_WORD', 'ONLINE_RANK_COUNT', 'DANMU_MSG', 'LIVE_INTERACTIVE_GAME', 'DANMU_MSG', 'LIVE_INTERACTIVE_GAME', 'SEND_GIFT']);
    // 30 辣条 are silver (total_coin 3000 silver coins): a gift worth 0 gold, and no gifter.
    expect(countPackets([packet]).totals).toEqual({ platform: 'bilibili', valueUnit: 'gold', value: 0, gifts: 1, superChats: 0, guards: 0, comments: 2, likes: 0, follows: 0, shares: 0, peakViewers: 44, uniqueGifters: 0 });
  });

  it('never counts a real NOTICE_MSG broadcast as a gift', () => {
    const { frames } = readCaptureFrames(file('bili-real-packet-notice-broadcast-2021-01-09.jsonl'));
    const { totals, report } = countPackets(frames.map((f) => f.frame));
    expect(report.ignored).toEqual({ NOTICE_MSG: 1 });
    expect(totals).toMatchObject({ value: 0, gifts: 0, guards: 0 });
  });

  it('totals the compilations by the counting rules', () => {
    const count = (name: string) => countPackets(readCaptureFrames(file(name)).frames.map((f) => f.frame)).totals;
    // Gold SEND_GIFT 6600 + 1000 (the silver 辣条 adds 0), GUARD_BUY 198000 × 1; online_count 4265 beats count 3205.
    expect(count(compilations[0] ?? '')).toEqual({ platform: 'bilibili', valueUnit: 'gold', value: 205_600, gifts: 3, superChats: 0, guards: 1, comments: 1, likes: 470, follows: 0, shares: 0, peakViewers: 4265, uniqueGifters: 3 });
    // Gold gifts 5000 + 100 + 6600 + 1000 + 1100 + 1000, one guard 198000, one super chat 30 CNY (its two
    // _JPN repeats add nothing), COMBO_SEND and USER_TOAST_MSG add nothing; 12 danmaku, 2 with suffixes.
    expect(count(compilations[1] ?? '')).toEqual({ platform: 'bilibili', valueUnit: 'gold', value: 242_800, gifts: 8, superChats: 1, guards: 1, comments: 12, likes: 11_391, follows: 1, shares: 1, peakViewers: 1822, uniqueGifters: 1 });
  });
});
