// `npm run bench:overlay` — how long a gift takes from the worker to the streamer's screen: from the
// worker handing a gift's websocket frame to tiktok-live-connector's decoder to the alert element
// appearing in a real overlay page (/overlay/{token}, GIFT_ALERTS) in Chromium, p50/p99 over more than
// 1,000 gifts, beside the raw Pusher round trip (server SDK trigger → pusher-js in Chromium) on the
// same machine and the same realtime server.
//
// Set-up: the app runs the way `npm start` runs it (production build, embedded Postgres and soketi, its
// own data folder and ports) without its worker; this process is the worker — one write pipeline, one
// fan-out and one game manager shared by every room, as in worker/index.ts — replaying synthetic
// sessions in real time through the library's decoder, the normaliser, Postgres and soketi.
//
// The alert queue shows one alert at a time (its duration plus a 250 ms gap), so a gift that arrives
// while another is on screen waits by design. To measure delivery rather than that wait, each of
// BENCH_OVERLAYS accounts (one overlay page each) receives one completed gift every BENCH_GIFT_SPACING_MS
// (longer than a 1 s alert plus the gap), the accounts staggered so gifts reach the machine at an even
// BENCH_OVERLAYS / spacing per second. Each page is replayed against the page's own queue (the real
// lib/overlays/alert-queue.ts functions, fed the page's arrival times): only gifts that found the queue
// empty count towards the end-to-end figure; the others are reported as queued.
//
// Two passes, each with its own accounts and pages: first without media (the figures earlier runs
// report), then with media variations as a streamer sets them up in TikFinity (a sound and a picture per
// value tier, a video for big gifts), uploaded to the bench workspace through the upload route's code
// (lib/media/library.ts). The media pass also notes, per alert, when its media showed its first frame or
// started playing. BENCH_MEDIA=0 runs the first pass only.
//
// Timestamps are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now()) in
// both processes; each page's offset to this process (both measured against the system's wall clock,
// before and after the replay) is subtracted.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { nodeCommand } from '@/tools/node/run.mjs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createDb, type Db } from '@/lib/db';
import { parseEnv, resetEnvCache } from '@/lib/env';
import { getFreePort } from '@/tools/infra/ports';
import { ensureServices, type ServiceHandle } from '@/tools/infra/services';
import type { LiveEvent } from '@/lib/live/events';
import { ReplayWriter } from '@/lib/live/replay-file';
import { generateSession } from '@/lib/live/synth';
import { encodePushFrame, type SynthMessage, type SynthUser } from '@/lib/live/synth-frames';
import { createLogger } from '@/lib/logger';
import { addMedia, readUpload, type MediaSummary } from '@/lib/media/library';
import { mediaStorage } from '@/lib/media/storage';
import { alertVariationSchema, type AlertVariation } from '@/lib/overlays/variations';
import { ALERT_GAP_MS, advanceAlertQueue, createAlertQueue, enqueueAlert, nextAlertChange, type AlertQueue, type AlertTiming } from '@/lib/overlays/alert-queue';
import { accountChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { createPusher, publishUntyped } from '@/lib/realtime/server';
import { GIFT_CATALOG, giftWeight } from '@/lib/seed/catalog';
import { createRandom } from '@/lib/seed/random';
import { createIngest } from '@/worker/ingest';
import { RoomSession } from '@/worker/room';
import { ReplaySource } from '@/worker/sources/replay';
import { sampleGif, sampleMp3, samplePng, sampleWav } from '@/tools/testing/media-samples';
import { eventSink } from '@/worker/sinks';
import { machineLine, percentile, ROOT, round, writeBenchSection } from './lib';
import { measureFanout } from './overlay-fanout';

process.env.LOG_LEVEL ??= 'warn';
const say = (message: string) => process.stderr.write(`[bench:overlay] ${message}\n`);
const OVERLAYS = Number(process.env.BENCH_OVERLAYS ?? 20);
const GIFTS_PER_OVERLAY = Number(process.env.BENCH_GIFTS_PER_OVERLAY ?? 52);
const SPACING_MS = Number(process.env.BENCH_GIFT_SPACING_MS ?? 2000);
const RTT_EVENTS = Number(process.env.BENCH_RTT_EVENTS ?? 1000);
const MEDIA_PASS = process.env.BENCH_MEDIA !== '0';
const RTT_INTERVAL_MS = 20;
const TARGET_P99_MS = 250;
const LEAD_MS = 4000;
const ALERT_SECONDS = 1;
const VIEWPORT = { width: 640, height: 360 };
const DATA_DIR = '.data/bench-overlay';
// The same flags as playwright.config.ts (no background networking on a closed network; media may play
// without a click, as OBS lets browser sources autoplay).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'];

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------
// The app, started by the launcher without its worker.

type App = { url: string; env: Record<string, string>; stop: () => Promise<void> };

/** A port given in the environment (to keep clear of other runs on a shared machine), or one the OS picks. */
async function benchPort(variable: 'PORT' | 'EMBEDDED_PG_PORT' | 'SOKETI_PORT'): Promise<number> {
  const given = Number(process.env[variable]);
  // soketi binds its port and the next one (metrics).
  return Number.isInteger(given) && given > 0 ? given : getFreePort(variable === 'SOKETI_PORT' ? 2 : 1);
}

async function startApp(): Promise<App> {
  const port = await benchPort('PORT');
  const env = {
    PORT: String(port),
    LIVELENS_DATA_DIR: DATA_DIR,
    EMBEDDED_PG_PORT: String(await benchPort('EMBEDDED_PG_PORT')),
    SOKETI_PORT: String(await benchPort('SOKETI_PORT')),
    // Nothing may leave the machine: a closed port stands in for TikTok.
    TIKTOK_PROFILE_BASE_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const child = spawn(process.execPath, nodeCommand('app', path.join(ROOT, 'scripts', 'launch.ts'), ['start', '--no-worker']), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 300_000;
  while (!output.includes('LiveLens is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not start:\n${output.slice(-2000)}`);
    }
    await sleep(500);
  }
  return { url: `http://127.0.0.1:${port}`, env, stop };
}

// ---------------------------------------------------------------------------------------------------
// Sessions: background activity from the synthetic generator (chat, likes, joins, viewer counts,
// follows, shares, duplicate frames, the stream's end) plus gifts at a fixed spacing, singles and
// streaks whose completing frame lands on the gift's slot.

type Account = { index: number; id: string; handle: string; roomId: string; file: string; token: string; gifts: number };

function writeSession(file: string, index: number, handle: string, roomId: string, startTime: number): Promise<number> {
  const offset = LEAD_MS + Math.round((index * SPACING_MS) / OVERLAYS);
  const durationSec = Math.ceil((offset + GIFTS_PER_OVERLAY * SPACING_MS + 3000) / 1000);
  const background = generateSession({
    seed: 9100 + index,
    handle,
    roomId,
    durationSec,
    startTime,
    audience: 60,
    peakViewers: 300,
    chatsPerMinute: 30,
    likeMessagesPerMinute: 60,
    joinsPerMinute: 30,
    followsPerMinute: 3,
    sharesPerMinute: 2,
    giftsPerMinute: 0,
    unendedStreak: false,
    streamEnd: true,
  });
  const random = createRandom(7700 + index);
  const gifters: SynthUser[] = Array.from({ length: 40 }, (_, i) => ({ id: `69${String(index).padStart(3, '0')}${String(i).padStart(12, '0')}`, handle: `fan_${index}_${i}`, nickname: `Fan ${index}.${i}`, follower: random.chance(0.4) }));
  const catalog = GIFT_CATALOG.map((g) => ({ gift: { id: g.giftId, name: g.name, diamondCount: g.diamondCount, streakable: g.streakable }, weight: giftWeight(g) }));
  let seq = 7_400_000_000_000_000_000n + BigInt(index) * 10_000_000n;
  const msgId = () => String(++seq);
  const giftFrames: { t: number; messages: SynthMessage[] }[] = [];
  for (let slot = 0; slot < GIFTS_PER_OVERLAY; slot++) {
    const t = offset + slot * SPACING_MS;
    const user = random.pick(gifters);
    const { gift } = random.weighted(catalog, (c) => c.weight);
    if (!gift.streakable) {
      giftFrames.push({ t, messages: [{ type: 'gift', msgId: msgId(), at: startTime + t, user, gift, repeatCount: 1, repeatEnd: false, groupId: '0' }] });
      continue;
    }
    // A streak: taps 150 ms apart before the slot, the end frame (which completes the gift) on it.
    const taps = random.weighted([1, 2, 3, 5, 8], (_, i) => [30, 25, 20, 15, 10][i] ?? 1);
    const groupId = String(BigInt(startTime + t) * 1000n + BigInt(index));
    for (let tap = 1; tap <= taps; tap++) {
      giftFrames.push({ t: t - (taps - tap + 1) * 150, messages: [{ type: 'gift', msgId: msgId(), at: startTime + t - (taps - tap + 1) * 150, user, gift, repeatCount: tap, repeatEnd: false, groupId }] });
    }
    giftFrames.push({ t, messages: [{ type: 'gift', msgId: msgId(), at: startTime + t, user, gift, repeatCount: taps, repeatEnd: true, groupId }] });
  }
  const frames = [
    ...background.frames,
    ...giftFrames.map((f, i) => ({ t: f.t, frame: encodePushFrame(f.messages, roomId, startTime + f.t, String(900_000_000 + index * 100_000 + i)) })),
  ].sort((a, b) => a.t - b.t);
  const writer = new ReplayWriter(file, { handle, roomId, startedAt: startTime, note: `bench:overlay, account ${index}` });
  for (const frame of frames) writer.write(frame.frame, frame.t);
  return writer.close().then(() => GIFTS_PER_OVERLAY);
}

async function createAccounts(db: Db, runTag: string, withMedia: boolean): Promise<{ accounts: Account[]; media: BenchMedia | null }> {
  const user = await db.user.create({ data: { email: `bench-overlay-${runTag}@example.test`, passwordHash: 'not-a-real-hash' } });
  const workspace = await db.workspace.create({ data: { name: `Bench ${runTag}`, personal: true, members: { create: { userId: user.id, role: 'OWNER' } } } });
  const media = withMedia ? await setUpMediaVariations(db, { workspaceId: workspace.id, userId: user.id }) : null;
  const replayDir = path.join(ROOT, DATA_DIR, 'replays');
  fs.mkdirSync(replayDir, { recursive: true });
  const startTime = Date.now();
  const accounts: Account[] = [];
  for (let index = 0; index < OVERLAYS; index++) {
    const handle = `bov${runTag}_${index}`;
    const roomId = `74${runTag}${String(index).padStart(4, '0')}`;
    const account = await db.channel.create({ data: { handle, nickname: `Bench ${index}` } });
    await db.workspaceAccount.create({ data: { workspaceId: workspace.id, accountId: account.id } });
    const overlay = await db.overlay.create({
      data: {
        workspaceId: workspace.id,
        createdById: user.id,
        accountId: account.id,
        kind: 'GIFT_ALERTS',
        name: `Bench alerts ${index}`,
        // The shortest alerts, every gift shown, no chime or speech; in the media pass every gift matches a variation.
        settings: { durationSeconds: ALERT_SECONDS, minDiamonds: 0, sound: false, speech: false, variations: media?.variations ?? [] },
        token: randomBytes(24).toString('base64url'),
      },
    });
    const file = path.join(replayDir, `${handle}.jsonl`);
    const gifts = await writeSession(file, index, handle, roomId, startTime);
    accounts.push({ index, id: account.id, handle, roomId, file, token: overlay.token, gifts });
  }
  return { accounts, media };
}

// ---------------------------------------------------------------------------------------------------
// Media variations, as a TikFinity set-up: a sound and a picture per value tier, a video for big gifts.
// The files are real and decode in Chromium (tools/testing/media-samples.ts; the video is made by ffmpeg,
// VP8 WebM, and the top tier falls back to a GIF where ffmpeg is missing), uploaded the way
// POST /api/uploads/media stores them: the body read as a stream by readUpload, then addMedia into the
// storage the settings choose (the app's data folder, which the app serves them from).

/** What an alert's media element is, for the report: the variation's picture, GIF or video, or its sound. */
type MediaLabel = 'png' | 'gif' | 'video' | 'sound';
const MEDIA_LABELS: MediaLabel[] = ['png', 'gif', 'video', 'sound'];
type BenchMedia = { variations: AlertVariation[]; visualLabel: Record<string, MediaLabel>; files: { label: string; file: MediaSummary }[]; video: boolean };

async function uploadBenchFile(db: Db, actor: { workspaceId: string; userId: string }, name: string, data: Uint8Array): Promise<MediaSummary> {
  // Delivered in 64 KiB chunks, as a request body arrives.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < data.byteLength; at += 65_536) controller.enqueue(data.subarray(at, at + 65_536));
      controller.close();
    },
  });
  const bytes = await readUpload(body, data.byteLength);
  return (await addMedia(db, mediaStorage(), actor, { name, data: bytes })).file;
}

/** A 1 s VP8 WebM (ffmpeg's test pattern, 320×180, 30 fps, no sound), or null without ffmpeg. */
function makeVideo(): Uint8Array | null {
  const file = path.join(os.tmpdir(), `bench-overlay-${process.pid}.webm`);
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=30', '-t', '1', '-c:v', 'libvpx', '-b:v', '400k', '-an', file], { stdio: 'ignore' });
  if (made.status !== 0 || !fs.existsSync(file)) return null;
  const data = fs.readFileSync(file);
  fs.rmSync(file, { force: true });
  return data;
}

async function setUpMediaVariations(db: Db, actor: { workspaceId: string; userId: string }): Promise<BenchMedia> {
  const png = await uploadBenchFile(db, actor, 'rose.png', samplePng(200, 200));
  const gif = await uploadBenchFile(db, actor, 'confetti.gif', sampleGif({ screen: [160, 160], frames: 8 }));
  const ding = await uploadBenchFile(db, actor, 'ding.mp3', sampleMp3(20, { id3: true }));
  const fanfare = await uploadBenchFile(db, actor, 'fanfare.wav', sampleWav(700, 22_050));
  const videoBytes = makeVideo();
  const video = videoBytes ? await uploadBenchFile(db, actor, 'big-gift.webm', videoBytes) : null;
  const files = [
    { label: 'PNG', file: png },
    { label: 'GIF', file: gif },
    { label: 'MP3', file: ding },
    { label: 'WAV', file: fanfare },
    ...(video ? [{ label: 'WebM', file: video }] : []),
  ];
  const base = { event: 'gift', template: '{name} sent {count}× {gift}', durationSeconds: ALERT_SECONDS, volume: 0.8 } as const;
  const variations = [
    { ...base, id: 'tier-small', label: '1–9 diamonds', minDiamonds: 1, maxDiamonds: 9, sound: 'media', soundId: ding.id, visualId: png.id, visualKind: 'IMAGE' },
    { ...base, id: 'tier-mid', label: '10–99 diamonds', minDiamonds: 10, maxDiamonds: 99, sound: 'media', soundId: fanfare.id, visualId: gif.id, visualKind: 'IMAGE' },
    video
      ? { ...base, id: 'tier-big', label: '100+ diamonds', minDiamonds: 100, sound: 'none', visualId: video.id, visualKind: 'VIDEO', visualMs: video.durationMs ?? 0 }
      : { ...base, id: 'tier-big', label: '100+ diamonds', minDiamonds: 100, sound: 'media', soundId: fanfare.id, visualId: gif.id, visualKind: 'IMAGE' },
  ].map((v) => alertVariationSchema.parse(v));
  return { variations, visualLabel: { 'tier-small': 'png', 'tier-mid': 'gif', 'tier-big': video ? 'video' : 'gif' }, files, video: video !== null };
}

// ---------------------------------------------------------------------------------------------------
// In the pages. Kept as strings: functions would be serialised after tsx's transform, which may add
// helpers the page does not have.

// Notes, per gift id, when its Pusher message reached the page's websocket (before pusher-js handles
// it) and when its alert element was inserted (a MutationObserver), plus the next animation frame.
const RECORDER = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const rec = { arrived: {}, order: [], shown: {}, frame: {}, media: {}, gone: {} };
  // An alert's media: when the picture is decoded (decode() resolved), the video's first frame is
  // presented (requestVideoFrameCallback; also loadeddata then playing) and the sound starts playing.
  const watchMedia = (id, element) => {
    const found = [...element.querySelectorAll('[data-testid="alert-visual"], [data-testid="alert-sound"]')];
    if (found.length === 0) return;
    const entry = { variation: element.getAttribute('data-variation-id') || '', items: [] };
    rec.media[id] = entry;
    for (const media of found) {
      const item = { tag: media.tagName.toLowerCase(), at: null, playing: null, error: false };
      entry.items.push(item);
      const done = () => { if (item.at === null) item.at = now(); };
      const fail = () => { item.error = true; };
      media.addEventListener('error', fail);
      if (media instanceof HTMLImageElement) {
        media.decode().then(done, fail);
      } else if (media instanceof HTMLVideoElement) {
        let loaded = false;
        let playing = false;
        const both = () => { if (loaded && playing && item.playing === null) item.playing = now(); };
        media.addEventListener('loadeddata', () => { loaded = true; both(); });
        media.addEventListener('playing', () => { playing = true; both(); });
        if (typeof media.requestVideoFrameCallback === 'function') media.requestVideoFrameCallback(done);
        else media.addEventListener('playing', () => { if (loaded) done(); else media.addEventListener('loadeddata', done, { once: true }); }, { once: true });
      } else {
        media.addEventListener('playing', done, { once: true });
      }
    }
  };
  window.__overlayBench = rec;
  const Native = window.WebSocket;
  class RecordedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (message) => {
        const at = now();
        if (typeof message.data !== 'string' || !message.data.includes('gift')) return;
        try {
          const frame = JSON.parse(message.data);
          if (frame.event !== 'gift') return;
          const gift = typeof frame.data === 'string' ? JSON.parse(frame.data) : frame.data;
          if (gift && typeof gift.id === 'string' && !(gift.id in rec.arrived)) {
            rec.arrived[gift.id] = at;
            rec.order.push(gift.id);
          }
        } catch {}
      });
    }
  }
  window.WebSocket = RecordedWebSocket;
  new MutationObserver((records) => {
    const at = now();
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (!(node instanceof Element)) continue;
        const found = node.matches('[data-testid="gift-alert"]') ? [node] : [...node.querySelectorAll('[data-testid="gift-alert"]')];
        for (const element of found) {
          const id = element.getAttribute('data-alert-id');
          if (id && !(id in rec.gone)) rec.gone[id] = at;
        }
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const found = node.matches('[data-testid="gift-alert"]') ? [node] : [...node.querySelectorAll('[data-testid="gift-alert"]')];
        for (const element of found) {
          const id = element.getAttribute('data-alert-id');
          if (!id || id in rec.shown) continue;
          rec.shown[id] = at;
          requestAnimationFrame(() => { rec.frame[id] = now(); });
          watchMedia(id, element);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

type MediaItem = { tag: string; at: number | null; playing: number | null; error: boolean };
type PageRecord = { arrived: Record<string, number>; order: string[]; shown: Record<string, number>; frame: Record<string, number>; media: Record<string, { variation: string; items: MediaItem[] }>; gone: Record<string, number> };
// How far this context's high-resolution epoch clock (timeOrigin + now()) is from the system's wall
// clock: Date.now() is read until it ticks over to the next millisecond, which is then the wall time to
// within the loop's few microseconds; the median of 7. Chromium maps its clock to the epoch once, at
// launch, and Node once, at start, so the two can differ by a little; both read the same wall clock.
// (A round trip through page.evaluate() is too noisy for this once 20 pages keep the cores busy.)
const WALL_CORRECTION = `(() => {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const start = Date.now();
    let wall;
    let clock;
    do {
      wall = Date.now();
      clock = performance.timeOrigin + performance.now();
    } while (wall === start);
    samples.push(wall - clock);
  }
  samples.sort((a, b) => a - b);
  return samples[3];
})()`;

function wallCorrection(): number {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = Date.now();
    let wall: number;
    let clock: number;
    do {
      wall = Date.now();
      clock = now();
    } while (wall === start);
    samples.push(wall - clock);
  }
  samples.sort((a, b) => a - b);
  return samples[3] ?? 0;
}

/** The page's clock minus this process's clock, in milliseconds. */
async function clockOffset(page: Page): Promise<number> {
  const pageCorrection = await page.evaluate<number>(WALL_CORRECTION);
  return wallCorrection() - pageCorrection;
}

// ---------------------------------------------------------------------------------------------------
// The worker side.

type GiftTiming = { account: number; frameAt: number; decodedAt: number; publishedAt?: number; streak: boolean };

async function replayAll(accounts: Account[], db: Db, databaseUrl: string): Promise<{ gifts: Map<string, GiftTiming>; fanoutDropped: number; fanoutFailures: number; pipelineDropped: number; seconds: number }> {
  const log = createLogger('bench');
  const gifts = new Map<string, GiftTiming>();
  const accountChannels = new Set(accounts.map((a) => accountChannel(a.id)));
  // Per account, when its last frame was handed to the decoder.
  const frameAt = new Map<string, number>();
  const indexOf = new Map(accounts.map((a) => [a.id, a.index]));
  // The worker's own chain (worker/ingest.ts), with a sink that notes when each gift was decoded: decoding
  // and normalising a frame is synchronous up to the sinks, and a room's frames go one at a time, so the
  // frame handed to the decoder last is the one that completed the gift.
  const ingest = createIngest({
    databaseUrl,
    log,
    pusher: createPusher(),
    applicationName: 'livelens-bench-writer',
    fanout: {
      onPublished: (messages) => {
        const at = now();
        for (const message of messages) {
          if (message.name !== RealtimeEvent.gift || !accountChannels.has(message.channel)) continue;
          const timing = gifts.get((message.data as { id: string }).id);
          if (timing) timing.publishedAt = at;
        }
      },
    },
    sinks: [
      eventSink('bench-timing', (event: LiveEvent, live) => {
        if (event.type === 'gift') gifts.set(event.dedupeKey, { account: indexOf.get(live.accountId) ?? -1, frameAt: frameAt.get(live.accountId) ?? 0, decodedAt: now(), streak: event.streakable });
      }),
    ],
  });
  const started = now();
  try {
    ingest.start();
    const runs = accounts.map(async (account) => {
      const source = new ReplaySource(account.file, { speed: 1, roomId: account.roomId, onFrame: () => frameAt.set(account.id, now()) });
      const room = new RoomSession({ source, accountId: account.id, db, log, ...ingest.room });
      const end = await room.run();
      await source.finished;
      if (!end.streamEnded) say(`  @${account.handle}: the replay ended without the stream's end (${end.reason})`);
    });
    await Promise.all(runs);
    await ingest.pipeline.flushed();
    return { gifts, fanoutDropped: ingest.fanout?.stats.dropped ?? 0, fanoutFailures: ingest.fanout?.stats.failures ?? 0, pipelineDropped: ingest.pipeline.snapshot().dropped, seconds: (now() - started) / 1000 };
  } finally {
    await ingest.stop({ drainMs: 10_000 });
  }
}

/** Whether each gift found its page's alert queue empty, replaying the page's queue over its arrivals. */
function startedAtOnce(order: string[], arrivals: Map<string, number>): Set<string> {
  const timing: AlertTiming = { durationMs: ALERT_SECONDS * 1000, gapMs: ALERT_GAP_MS };
  let queue: AlertQueue<null> = createAlertQueue<null>();
  const immediate = new Set<string>();
  for (const id of order) {
    const at = arrivals.get(id);
    if (at === undefined) continue;
    for (let due = nextAlertChange(queue); due !== null && due <= at; due = nextAlertChange(queue)) {
      const next = advanceAlertQueue(queue, due, timing);
      if (next === queue) break;
      queue = next;
    }
    queue = enqueueAlert(queue, id, null, at, timing);
    if (queue.current?.id === id && queue.current.startedAt === at) immediate.add(id);
  }
  return immediate;
}

// ---------------------------------------------------------------------------------------------------
// The raw Pusher round trip: the server SDK triggers on a public channel, pusher-js receives in Chromium.

async function pusherRoundTrip(browser: Browser, appUrl: string, pusherEnv: Record<string, string>, token: string): Promise<{ latencies: number[]; ackLatencies: number[]; lost: number; clockOffsetMs: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    // A page of the app's own origin: Chromium's local-network checks refuse 127.0.0.1 from about:blank.
    await page.goto(`${appUrl}/about`);
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'pusher-js', 'dist', 'web', 'pusher.min.js') });
    // Connections must sign in (the realtime server closes one that does not within 5 s): with an overlay's token.
    const config = JSON.stringify({ key: pusherEnv.PUSHER_KEY, port: Number(pusherEnv.PUSHER_PORT), token });
    await page.evaluate(`new Promise((resolve, reject) => {
      const config = ${config};
      const client = new Pusher(config.key, { cluster: 'mt1', wsHost: '127.0.0.1', wsPort: config.port, forceTLS: false, enabledTransports: ['ws'], disableStats: true, userAuthentication: { endpoint: '/api/pusher/user-auth', transport: 'ajax', params: { token: config.token } } });
      client.signin();
      const received = {};
      window.__rtt = received;
      const channel = client.subscribe('bench-rtt');
      channel.bind('ping', (data) => { received[data.seq] = performance.timeOrigin + performance.now(); });
      channel.bind('pusher:subscription_succeeded', () => resolve(true));
      channel.bind('pusher:subscription_error', (error) => reject(new Error(JSON.stringify(error))));
      setTimeout(() => reject(new Error('pusher-js did not subscribe within 15 s')), 15000);
    })`);
    const clockOffsetMs = await clockOffset(page);
    const pusher = createPusher();
    const sent: number[] = [];
    const acked: number[] = [];
    for (let seq = 0; seq < RTT_EVENTS; seq++) {
      const at = now();
      sent[seq] = at;
      await publishUntyped('bench-rtt', 'ping', { seq }, pusher);
      acked[seq] = now() - at;
      const wait = at + RTT_INTERVAL_MS - now();
      if (wait > 0) await sleep(wait);
    }
    await sleep(500);
    const received = await page.evaluate<Record<string, number>>('window.__rtt');
    const latencies: number[] = [];
    for (let seq = 0; seq < RTT_EVENTS; seq++) {
      const at = received[String(seq)];
      const start = sent[seq];
      if (at !== undefined && start !== undefined) latencies.push(at - clockOffsetMs - start);
    }
    return { latencies, ackLatencies: acked, lost: RTT_EVENTS - latencies.length, clockOffsetMs };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------

const stats = (values: number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(values.length ? Math.max(...values) : 0) });

type Stats = { p50: number; p99: number; max: number };
type PassResult = {
  withMedia: boolean;
  accounts: Account[];
  pages: Page[];
  media: BenchMedia | null;
  expectedGifts: number;
  decoded: number;
  arrived: number;
  shown: number;
  queued: number;
  fanoutDropped: number;
  fanoutFailures: number;
  clockOffsetMaxMs: number;
  clockDriftMaxMs: number;
  n: Record<'decode' | 'published' | 'delivery' | 'endToEnd' | 'nextFrame' | 'render', number>;
  s: Record<'decode' | 'published' | 'delivery' | 'endToEnd' | 'nextFrame' | 'render', Stats>;
  /** Media pass: alert element inserted → first frame / playing, per kind of media. */
  mediaFirst: Record<MediaLabel, { n: number; stats: Stats; failed: number; expected: number; errors: number; late: number }>;
  /** Video only: alert element inserted → loadeddata and playing both fired. */
  videoPlaying: { n: number; stats: Stats };
  /** Measured alerts that had media, and how many of them failed to show at least one of their files. */
  mediaAlerts: number;
  mediaAlertsFailed: number;
};

/** One pass: its own workspace, accounts and pages; replays the sessions and measures each gift. */
async function runPass(db: Db, databaseUrl: string, context: BrowserContext, appUrl: string, withMedia: boolean): Promise<PassResult> {
  const runTag = String(Date.now()).slice(-9);
  say(`${withMedia ? 'media pass' : 'pass without media'}: ${OVERLAYS} accounts with a gift-alert overlay each; ${GIFTS_PER_OVERLAY} gifts per account, one every ${SPACING_MS} ms (${round((OVERLAYS * 1000) / SPACING_MS, 1)} gifts/s in all)…`);
  const { accounts, media } = await createAccounts(db, runTag, withMedia);
  if (media) say(`  uploaded ${media.files.map((f) => `${f.label} (${f.file.bytes.toLocaleString('en-US')} bytes)`).join(', ')}; ${media.variations.length} variations${media.video ? '' : ' (no ffmpeg: the top tier shows a GIF, not a video)'}`);
  say(`opening ${accounts.length} overlay pages in Chromium…`);
  const pages: Page[] = [];
  try {
    for (const account of accounts) {
      const page = await context.newPage();
      await page.goto(`${appUrl}/overlay/${account.token}`);
      pages.push(page);
    }
    for (const page of pages) await page.waitForSelector('[data-overlay-kind="GIFT_ALERTS"][data-overlay-state="live"]', { timeout: 60_000 });
    const clocksBefore = await Promise.all(pages.map(clockOffset));

    say(`replaying ${accounts.length} sessions in real time (about ${Math.round((LEAD_MS + GIFTS_PER_OVERLAY * SPACING_MS) / 1000)} s)…`);
    const replay = await replayAll(accounts, db, databaseUrl);
    const expectedGifts = accounts.reduce((sum, a) => sum + a.gifts, 0);
    say(`  ${replay.gifts.size} gifts decoded (of ${expectedGifts} sent) in ${round(replay.seconds, 1)} s`);

    // The last alerts: wait until every page has shown what it received (or 10 s), and their media has had its alert's time.
    const byAccount = new Map<number, string[]>();
    for (const [id, timing] of replay.gifts) byAccount.set(timing.account, [...(byAccount.get(timing.account) ?? []), id]);
    let records: PageRecord[] = [];
    const settleBy = Date.now() + 10_000;
    for (;;) {
      records = await Promise.all(pages.map((page) => page.evaluate<PageRecord>('window.__overlayBench')));
      const complete = records.every((record, i) => (byAccount.get(i) ?? []).every((id) => id in record.shown));
      if (complete || Date.now() > settleBy) break;
      await sleep(250);
    }
    if (withMedia) {
      await sleep(ALERT_SECONDS * 1000 + ALERT_GAP_MS);
      records = await Promise.all(pages.map((page) => page.evaluate<PageRecord>('window.__overlayBench')));
    }
    const clocksAfter = await Promise.all(pages.map(clockOffset));

    // Per gift: decode → message in the page (all), decode → alert element (those that found the queue empty).
    const endToEnd: number[] = [];
    const nextFrame: number[] = [];
    const delivery: number[] = [];
    const render: number[] = [];
    const published: number[] = [];
    const decode: number[] = [];
    const firstFrame = Object.fromEntries(MEDIA_LABELS.map((label) => [label, { times: [] as number[], failed: 0, expected: 0, errors: 0, late: 0 }])) as Record<MediaLabel, { times: number[]; failed: number; expected: number; errors: number; late: number }>;
    const videoPlaying: number[] = [];
    let mediaAlerts = 0;
    let mediaAlertsFailed = 0;
    let arrived = 0;
    let shown = 0;
    let queued = 0;
    for (const [i, record] of records.entries()) {
      const before = clocksBefore[i];
      const after = clocksAfter[i];
      const offset = before !== undefined && after !== undefined ? (before + after) / 2 : 0;
      const arrivals = new Map(Object.entries(record.arrived).map(([id, at]) => [id, at - offset]));
      const immediate = startedAtOnce(record.order, arrivals);
      for (const id of byAccount.get(i) ?? []) {
        const timing = replay.gifts.get(id);
        if (!timing) continue;
        decode.push(timing.decodedAt - timing.frameAt);
        if (timing.publishedAt !== undefined) published.push(timing.publishedAt - timing.frameAt);
        const arrival = arrivals.get(id);
        if (arrival === undefined) continue;
        arrived++;
        delivery.push(arrival - timing.frameAt);
        const shownAt = record.shown[id];
        if (shownAt === undefined) continue;
        shown++;
        if (!immediate.has(id)) {
          queued++;
          continue;
        }
        endToEnd.push(shownAt - offset - timing.frameAt);
        render.push(shownAt - offset - arrival);
        const frameAt = record.frame[id];
        if (frameAt !== undefined) nextFrame.push(frameAt - offset - timing.frameAt);
        if (!media) continue;
        // Every gift matches a tier, so every measured alert should carry its media (same page clock: no offset).
        mediaAlerts++;
        const entry = record.media[id];
        if (!entry) {
          mediaAlertsFailed++;
          continue;
        }
        let failedHere = false;
        for (const item of entry.items) {
          const label: MediaLabel = item.tag === 'audio' ? 'sound' : (media.visualLabel[entry.variation] ?? (item.tag === 'video' ? 'video' : 'png'));
          const bucket = firstFrame[label];
          bucket.expected++;
          // Shown after its alert had left the page is not shown.
          const goneAt = record.gone[id];
          if (item.at === null || item.error || (goneAt !== undefined && item.at > goneAt)) {
            bucket.failed++;
            if (item.error) bucket.errors++;
            else if (item.at !== null || goneAt !== undefined) bucket.late++;
            failedHere = true;
          } else bucket.times.push(item.at - shownAt);
          if (item.tag === 'video' && item.playing !== null) videoPlaying.push(item.playing - shownAt);
        }
        if (failedHere) mediaAlertsFailed++;
      }
    }
    const clockSpread = clocksBefore.map((b, i) => Math.abs(b - (clocksAfter[i] ?? b)));
    const result: PassResult = {
      withMedia,
      accounts,
      pages,
      media,
      expectedGifts,
      decoded: replay.gifts.size,
      arrived,
      shown,
      queued,
      fanoutDropped: replay.fanoutDropped,
      fanoutFailures: replay.fanoutFailures,
      clockOffsetMaxMs: round(Math.max(0, ...[...clocksBefore, ...clocksAfter].map((c) => Math.abs(c))), 2),
      clockDriftMaxMs: round(Math.max(0, ...clockSpread), 2),
      n: { decode: decode.length, published: published.length, delivery: delivery.length, endToEnd: endToEnd.length, nextFrame: nextFrame.length, render: render.length },
      s: { decode: stats(decode), published: stats(published), delivery: stats(delivery), endToEnd: stats(endToEnd), nextFrame: stats(nextFrame), render: stats(render) },
      mediaFirst: Object.fromEntries(MEDIA_LABELS.map((label) => [label, { n: firstFrame[label].times.length, stats: stats(firstFrame[label].times), failed: firstFrame[label].failed, expected: firstFrame[label].expected, errors: firstFrame[label].errors, late: firstFrame[label].late }])) as PassResult['mediaFirst'],
      videoPlaying: { n: videoPlaying.length, stats: stats(videoPlaying) },
      mediaAlerts,
      mediaAlertsFailed,
    };
    const e2e = result.s.endToEnd;
    say(`  end to end p50 ${e2e.p50} ms, p99 ${e2e.p99} ms over ${endToEnd.length} gifts; delivery p50 ${result.s.delivery.p50} ms, p99 ${result.s.delivery.p99} ms`);
    if (media) for (const label of MEDIA_LABELS) say(`  ${label}: first frame p50 ${result.mediaFirst[label].stats.p50} ms, p99 ${result.mediaFirst[label].stats.p99} ms over ${result.mediaFirst[label].n}; ${result.mediaFirst[label].failed} of ${result.mediaFirst[label].expected} failed (${result.mediaFirst[label].errors} errors, ${result.mediaFirst[label].late} after their alert left)`);
    return result;
  } catch (error) {
    for (const page of pages) await page.close().catch(() => undefined);
    for (const account of accounts) fs.rmSync(account.file, { force: true });
    throw error;
  }
}

const MEDIA_ROW_LABEL: Record<MediaLabel, string> = {
  png: 'picture (PNG, 1–9 💎): `decode()` resolved',
  gif: 'animated GIF (10–99 💎): `decode()` resolved',
  video: 'video (WebM VP8, 100+ 💎): first frame (`requestVideoFrameCallback`)',
  sound: 'sound (MP3 or WAV, 1–99 💎): `playing`',
};

function passSummary(pass: PassResult): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return `${count(pass.expectedGifts)} sent, ${count(pass.decoded)} decoded, ${count(pass.arrived)} arrived in their page, ${count(pass.shown)} shown (${pass.decoded - pass.arrived} dropped on the way, ${pass.arrived - pass.shown} arrived but not shown); ${count(pass.n.endToEnd)} measured end to end, ${pass.queued} waited in the alert queue. Fan-out: ${pass.fanoutDropped} messages dropped, ${pass.fanoutFailures} failed requests`;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg().map((v) => round(v, 2));
  say('starting the app (production build, embedded Postgres and soketi, no worker)…');
  const app = await startApp();
  let browser: Browser | undefined;
  let services: ServiceHandle | undefined;
  let db: Db | undefined;
  const passes: PassResult[] = [];
  try {
    // This process is the worker: the app's own Postgres and soketi, as `npm run replay` attaches to them.
    Object.assign(process.env, app.env);
    resetEnvCache();
    services = await ensureServices(parseEnv(), { say });
    Object.assign(process.env, services.pusherEnv, { DATABASE_URL: services.databaseUrl });
    resetEnvCache();
    db = createDb(services.databaseUrl, { max: 4, applicationName: 'livelens-bench' });

    browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: RECORDER });
    const plain = await runPass(db, services.databaseUrl, context, app.url, false);
    passes.push(plain);
    let withMedia: PassResult | undefined;
    if (MEDIA_PASS) {
      // The first pass's pages are closed: the media pass runs with the same number of open pages.
      for (const page of plain.pages) await page.close();
      withMedia = await runPass(db, services.databaseUrl, context, app.url, true);
      passes.push(withMedia);
    }

    say(`raw Pusher round trip: ${RTT_EVENTS} events, one every ${RTT_INTERVAL_MS} ms…`);
    const rtt = await pusherRoundTrip(browser, app.url, services.pusherEnv, plain.accounts[0]?.token ?? '');
    const fan = await measureFanout(db, app.url, services.pusherEnv, say);
    say(`fan-out: ${fan.publishedPerAccountEvent} messages published per account event to ${fan.overlays} overlays; ${fan.deliveries} of ${fan.expectedDeliveries} deliveries, p50 ${fan.deliveryP50Ms} ms, p99 ${fan.deliveryP99Ms} ms`);
    const loadAfter = os.loadavg().map((v) => round(v, 2));

    const raw = stats(rtt.latencies);
    const ack = stats(rtt.ackLatencies);
    const e2e = plain.s.endToEnd;
    const mediaE2e = withMedia?.s.endToEnd;
    const targetMet = (pass: PassResult) => pass.n.endToEnd >= 1000 && pass.s.endToEnd.p99 < TARGET_P99_MS;
    const result = {
      fanout: fan,
      bench: 'overlay',
      machine: machineLine(),
      overlays: OVERLAYS,
      gifts: plain.decoded,
      giftsSent: plain.expectedGifts,
      giftsPerSecond: round((OVERLAYS * 1000) / SPACING_MS, 1),
      arrived: plain.arrived,
      shown: plain.shown,
      measured: plain.n.endToEnd,
      queued: plain.queued,
      dropped: plain.decoded - plain.arrived,
      notShown: plain.arrived - plain.shown,
      p50Ms: e2e.p50,
      p99Ms: e2e.p99,
      maxMs: e2e.max,
      nextFrameP50Ms: plain.s.nextFrame.p50,
      nextFrameP99Ms: plain.s.nextFrame.p99,
      deliveryP50Ms: plain.s.delivery.p50,
      deliveryP99Ms: plain.s.delivery.p99,
      renderP50Ms: plain.s.render.p50,
      renderP99Ms: plain.s.render.p99,
      publishAckP50Ms: plain.s.published.p50,
      publishAckP99Ms: plain.s.published.p99,
      decodeP50Ms: plain.s.decode.p50,
      decodeP99Ms: plain.s.decode.p99,
      media: withMedia
        ? {
            measured: withMedia.n.endToEnd,
            p50Ms: withMedia.s.endToEnd.p50,
            p99Ms: withMedia.s.endToEnd.p99,
            maxMs: withMedia.s.endToEnd.max,
            targetMet: targetMet(withMedia),
            firstFrame: withMedia.mediaFirst,
            videoPlaying: withMedia.videoPlaying,
            mediaAlerts: withMedia.mediaAlerts,
            mediaAlertsFailed: withMedia.mediaAlertsFailed,
            video: withMedia.media?.video ?? false,
          }
        : null,
      pusherEvents: RTT_EVENTS,
      pusherLost: rtt.lost,
      pusherP50Ms: raw.p50,
      pusherP99Ms: raw.p99,
      pusherAckP50Ms: ack.p50,
      pusherAckP99Ms: ack.p99,
      fanoutDropped: plain.fanoutDropped,
      fanoutFailures: plain.fanoutFailures,
      clockOffsetMaxMs: Math.max(...passes.map((p) => p.clockOffsetMaxMs)),
      clockDriftMaxMs: Math.max(...passes.map((p) => p.clockDriftMaxMs)),
      targetP99Ms: TARGET_P99_MS,
      targetMet: targetMet(plain),
      loadBefore,
      loadAfter,
    };

    const row = (label: string, s: Stats, n: number) => `| ${label} | ${n.toLocaleString('en-US')} | ${s.p50} ms | ${s.p99} ms | ${s.max} ms |`;
    const twoRows = (label: string, key: keyof PassResult['s']) =>
      withMedia ? `| ${label} | ${plain.n[key].toLocaleString('en-US')} / ${withMedia.n[key].toLocaleString('en-US')} | ${plain.s[key].p50} / ${withMedia.s[key].p50} ms | ${plain.s[key].p99} / ${withMedia.s[key].p99} ms | ${plain.s[key].max} / ${withMedia.s[key].max} ms |` : row(label, plain.s[key], plain.n[key]);
    const mediaSection = withMedia
      ? `### With media variations: time to the media's first frame

The second pass's overlays have three variations, tried in order, as a streamer rebuilds a TikFinity set-up: 1–9 💎 a sound (MP3, ${withMedia.media?.files.find((f) => f.label === 'MP3')?.file.durationMs ?? '?'} ms) and a picture (PNG, 200×200); 10–99 💎 a sound (WAV, ${withMedia.media?.files.find((f) => f.label === 'WAV')?.file.durationMs ?? '?'} ms) and an animated GIF (160×160, 8 frames); 100+ 💎 ${withMedia.media?.video ? `a video (WebM VP8, 320×180, ${withMedia.media.files.find((f) => f.label === 'WebM')?.file.durationMs ?? '?'} ms, made by ffmpeg)` : 'a sound and the GIF (ffmpeg was missing: no video)'}; all ${ALERT_SECONDS} s long. The files (${withMedia.media?.files.map((f) => `${f.label} ${f.file.bytes.toLocaleString('en-US')} bytes`).join(', ')}) are uploaded into the bench workspace by the upload route's own code (\`readUpload\` then \`addMedia\`, lib/media/library.ts, into the app's data folder) and served to the pages by \`/api/overlay/{token}/media/{id}\`. Chromium runs with \`--autoplay-policy=no-user-gesture-required\`, as OBS lets browser sources play sound. Per gift that found its queue empty, from the alert element's insertion to: a picture's \`decode()\` resolving, a video's first \`requestVideoFrameCallback\` (and, as a second row, both \`loadeddata\` and \`playing\`), a sound's \`playing\`. A file that fired \`error\`, or had not shown its first frame when its alert left the page, counts as failed. The ${OVERLAYS} pages share one browser and its HTTP cache, and the route answers with a year's \`Cache-Control\`, so after the first alert of each file the bytes mostly come from the cache, as they do in OBS after its first alert.

| alert element inserted → … | shown | p50 | p99 | max | failed (error / alert gone first / still waiting) |
|---|---|---|---|---|---|
${MEDIA_LABELS.map((label) => `| ${MEDIA_ROW_LABEL[label]} | ${withMedia.mediaFirst[label].n.toLocaleString('en-US')} | ${withMedia.mediaFirst[label].stats.p50} ms | ${withMedia.mediaFirst[label].stats.p99} ms | ${withMedia.mediaFirst[label].stats.max} ms | ${withMedia.mediaFirst[label].failed} of ${withMedia.mediaFirst[label].expected} (${withMedia.mediaFirst[label].errors} / ${withMedia.mediaFirst[label].late} / ${withMedia.mediaFirst[label].failed - withMedia.mediaFirst[label].errors - withMedia.mediaFirst[label].late}) |`).join('\n')}
| video: \`loadeddata\` and \`playing\` both fired | ${withMedia.videoPlaying.n.toLocaleString('en-US')} | ${withMedia.videoPlaying.stats.p50} ms | ${withMedia.videoPlaying.stats.p99} ms | ${withMedia.videoPlaying.stats.max} ms | |

Media alerts: ${withMedia.mediaAlerts.toLocaleString('en-US')} measured, ${withMedia.mediaAlertsFailed} of them failed to show at least one of their files. Gifts in this pass: ${passSummary(withMedia)}.

**Target with media variations on (p99 under ${TARGET_P99_MS} ms end to end over at least 1,000 gifts): ${targetMet(withMedia) ? 'met' : 'not met'}** — p99 ${withMedia.s.endToEnd.p99} ms over ${withMedia.n.endToEnd.toLocaleString('en-US')} gifts.

`
      : '';
    writeBenchSection(
      'overlay',
      `## Gift alerts: worker to overlay (\`npm run bench:overlay\`)

Machine: ${result.machine}. Run ${new Date().toISOString().slice(0, 16)}Z; load average (1/5/15 min) ${loadBefore.join(' / ')} before, ${loadAfter.join(' / ')} after.

Method: the production build started by the launcher (embedded Postgres 17, soketi) without its worker; the bench process is the worker (the ingest chain built by \`createIngest\` (worker/ingest.ts), as \`worker/index.ts\` builds it) and replays ${OVERLAYS} synthetic sessions in real time through tiktok-live-connector's decoder, the normaliser, Postgres and soketi. Each session has chat, likes, joins, viewer counts, follows, shares and duplicate frames from the generator, and ${GIFTS_PER_OVERLAY} gifts (singles and streaks of 1–8 taps) whose completing frame comes every ${SPACING_MS / 1000} s, the sessions staggered so ${result.giftsPerSecond} gifts/s reach the machine evenly. Each account has one GIFT_ALERTS overlay (${ALERT_SECONDS} s alerts, every gift shown) open in Chromium (\`${process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'}\`, headless, ${VIEWPORT.width}×${VIEWPORT.height}, ${OVERLAYS} pages in one browser). ${withMedia ? `The run has two passes, one after the other in the same app, each with its own workspace, accounts, sessions and pages: first without media (the overlay's own text, no sound: the figures earlier runs reported, and the first number of each pair below), then with media variations on (a sound and a picture, GIF or video per value tier; the second number; described under the table). ` : `Only the pass without media ran (\`BENCH_MEDIA=0\`). `}Start: the worker hands the frame that completes the gift to the decoder. End: the alert element (\`[data-testid="gift-alert"][data-alert-id=…]\`) is inserted in the page (a MutationObserver). Alerts play one at a time (duration + ${ALERT_GAP_MS} ms gap), so only gifts that found their page's queue empty are counted end to end (decided by running \`lib/overlays/alert-queue.ts\` over the page's arrival times); the others are listed as queued. Timestamps are epoch milliseconds with sub-millisecond precision (\`performance.timeOrigin + performance.now()\`) in the worker and in the pages; each page's offset to the worker's clock (both measured against the system's wall clock at a \`Date.now()\` tick, before and after the replay) is subtracted. The raw Pusher round trip is measured after the replays (the ${withMedia ? 'media pass’s' : ''} overlay pages still open, idle) on the same soketi: the server SDK's \`trigger\` on a public channel, one event every ${RTT_INTERVAL_MS} ms, received by pusher-js in a Chromium page of the same browser.

| from the gift frame reaching the decoder to … | gifts${withMedia ? ' (no media / media)' : ''} | p50 | p99 | max |
|---|---|---|---|---|
${twoRows('decoded and normalised (handed to the fan-out)', 'decode')}
${twoRows('accepted by soketi (triggerBatch answered)', 'published')}
${twoRows('its Pusher message in the overlay page', 'delivery')}
${twoRows('**the alert element in the page (end to end)**', 'endToEnd')}
${twoRows('the next animation frame after it (see caveats)', 'nextFrame')}

| other | events | p50 | p99 | max |
|---|---|---|---|---|
${twoRows('message in the page → alert element (React)', 'render')}
${row('raw Pusher round trip: `trigger` called → pusher-js callback in Chromium', raw, rtt.latencies.length)}
${row('raw Pusher: `trigger` HTTP answer', ack, rtt.ackLatencies.length)}

Gifts${withMedia ? ' without media' : ''}: ${passSummary(plain)}. Raw Pusher: ${rtt.lost} of ${RTT_EVENTS} events lost.

**Target (p99 under ${TARGET_P99_MS} ms end to end over at least 1,000 gifts): ${result.targetMet ? 'met' : 'not met'}${withMedia ? ` without media, ${targetMet(withMedia) ? 'met' : 'not met'} with media variations on` : ''}** — p99 ${e2e.p99} ms over ${plain.n.endToEnd.toLocaleString('en-US')} gifts${mediaE2e && withMedia ? `; with media p99 ${mediaE2e.p99} ms over ${withMedia.n.endToEnd.toLocaleString('en-US')}` : ''}.

${mediaSection}Caveats: everything runs on this one machine (app, Postgres, soketi, the worker, ${OVERLAYS} Chromium pages and the Playwright driver share ${os.cpus().length} cores), so the figures include that contention; an OBS browser source on the streamer's PC adds the internet path between soketi and OBS, which this bench does not have. "Appears" is the element's insertion into the DOM; the paint and the alert's entry animation come after. The next-animation-frame row is the first \`requestAnimationFrame\` callback after the insertion, the earliest the alert can start to be painted: here it mostly measures headless Chromium producing frames for ${OVERLAYS} animated, software-rendered (no GPU) pages on ${os.cpus().length} shared cores, not the pipeline, and says little about OBS, which renders one source on the streamer's machine; a video's first presented frame waits for the same frame production. The rows before the page (decoded, accepted by soketi) happen in the worker and soketi only: when they too are slower in one pass, the whole machine was busier during it (the pages' media decoding in software, or other work on the shared machine; the load averages above tell), not the pages slower to receive. Clock offsets between the worker and the pages were at most ${result.clockOffsetMaxMs} ms and moved by at most ${result.clockDriftMaxMs} ms during a pass. The raw round trip uses one \`trigger\` per event while the worker's fan-out sends \`triggerBatch\` requests of up to 10 events, at most 3 in flight. Timings are measured, never asserted in tests.

### One busy account, ${fan.overlays} overlays

Method: one account with ${fan.overlays} overlays in one workspace (half gift alerts, half leaderboards), each opened by a pusher-js client in the bench process that signs in with its token through the running app (\`POST /api/pusher/user-auth\`) and subscribes to the account's channel and its own overlay channel (${fan.connectSeconds} s to connect all). The worker's \`Fanout\` publishes ${fan.gifts} gifts at ${fan.giftsPerSecond}/s with counters after each (coalesced to 4 a second, as in production), and a board message for each leaderboard every 25 gifts (the game manager's per-session messages). Deliveries are counted by the clients; latency is from \`fanout.event()\` to the client's callback, on one clock.

| | value |
|---|---|
| messages published per account event (gifts and coalesced counters) | ${fan.publishedPerAccountEvent} (${fan.accountEvents.toLocaleString('en-US')} for ${fan.gifts.toLocaleString('en-US')} gifts) |
| per-overlay board messages (leaderboards only, to their own channel) | ${fan.boardMessages.toLocaleString('en-US')} |
| gift deliveries to overlays | ${fan.deliveries.toLocaleString('en-US')} of ${fan.expectedDeliveries.toLocaleString('en-US')} |
| publish → overlay callback p50 / p99 / max | ${fan.deliveryP50Ms} / ${fan.deliveryP99Ms} / ${fan.deliveryMaxMs} ms |
| messages dropped by the fan-out | ${fan.droppedByFanout} |

An account event is published once, on the account's channel, whatever the number of overlays and workspaces watching it (soketi copies it to each subscriber); what grows with the overlays is only what is theirs alone (a leaderboard's board, settings).

Command: \`npm run bench:overlay\` (\`PORT\`, \`EMBEDDED_PG_PORT\`, \`SOKETI_PORT\` choose the app's ports, free ones otherwise; \`BENCH_MEDIA=0\` skips the media pass; \`BENCH_OVERLAYS\` sets the number of overlay pages open in Chromium (20; one account and session each), \`BENCH_GIFTS_PER_OVERLAY\`, \`BENCH_GIFT_SPACING_MS\`, \`BENCH_RTT_EVENTS\` change the rest of the load; \`BENCH_FANOUT_OVERLAYS\`, \`BENCH_FANOUT_GIFTS\`, \`BENCH_FANOUT_RATE\` the fan-out part).`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    for (const pass of passes) for (const account of pass.accounts) fs.rmSync(account.file, { force: true });
    await db?.$disconnect().catch(() => undefined);
    await services?.stop().catch(() => undefined);
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
