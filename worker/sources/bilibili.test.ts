// The Bilibili connector end to end against a local stand-in for Bilibili (tools/testing/bilibili-stand-in.ts:
// its room API and live websocket, serving a committed fixture packet for packet).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '@/lib/platforms/events';
import { decodePacket } from '@/lib/platforms/bilibili/packet';
import { STAND_IN_WBI, startBilibiliStandIn, type BilibiliStandIn, type BilibiliStandInOptions } from '@/tools/testing/bilibili-stand-in';
import { parseEnv } from '@/lib/env';
import { BilibiliOfflineError, BilibiliSource, bilibiliOptionsFromEnv, type BilibiliSourceOptions } from '@/worker/sources/bilibili';

const FIXTURE = path.resolve(import.meta.dirname, '..', 'fixtures', 'bilibili-evening.jsonl');
const expected: unknown = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8'));

let standIn: BilibiliStandIn | undefined;
let source: BilibiliSource | undefined;
afterEach(async () => {
  await source?.stop();
  await standIn?.close();
  source = undefined;
  standIn = undefined;
});

async function run(standInOptions: Partial<BilibiliStandInOptions>, sourceOptions: Partial<BilibiliSourceOptions> = {}, roomId = '545068') {
  standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', shortId: '6', ...standInOptions });
  const events: PlatformEvent[] = [];
  const errors: string[] = [];
  const connects: number[] = [];
  const live = new BilibiliSource(roomId, { apiBase: standIn.apiBase, liveBase: standIn.liveBase, apiMinIntervalMs: 0, backoff: { initialMs: 20, maxMs: 200, attempts: 3 }, endGraceMs: 50, ...sourceOptions });
  source = live;
  const ended = new Promise<{ reason: string; streamEnded: boolean }>((resolve) => {
    const started = live.start({
      events: (batch) => events.push(...batch),
      connected: ({ attempt }) => connects.push(attempt),
      disconnected: resolve,
      error: (error, context) => errors.push(`${context}: ${error instanceof Error ? error.message : String(error)}`),
    });
    started.catch(() => undefined);
    void started;
  });
  return { live, events, errors, connects, ended };
}

describe('the Bilibili connector against a local Bilibili stand-in', () => {
  it('resolves a short room id, authenticates, and counts the whole live exactly until it ends', async () => {
    const { live, events, errors, ended } = await run({}, { sessdata: 'stand-in-session' }, '6');
    expect(await ended).toEqual({ reason: 'the live ended', streamEnded: true });
    expect(live.counter.totals()).toEqual(expected);
    expect(errors).toEqual([]);
    expect(live.resolvedRoom).toMatchObject({ roomId: '545068', shortId: '6', live: true });
    expect(standIn?.auths).toEqual([{ uid: 0, roomid: 545068, protover: 3, platform: 'web', type: 2, key: 'stand-in-token' }]);
    expect(standIn?.cookies.every((cookie) => cookie === 'SESSDATA=stand-in-session')).toBe(true);
    expect(events.filter((e) => e.type === 'gift').length).toBe((expected as { gifts: number }).gifts);
    expect(events.at(-1)).toMatchObject({ type: 'stream-end', reason: 'ended' });
  });

  it('takes its base URLs and cookie from the environment, defaulting to Bilibili itself', () => {
    expect(bilibiliOptionsFromEnv(parseEnv({}))).toEqual({ apiBase: 'https://api.live.bilibili.com', liveBase: 'https://live.bilibili.com', mainApiBase: 'https://api.bilibili.com', sessdata: undefined });
    expect(bilibiliOptionsFromEnv(parseEnv({ BILIBILI_API_BASE: 'http://127.0.0.1:9/', BILIBILI_LIVE_BASE: 'http://127.0.0.1:9', BILIBILI_MAIN_API_BASE: 'http://127.0.0.1:8', BILIBILI_SESSDATA: 'abc' }))).toEqual({ apiBase: 'http://127.0.0.1:9', liveBase: 'http://127.0.0.1:9', mainApiBase: 'http://127.0.0.1:8', sessdata: 'abc' });
  });

  it('signs getDanmuInfo (wbi) and sends buvid3 when the server asks for them, as Bilibili does since 2024', async () => {
    standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', shortId: '6', requireWbi: true });
    // The stand-in also plays Bilibili's main API (nav: the wbi keys; finger/spi: buvid3).
    const signed = new BilibiliSource('6', { apiBase: standIn.apiBase, liveBase: standIn.liveBase, mainApiBase: standIn.apiBase, sessdata: 'stand-in-session', apiMinIntervalMs: 0, endGraceMs: 50 });
    source = signed;
    const ended = new Promise<unknown>((resolve) => void signed.start({ events: () => undefined, disconnected: resolve, error: () => undefined }).catch(resolve));
    expect(await ended).toEqual({ reason: 'the live ended', streamEnded: true });
    expect(signed.counter.totals()).toEqual(expected);
    expect(standIn.refusedUnsigned).toBe(0);
    expect(standIn.auths).toEqual([expect.objectContaining({ roomid: 545068, key: 'stand-in-token', buvid: STAND_IN_WBI.buvid3 })]);
    expect(standIn.cookies.at(-1)).toBe(`buvid3=${STAND_IN_WBI.buvid3}; SESSDATA=stand-in-session`);
  });

  it('is refused (-352, a rate limit) by a server that asks for a signature when it cannot sign', async () => {
    standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', requireWbi: true });
    const unsigned = new BilibiliSource('545068', { apiBase: standIn.apiBase, liveBase: standIn.liveBase, apiMinIntervalMs: 0 });
    source = unsigned;
    const refusal = await unsigned.start({ events: () => undefined, disconnected: () => undefined, error: () => undefined }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'BilibiliApiError', code: -352, rateLimited: true });
    expect(standIn.refusedUnsigned).toBe(1);
  });

  it('answers heartbeats with popularity and keeps beating', async () => {
    const popularity: number[] = [];
    const onPacket = (packet: Buffer) => popularity.push(...decodePacket(packet).flatMap((item) => (item.kind === 'popularity' ? [item.value] : [])));
    const { ended } = await run({ popularity: 98_765 }, { heartbeatMs: 5, onPacket });
    await ended;
    expect(standIn?.heartbeats).toBeGreaterThanOrEqual(1);
    expect(popularity).toContain(98_765);
  });

  it('reconnects with backoff after a drop; what the new connection sends again counts once', async () => {
    const { live, connects, ended } = await run({ dropAfter: [150], resendOnReconnect: 25 });
    expect(await ended).toMatchObject({ streamEnded: true });
    expect(connects).toEqual([0, 1]);
    expect(standIn?.connections).toBe(2);
    expect(standIn?.sent).toBeGreaterThan(437);
    expect(live.counter.totals()).toEqual(expected);
    expect(live.counter.report.duplicates).toBeGreaterThan(44);
  });

  it('refuses an offline room, and stops reconnecting when the room goes offline', async () => {
    standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', liveStatus: 0 });
    const offline = new BilibiliSource('545068', { apiBase: standIn.apiBase, liveBase: standIn.liveBase, apiMinIntervalMs: 0 });
    await expect(offline.start({ events: () => undefined, disconnected: () => undefined, error: () => undefined })).rejects.toThrow(BilibiliOfflineError);
    await standIn.close();

    const { live, ended } = await run({ dropAfter: [10], offlineOnDrop: true });
    expect(await ended).toEqual({ reason: 'the room went offline', streamEnded: true });
    expect(standIn?.sent).toBe(10);
    expect(live.counter.totals().comments).toBeLessThan((expected as { comments: number }).comments);
  });

  it('fails to start when the server refuses the auth packet', async () => {
    standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', issueToken: 'stale-token' });
    const refused = new BilibiliSource('545068', { apiBase: standIn.apiBase, liveBase: standIn.liveBase, apiMinIntervalMs: 0 });
    await expect(refused.start({ events: () => undefined, disconnected: () => undefined, error: () => undefined })).rejects.toThrow('Bilibili refused the auth packet (code -101)');
    expect(standIn.auths).toMatchObject([{ roomid: 545068, key: 'stale-token' }]);
    expect(standIn.sent).toBe(0);
  });
});
