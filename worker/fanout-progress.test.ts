// Streak progress is coalesced until the next flush while finished gifts go out at once: what reaches the
// browser must never be a streak's progress after its finished gift, nor progress after the live's end.
import { Response } from 'node-fetch';
import Pusher from 'pusher';
import { describe, expect, it, vi } from 'vitest';
import type { GiftEvent, GiftProgressEvent, ViewerRef } from '@/lib/live/events';
import { createLogger } from '@/lib/logger';
import { Fanout } from '@/worker/fanout';

const viewer: ViewerRef = { userId: '68001', handle: 'kolu_108', nickname: 'Kolu 108', avatarUrl: null, placeholder: false, isFollower: false };
const streak = { roomId: '7001', viewer, giftId: '5655', giftName: 'TikTok', diamondCount: 1, dedupeKey: 's:68001:5655:42', imageUrl: null };
const progress = (repeatCount: number): GiftProgressEvent => ({ ...streak, type: 'gift-progress', msgId: `p${repeatCount}`, at: 1_000 + repeatCount, repeatCount });
const finished: GiftEvent = { ...streak, type: 'gift', msgId: 'end', at: 2_000, repeatCount: 15, diamonds: 15, streakable: true, timeoutClosed: false };

/** A Fanout whose realtime server only records what it is sent, in order. */
function recordingFanout() {
  const pusher = new Pusher({ appId: '1', key: 'key', secret: 'secret', host: '127.0.0.1', port: '9' });
  const sent: { channel: string; name: string; data: unknown }[] = [];
  vi.spyOn(pusher, 'triggerBatch').mockImplementation((batch) => {
    for (const m of batch) {
      const data: unknown = m.data;
      sent.push({ channel: m.channel, name: m.name, data });
    }
    return Promise.resolve(new Response('{}', { status: 200 }));
  });
  // A long interval: coalesced updates wait for stop()'s final flush, like a flush that comes after the gift.
  const fanout = new Fanout({ pusher, log: createLogger('fanout-progress-test'), countersIntervalMs: 60_000 });
  return { fanout, sent, names: () => sent.map((m) => m.name) };
}

describe('streak progress and finished gifts', () => {
  it('drops a streak’s waiting progress when its finished gift goes out', async () => {
    const { fanout, names } = recordingFanout();
    fanout.event('acc1', '1', progress(14));
    fanout.event('acc1', '1', finished);
    await fanout.stop();
    expect(names()).toEqual(['gift']);
  });

  it('keeps the waiting progress of other streaks and other accounts', async () => {
    const { fanout, sent } = recordingFanout();
    fanout.event('acc1', '1', { ...progress(3), dedupeKey: 's:68001:5655:43' });
    fanout.event('acc2', '2', progress(14));
    fanout.event('acc1', '1', finished);
    await fanout.stop();
    expect(sent.map((m) => `${m.name}@${m.channel}`).sort()).toEqual(['gift-progress@private-account-acc1', 'gift-progress@private-account-acc2', 'gift@private-account-acc1']);
  });

  it('drops the account’s waiting progress when its live ends', async () => {
    const { fanout, sent } = recordingFanout();
    fanout.event('acc1', '1', progress(14));
    fanout.event('acc2', '2', progress(3));
    fanout.status('acc1', { state: 'offline', liveId: '1', startedAt: 1_000 });
    await fanout.stop();
    expect(sent.map((m) => ({ name: m.name, channel: m.channel }))).toEqual([
      { name: 'live-status', channel: 'private-account-acc1' },
      { name: 'gift-progress', channel: 'private-account-acc2' },
    ]);
  });
});
