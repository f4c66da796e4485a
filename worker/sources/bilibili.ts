// A Bilibili live room: checks that it is live (room_init), asks for a danmaku server and token
// (getDanmuInfo), connects to its websocket, authenticates, sends heartbeats, and hands on the events of
// every packet, each once — a reconnect that delivers recent messages again adds nothing. Drops are
// retried with exponential backoff until the live ends (PREPARING / CUT_OFF or the room goes offline).
// worker/sources/bilibili-live.ts makes it a LiveSource for the worker's rooms.
import WebSocket from 'ws';
import type { Env } from '@/lib/env';
import type { PlatformEvent } from '@/lib/platforms/events';
import { BilibiliApiError, bilibiliApi, bilibiliApiOptions, bilibiliHeaders } from '@/lib/platforms/bilibili/api';
import { BilibiliSessionCounter } from '@/lib/platforms/bilibili/counter';
import { signWbiQuery, wbiKeysFromNav, wbiMixinKey } from '@/lib/platforms/bilibili/wbi';
import { decodePacket, encodeAuth, HEARTBEAT_PACKET } from '@/lib/platforms/bilibili/packet';

/**
 * How long a room is still listened to after its live ended (PREPARING / CUT_OFF): messages sent just
 * before the end — a combo's last gifts, 300 ms apart — can arrive after it, and count
 * (docs/bilibili-counting.md). A replay feeds the recording's frames up to this long after the end.
 */
export const STREAM_END_GRACE_MS = 5000;

export type BilibiliSourceOptions = {
  /** The room API, https://api.live.bilibili.com (BILIBILI_API_BASE). */
  apiBase: string;
  /** The live site, https://live.bilibili.com (BILIBILI_LIVE_BASE): Referer and Origin of every request. */
  liveBase: string;
  /** A logged-in account's SESSDATA cookie: without it Bilibili masks viewers' names. */
  sessdata?: string;
  /**
   * Bilibili's main API, https://api.bilibili.com (BILIBILI_MAIN_API_BASE): the wbi keys (nav) and an anonymous
   * browser id (finger/spi) that getDanmuInfo asks for (lib/platforms/bilibili/wbi.ts). Without it, or when
   * those calls fail, getDanmuInfo goes unsigned (what a stand-in without the check accepts).
   */
  mainApiBase?: string;
  heartbeatMs?: number;
  /** How long the server may take to answer the auth packet. */
  authTimeoutMs?: number;
  /** Backoff between reconnects: initial delay, doubling up to `maxMs`, at most `attempts` in a row. */
  backoff?: { initialMs: number; maxMs: number; attempts: number };
  /** Least time between two calls to the room API from this source (Bilibili answers bursts with -352). */
  apiMinIntervalMs?: number;
  /** Raw websocket packets, for the recorder. */
  onPacket?: (packet: Buffer) => void;
  /** How long to keep listening after the live's end (STREAM_END_GRACE_MS): gifts still arriving count. */
  endGraceMs?: number;
};

/** The connector's settings from the environment (BILIBILI_API_BASE, BILIBILI_LIVE_BASE, BILIBILI_MAIN_API_BASE, BILIBILI_SESSDATA). */
export function bilibiliOptionsFromEnv(env: Pick<Env, 'BILIBILI_API_BASE' | 'BILIBILI_LIVE_BASE' | 'BILIBILI_MAIN_API_BASE' | 'BILIBILI_SESSDATA'>): BilibiliSourceOptions {
  return { ...bilibiliApiOptions(env), mainApiBase: env.BILIBILI_MAIN_API_BASE };
}

/** What the web client knows before it asks for a danmaku server: the wbi mixin key and its buvid3. */
type WebIdentity = { mixinKey: string | null; buvid3: string | null; fetchedAt: number };

/** Bilibili turns its wbi keys over daily; an incomplete identity is asked for again after a minute. */
const WEB_IDENTITY_TTL_MS = 6 * 3600_000;
const WEB_IDENTITY_RETRY_MS = 60_000;
/** One identity per main API base for the whole worker, shared by its rooms. */
const webIdentities = new Map<string, Promise<WebIdentity>>();

async function fetchWebIdentity(options: BilibiliSourceOptions & { mainApiBase: string }): Promise<WebIdentity> {
  const main = { ...options, apiBase: options.mainApiBase };
  const [nav, spi] = await Promise.allSettled([bilibiliApi(main, '/x/web-interface/nav', `${options.liveBase}/`, [-101]), bilibiliApi(main, '/x/frontend/finger/spi', `${options.liveBase}/`)]);
  const keys = nav.status === 'fulfilled' ? wbiKeysFromNav(nav.value) : null;
  const buvid3 = spi.status === 'fulfilled' && typeof spi.value.b_3 === 'string' && spi.value.b_3 ? spi.value.b_3 : null;
  return { mixinKey: keys ? wbiMixinKey(keys.imgKey, keys.subKey) : null, buvid3, fetchedAt: Date.now() };
}

async function webIdentity(options: BilibiliSourceOptions): Promise<WebIdentity | null> {
  const { mainApiBase } = options;
  if (!mainApiBase) return null;
  const cached = await webIdentities.get(mainApiBase);
  const age = cached ? Date.now() - cached.fetchedAt : Infinity;
  if (cached && age < (cached.mixinKey && cached.buvid3 ? WEB_IDENTITY_TTL_MS : WEB_IDENTITY_RETRY_MS)) return cached;
  const fresh = fetchWebIdentity({ ...options, mainApiBase });
  webIdentities.set(mainApiBase, fresh);
  return fresh;
}

export type BilibiliSink = {
  /** The new events of one packet (repeats already removed). */
  events(events: PlatformEvent[]): void;
  /** Connected (again): `attempt` 0 the first time. */
  connected?(info: { roomId: string; attempt: number }): void;
  /** Final: the live ended, the room went offline, reconnects gave up, or stop() was called. */
  disconnected(info: { reason: string; streamEnded: boolean }): void;
  error(error: unknown, context: string): void;
};

export type BilibiliRoom = { roomId: string; shortId: string | null; anchorUid: string; live: boolean; startedAt: number | null };

export class BilibiliOfflineError extends Error {
  constructor(room: string) {
    super(`Bilibili room ${room} is not live`);
    this.name = 'BilibiliOfflineError';
  }
}

export class BilibiliSource {
  readonly kind = 'bilibili';
  /** Every event counted by the rules, across reconnects (docs/bilibili-counting.md). */
  readonly counter = new BilibiliSessionCounter();
  private socket: WebSocket | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private finished = false;
  private lastApiCall = 0;
  private attempt = 0;
  private room: BilibiliRoom | undefined;
  /** The wbi key and buvid3 of the latest getDanmuInfo (shared by the worker's rooms). */
  private identity: WebIdentity | undefined;
  /** The live's end, held back while late messages may still arrive. */
  private ending: { event: PlatformEvent; timer: NodeJS.Timeout } | undefined;

  constructor(
    /** The room id as people write it: a short id (e.g. 6) or the long one. */
    readonly roomId: string,
    private readonly options: BilibiliSourceOptions,
  ) {}

  private headers(): Record<string, string> {
    return bilibiliHeaders({ ...this.options, buvid3: this.identity?.buvid3 ?? undefined }, this.referer());
  }

  private referer(): string {
    return `${this.options.liveBase}/${this.roomId}`;
  }

  private async api(path: string): Promise<Record<string, unknown>> {
    const wait = this.lastApiCall + (this.options.apiMinIntervalMs ?? 250) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastApiCall = Date.now();
    return bilibiliApi({ ...this.options, buvid3: this.identity?.buvid3 ?? undefined }, path, this.referer());
  }

  /** The live check: the room's long id and whether it is live. */
  async checkRoom(): Promise<BilibiliRoom> {
    const data = await this.api(`/room/v1/Room/room_init?id=${encodeURIComponent(this.roomId)}`);
    const liveTime = Number(data.live_time);
    if (typeof data.room_id !== 'number' || !(data.room_id > 0)) throw new BilibiliApiError(-1, 'room_init gave no room id');
    return {
      roomId: String(data.room_id),
      shortId: Number(data.short_id) > 0 ? String(data.short_id) : null,
      anchorUid: typeof data.uid === 'number' || typeof data.uid === 'string' ? String(data.uid) : '0',
      live: data.live_status === 1,
      startedAt: Number.isFinite(liveTime) && liveTime > 0 ? liveTime * 1000 : null,
    };
  }

  private async danmuServer(roomId: string): Promise<{ url: string; token: string }> {
    this.identity = (await webIdentity(this.options)) ?? undefined;
    const params = { id: roomId, type: 0, web_location: '444.8' };
    const query = this.identity?.mixinKey ? signWbiQuery(params, this.identity.mixinKey) : new URLSearchParams({ id: roomId, type: '0', web_location: '444.8' }).toString();
    const data = await this.api(`/xlive/web-room/v1/index/getDanmuInfo?${query}`);
    const hosts = Array.isArray(data.host_list) ? (data.host_list as Record<string, unknown>[]) : [];
    const host = hosts[0];
    if (!host || typeof host.host !== 'string') throw new BilibiliApiError(-1, 'getDanmuInfo gave no danmaku server');
    // A plain-http API base is a local stand-in: its websocket is plain too.
    const secure = !this.options.apiBase.startsWith('http://');
    const port = Number(secure ? host.wss_port : host.ws_port);
    return { url: `${secure ? 'wss' : 'ws'}://${host.host}:${port}/sub`, token: typeof data.token === 'string' ? data.token : '' };
  }

  /** Checks the room, connects and authenticates; rejects when it is offline or the first connection fails. */
  async start(sink: BilibiliSink): Promise<{ roomId: string; startedAt: number | undefined }> {
    const room = await this.checkRoom();
    if (!room.live) throw new BilibiliOfflineError(this.roomId);
    this.room = room;
    await this.connect(sink, room.roomId);
    return { roomId: room.roomId, startedAt: room.startedAt ?? undefined };
  }

  private async connect(sink: BilibiliSink, roomId: string): Promise<void> {
    const { url, token } = await this.danmuServer(roomId);
    const socket = new WebSocket(url, { headers: this.headers() });
    this.socket = socket;
    let settled = false;
    await new Promise<void>((resolve, reject) => {
      // Packets may follow the auth reply in the same read: from the moment it arrives, every packet is
      // handled by this one listener, so none slips between "authenticated" and "listening".
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          socket.terminate();
          reject(error);
          return;
        }
        sink.connected?.({ roomId, attempt: this.attempt });
        this.attempt = 0;
        socket.send(HEARTBEAT_PACKET);
        this.heartbeat = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(HEARTBEAT_PACKET), this.options.heartbeatMs ?? 30_000);
        resolve();
      };
      const timer = setTimeout(() => settle(new Error('Bilibili did not answer the auth packet in time')), this.options.authTimeoutMs ?? 10_000);
      socket.on('open', () => socket.send(encodeAuth({ uid: 0, roomid: Number(roomId), key: token, buvid: this.identity?.buvid3 ?? undefined })));
      socket.on('error', (error) => (settled ? sink.error(error, 'Bilibili websocket') : settle(error)));
      socket.on('close', (code) => {
        if (!settled) return settle(new Error(`the danmaku server closed the connection before auth (${code})`));
        if (this.socket !== socket) return;
        clearInterval(this.heartbeat);
        if (this.ending) return this.endLive(sink);
        if (!this.stopped && !this.finished) this.reconnect(sink, `websocket closed (${code})`);
      });
      socket.on('message', (data: Buffer) => {
        const packet = Buffer.from(data);
        if (settled) return this.handlePacket(packet, sink);
        try {
          for (const item of decodePacket(packet)) {
            if (item.kind === 'auth-reply') settle(item.code === 0 ? undefined : new Error(`Bilibili refused the auth packet (code ${item.code})`));
          }
        } catch (error) {
          settle(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  private handlePacket(packet: Buffer, sink: BilibiliSink): void {
    if (this.finished) return;
    this.options.onPacket?.(packet);
    const undecodable = this.counter.report.undecodable;
    const fresh = this.counter.addPacket(packet, Date.now());
    if (this.counter.report.undecodable > undecodable) sink.error(new Error(this.counter.report.lastError ?? 'undecodable packet'), 'decoding a Bilibili packet');
    // The end is handed on last: a combo's last SEND_GIFT may come just after PREPARING, and counts.
    const end = fresh.find((event) => event.type === 'stream-end');
    this.deliver(sink, end ? fresh.filter((event) => event !== end) : fresh);
    if (end && !this.ending) this.ending = { event: end, timer: setTimeout(() => this.endLive(sink), this.options.endGraceMs ?? STREAM_END_GRACE_MS) };
  }

  private deliver(sink: BilibiliSink, events: PlatformEvent[]): void {
    if (events.length === 0) return;
    try {
      sink.events(events);
    } catch (error) {
      sink.error(error, 'a Bilibili events listener');
    }
  }

  /** The grace after the live's end is over (or the server closed): the end goes out, then the source finishes. */
  private endLive(sink: BilibiliSink): void {
    const ending = this.ending;
    if (!ending || this.finished) return;
    clearTimeout(ending.timer);
    this.deliver(sink, [ending.event]);
    this.finish(sink, 'the live ended', true);
  }

  private reconnect(sink: BilibiliSink, reason: string): void {
    const backoff = this.options.backoff ?? { initialMs: 1000, maxMs: 60_000, attempts: 10 };
    this.attempt++;
    if (this.attempt > backoff.attempts) return this.finish(sink, `${reason}; gave up after ${backoff.attempts} reconnects`, false);
    const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (this.attempt - 1));
    this.retry = setTimeout(() => {
      void (async () => {
        try {
          const room = await this.checkRoom();
          if (this.stopped) return;
          if (!room.live) return this.finish(sink, 'the room went offline', true);
          await this.connect(sink, room.roomId);
        } catch (error) {
          if (this.stopped) return;
          sink.error(error, `Bilibili reconnect ${this.attempt}`);
          this.reconnect(sink, error instanceof Error ? error.message : String(error));
        }
      })();
    }, delay);
  }

  private finish(sink: BilibiliSink, reason: string, streamEnded: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.close();
    sink.disconnected({ reason, streamEnded });
  }

  private close(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.ending?.timer);
    clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = undefined;
    if (socket && socket.readyState !== WebSocket.CLOSED) socket.terminate();
  }

  /** Disconnects; no sink calls after it returns. */
  stop(): Promise<void> {
    this.stopped = true;
    this.finished = true;
    this.close();
    return Promise.resolve();
  }

  /** The room found by start(), once started. */
  get resolvedRoom(): BilibiliRoom | undefined {
    return this.room;
  }
}
