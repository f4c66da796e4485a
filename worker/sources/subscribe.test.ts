// A TikTok LIVE subscription, from the websocket frame to the browser: a WebcastSubNotifyMessage encoded with
// the library's own protobuf codecs (no real capture holds one), played by the replay source through
// tiktok-live-connector's decoder, normalised once (a repeat is dropped), published as a `subscribe` social
// message, and played by a membership alert variation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Normaliser, type RawMessage } from '@/lib/live/normalise';
import { ReplayWriter } from '@/lib/live/replay-file';
import { encodePushFrame, type SynthUser } from '@/lib/live/synth-frames';
import { matchVariation, newVariation, socialSubject } from '@/lib/overlays/variations';
import { toRealtimePayload, type RealtimeSocial } from '@/lib/realtime/payloads';
import { ReplaySource } from '@/worker/sources/replay';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-subscribe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a TikTok LIVE subscription', () => {
  it('is decoded from its frame, normalised once, sent to browsers and alerted as a membership', async () => {
    const fan: SynthUser = { id: '7100000000000000042', handle: 'mia.sparkles', nickname: 'Mia', follower: true };
    const at = Date.UTC(2026, 11, 3, 18, 0, 0);
    const message = { type: 'subscribe' as const, msgId: '7440000000000000001', at, user: fan, months: 3 };
    const file = path.join(dir, 'subscribe.jsonl');
    const writer = new ReplayWriter(file, { handle: 'luna.streams', roomId: '7440000000000000000', startedAt: at }, at);
    writer.write(encodePushFrame([message], '7440000000000000000', at, '1'), 0);
    // The same message again in a later frame (a reconnect's catch-up): counted once.
    writer.write(encodePushFrame([message], '7440000000000000000', at + 500, '2'), 500);
    await writer.close();

    const raw: RawMessage[] = [];
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    const source = new ReplaySource(file, { speed: 'max' });
    await source.start({ message: (m) => raw.push(m), events: () => undefined, disconnected: () => ended(), error: (error) => { throw error; } });
    await done;
    expect(raw.map((m) => m.kind)).toEqual(['subscribe', 'subscribe']);

    const normaliser = new Normaliser('7440000000000000000');
    const events = raw.flatMap((m) => normaliser.push(m));
    expect(events).toEqual([{ msgId: message.msgId, roomId: '7440000000000000000', at, type: 'subscribe', viewer: expect.objectContaining({ userId: fan.id, handle: fan.handle, nickname: 'Mia' }) as unknown, months: 3 }]);

    const payload = toRealtimePayload(events[0]!, '12');
    expect(payload).toMatchObject({ name: 'social', data: { kind: 'subscribe', months: 3, user: { id: fan.id } } });
    const subject = socialSubject(payload?.data as RealtimeSocial);
    expect(subject).toMatchObject({ kind: 'membership', count: 3 });
    expect(matchVariation([newVariation('follows', 'follow'), newVariation('subs', 'membership')], subject)?.id).toBe('subs');
  });
});
