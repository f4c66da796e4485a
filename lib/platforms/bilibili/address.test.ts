import { describe, expect, it } from 'vitest';
import { BILIBILI_ADDRESS_ERRORS, parseBilibiliAddress } from '@/lib/platforms/bilibili/address';

const room = (roomId: string) => ({ ok: true, address: { kind: 'room', roomId } });
const uid = (id: string) => ({ ok: true, address: { kind: 'uid', uid: id } });
const refused = (error: string) => ({ ok: false, error });

describe('parseBilibiliAddress', () => {
  it('reads room numbers and room links', () => {
    expect(parseBilibiliAddress('21144080')).toEqual(room('21144080'));
    expect(parseBilibiliAddress('  6 ')).toEqual(room('6'));
    expect(parseBilibiliAddress('https://live.bilibili.com/21144080?spm_id_from=333.1007.0.0')).toEqual(room('21144080'));
    expect(parseBilibiliAddress('live.bilibili.com/21144080')).toEqual(room('21144080'));
    expect(parseBilibiliAddress('https://live.bilibili.com/h5/21144080')).toEqual(room('21144080'));
    expect(parseBilibiliAddress('http://live.bilibili.com/blanc/21144080#x')).toEqual(room('21144080'));
    expect(parseBilibiliAddress('https://m.live.bilibili.com/21144080')).toEqual(room('21144080'));
  });

  it('reads a streamer by space link or UID', () => {
    expect(parseBilibiliAddress('https://space.bilibili.com/3546001200340056/dynamic')).toEqual(uid('3546001200340056'));
    expect(parseBilibiliAddress('UID: 12345')).toEqual(uid('12345'));
    expect(parseBilibiliAddress('uid：12345')).toEqual(uid('12345'));
    expect(parseBilibiliAddress('mid 42')).toEqual(uid('42'));
  });

  it('explains what it cannot read', () => {
    expect(parseBilibiliAddress('   ')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.empty));
    expect(parseBilibiliAddress('9'.repeat(3000))).toEqual(refused(BILIBILI_ADDRESS_ERRORS.tooLong));
    expect(parseBilibiliAddress('0123')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('1'.repeat(21))).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('UID 0')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('https://www.tiktok.com/@luna.bakes')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('https://live.bilibili.com.evil.example/21144080')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('javascript:alert(1)//live.bilibili.com/1')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
    expect(parseBilibiliAddress('https://www.bilibili.com/video/BV1xx411c7mD')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notRoomLink));
    expect(parseBilibiliAddress('https://live.bilibili.com/p/eden/area-tags')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notRoomLink));
    expect(parseBilibiliAddress('https://b23.tv/abc123')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.shortLink));
    expect(parseBilibiliAddress('直播间 <script>')).toEqual(refused(BILIBILI_ADDRESS_ERRORS.notBilibili));
  });
});
