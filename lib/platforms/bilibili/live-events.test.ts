// Bilibili's platform events → the worker's domain events, and on to what browsers receive.
import { describe, expect, it } from 'vitest';
import { BilibiliEventMapper } from '@/lib/platforms/bilibili/live-events';
import type { PlatformEvent, PlatformViewer } from '@/lib/platforms/events';
import { toRealtimePayload } from '@/lib/realtime/payloads';

const who: PlatformViewer = { userId: '3546001', name: '露娜的粉丝', avatarUrl: null };
const base = { platform: 'bilibili' as const, at: 1_800_000_000_000 };

describe('mapping Bilibili events for the worker', () => {
  it('namespaces viewers and gifts, keeps Super Chats and guards apart from gifts, and carries a Super Chat’s text to browsers', () => {
    const mapper = new BilibiliEventMapper('545068');
    const events: PlatformEvent[] = [
      { ...base, key: 'gift:1', type: 'gift', viewer: who, giftId: '31036', giftName: '小花花', count: 3, value: 300, unit: 'gold', paid: true },
      { ...base, key: 'gift:2', type: 'gift', viewer: who, giftId: '1', giftName: '辣条', count: 10, value: 0, unit: 'gold', paid: false },
      { ...base, key: 'sc:9', type: 'super-chat', viewer: who, content: '主播加油', value: 30_000, unit: 'gold', price: 30, currency: 'CNY' },
      { ...base, key: 'guard:#a', type: 'guard', viewer: who, level: 3, levelName: '舰长', count: 1, value: 198_000, unit: 'gold' },
    ];
    const [gift, silver, superChat, guard] = mapper.map(events);
    expect(gift).toMatchObject({ type: 'gift', kind: 'gift', giftId: 'bilibili:31036', diamondCount: 100, repeatCount: 3, diamonds: 300, dedupeKey: 'gift:1', viewer: { userId: 'bilibili:3546001', handle: '3546001', nickname: '露娜的粉丝', placeholder: true } });
    expect(silver).toMatchObject({ kind: 'gift', diamonds: 0, repeatCount: 10 });
    expect(superChat).toMatchObject({ kind: 'super_chat', giftId: 'bilibili:super-chat', diamonds: 30_000, message: '主播加油' });
    expect(guard).toMatchObject({ kind: 'guard', giftId: 'bilibili:guard-3', giftName: '舰长', diamonds: 198_000 });
    expect(superChat && toRealtimePayload(superChat, '7')?.data).toMatchObject({ giftId: 'bilibili:super-chat', diamonds: 30_000, message: '主播加油', kind: 'super_chat', user: { id: 'bilibili:3546001' } });
    // Browsers tell a Super Chat and a guard purchase from a gift (alert variations of their own kind).
    expect(guard && toRealtimePayload(guard, '7')?.data).toMatchObject({ kind: 'guard', name: '舰长' });
    expect(silver && toRealtimePayload(silver, '7')?.data).not.toHaveProperty('kind');
  });

  it('turns the room’s like total into a like-total and a tap into one viewer’s like that never lowers the total', () => {
    const mapper = new BilibiliEventMapper('545068');
    const mapped = mapper.map([
      { ...base, key: 'likes:#1', type: 'like', viewer: null, total: 1_020 },
      { ...base, key: 'tap:#1', type: 'like', viewer: who, total: null },
      { ...base, key: 'end:#1', type: 'stream-end', reason: 'ended' },
      { ...base, key: 'live:1', type: 'stream-start', startedAt: null },
    ]);
    expect(mapped).toHaveLength(3);
    expect(mapped[0]).toEqual({ msgId: 'likes:#1', roomId: '545068', at: base.at, type: 'like-total', total: 1_020 });
    expect(mapped[1]).toMatchObject({ type: 'like', count: 1, total: 1_020, viewer: { userId: 'bilibili:3546001' } });
    expect(mapped[2]).toEqual({ msgId: 'end:#1', roomId: '545068', at: base.at, type: 'stream-end', reason: 'ended' });
  });
});
