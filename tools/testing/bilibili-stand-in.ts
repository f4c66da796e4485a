// A local stand-in for Bilibili live (not Bilibili): the room HTTP API (room_init, getDanmuInfo; nav and
// finger/spi of the main API, for the wbi signature and buvid3 it can require) and the
// live websocket (/sub) — it checks the auth packet (room id and token), answers heartbeats with a
// popularity figure and sends the packets of a livelens-replay/1 file byte for byte. It can drop a
// connection after some packets and, like a real reconnect, send the last few packets again on the next.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readReplay } from '@/lib/live/replay-file';
import { decodePacket, encodeHeartbeatReply, encodePacket, OP } from '@/lib/platforms/bilibili/packet';
import { signWbiQuery, wbiMixinKey } from '@/lib/platforms/bilibili/wbi';

export type BilibiliStandInOptions = {
  replayFile: string;
  /** The room's long id; `shortId` resolves to it too. */
  roomId: string;
  shortId?: string;
  liveStatus?: number;
  /** The token the websocket accepts… */
  token?: string;
  /** …and the one getDanmuInfo hands out (the same unless a test wants a refused auth). */
  issueToken?: string;
  /** Close connection n (0-based) after this many packets: `[150]` drops the first one after 150. */
  dropAfter?: number[];
  /** The room goes offline when a connection is dropped (a live that ends without PREPARING). */
  offlineOnDrop?: boolean;
  /** Packets sent again at the start of each connection after the first (a reconnect's overlap). */
  resendOnReconnect?: number;
  popularity?: number;
  /**
   * Ask getDanmuInfo callers for what Bilibili asks since 2024: a wbi-signed query (keys served by the nav
   * endpoint here) and a buvid3 cookie (served by finger/spi), answering -352 otherwise; the auth packet must
   * then carry the same buvid.
   */
  requireWbi?: boolean;
};

/** The stand-in's wbi keys and browser id (made up; the keys are the algorithm's published test keys). */
export const STAND_IN_WBI = { imgKey: '7cd084941338484aae1ad9425b84077c', subKey: '4932caff0ff746eab6f01bf08b70ac45', buvid3: 'STAND-IN-0000-1111-2222-333344445555infoc' };

/** Whether `search` (without "?") is `params` signed with the stand-in's keys: recomputed from its own `wts`. */
function signedByStandInKeys(search: string): boolean {
  const query = new URLSearchParams(search);
  const wts = query.get('wts');
  const wRid = query.get('w_rid');
  if (!wts || !wRid) return false;
  const params: Record<string, string> = {};
  for (const [name, value] of query) if (name !== 'wts' && name !== 'w_rid') params[name] = value;
  return signWbiQuery(params, wbiMixinKey(STAND_IN_WBI.imgKey, STAND_IN_WBI.subKey), Number(wts)) === search;
}

export type BilibiliStandIn = {
  apiBase: string;
  liveBase: string;
  /** Auth packet bodies received, in order. */
  auths: Record<string, unknown>[];
  heartbeats: number;
  /** Cookie headers of every HTTP request and websocket upgrade. */
  cookies: string[];
  connections: number;
  /** Packets sent in all (repeats included). */
  sent: number;
  /** getDanmuInfo calls refused for want of a signature or buvid3 (requireWbi). */
  refusedUnsigned: number;
  setLiveStatus(status: number): void;
  close(): Promise<void>;
};

async function loadFrames(file: string): Promise<Buffer[]> {
  const frames: Buffer[] = [];
  for await (const item of readReplay(file)) if ('frame' in item) frames.push(item.frame.frame);
  return frames;
}

export async function startBilibiliStandIn(options: BilibiliStandInOptions): Promise<BilibiliStandIn> {
  const frames = await loadFrames(options.replayFile);
  const token = options.token ?? 'stand-in-token';
  let liveStatus = options.liveStatus ?? 1;
  let position = 0;
  const sockets = new Set<WebSocket>();

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    state.cookies.push(request.headers.cookie ?? '');
    const reply = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const id = url.searchParams.get('id');
    const known = id === options.roomId || (options.shortId !== undefined && id === options.shortId);
    if (url.pathname === '/room/v1/Room/room_init') {
      if (!known) return reply({ code: 60004, msg: '直播间不存在', message: '直播间不存在', data: {} });
      return reply({ code: 0, msg: 'ok', message: 'ok', data: { room_id: Number(options.roomId), short_id: Number(options.shortId ?? 0), uid: 9_000_001, live_status: liveStatus, live_time: liveStatus === 1 ? 1_793_556_000 : 0, is_hidden: false, is_locked: false } });
    }
    if (url.pathname === '/x/web-interface/nav') {
      // As Bilibili answers a visitor who is not logged in: -101, with the keys.
      return reply({ code: -101, message: '账号未登录', ttl: 1, data: { isLogin: false, wbi_img: { img_url: `https://i0.hdslb.com/bfs/wbi/${STAND_IN_WBI.imgKey}.png`, sub_url: `https://i0.hdslb.com/bfs/wbi/${STAND_IN_WBI.subKey}.png` } } });
    }
    if (url.pathname === '/x/frontend/finger/spi') return reply({ code: 0, message: 'ok', data: { b_3: STAND_IN_WBI.buvid3, b_4: 'stand-in-b4' } });
    if (url.pathname === '/xlive/web-room/v1/index/getDanmuInfo') {
      if (options.requireWbi && (!signedByStandInKeys(url.search.slice(1)) || !(request.headers.cookie ?? '').includes(`buvid3=${STAND_IN_WBI.buvid3}`))) {
        state.refusedUnsigned++;
        return reply({ code: -352, message: '-352', ttl: 1, data: { v_voucher: 'voucher_stand_in' } });
      }
      if (id !== options.roomId) return reply({ code: -400, message: 'room id is not a long id', data: null });
      const { port } = server.address() as AddressInfo;
      return reply({ code: 0, message: '0', ttl: 1, data: { group: 'live', business_id: 0, refresh_row_factor: 0.125, refresh_rate: 100, max_delay: 5000, token: options.issueToken ?? token, host_list: [{ host: '127.0.0.1', port, wss_port: port, ws_port: port }] } });
    }
    response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server, path: '/sub' });

  wss.on('connection', (socket, request) => {
    const connection = state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    state.cookies.push(request.headers.cookie ?? '');
    let authed = false;
    let sentHere = 0;
    const dropAt = options.dropAfter?.[connection];
    const stream = async () => {
      if (connection > 0) position = Math.max(0, position - (options.resendOnReconnect ?? 0));
      while (position < frames.length && socket.readyState === socket.OPEN) {
        if (dropAt !== undefined && sentHere >= dropAt) {
          if (options.offlineOnDrop) liveStatus = 0;
          socket.terminate();
          return;
        }
        const frame = frames[position];
        if (!frame) break;
        await new Promise<void>((resolve, reject) => socket.send(frame, (error) => (error ? reject(error) : resolve())));
        position++;
        sentHere++;
        state.sent++;
        // Let the socket's reads (heartbeats) in between packets, as a real server's would be.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    socket.on('message', (data: Buffer) => {
      let items;
      try {
        items = decodePacket(Buffer.from(data));
      } catch {
        socket.close(1002, 'bad packet');
        return;
      }
      for (const item of items) {
        if (item.kind === 'auth' && !authed) {
          state.auths.push(item.body);
          if (item.body.roomid !== Number(options.roomId) || item.body.key !== token || (options.requireWbi && item.body.buvid !== STAND_IN_WBI.buvid3)) {
            socket.send(encodePacket(OP.authReply, JSON.stringify({ code: -101 })));
            socket.close(1008, 'auth refused');
            return;
          }
          authed = true;
          socket.send(encodePacket(OP.authReply, JSON.stringify({ code: 0 })));
          stream().catch(() => socket.terminate());
        } else if (item.kind === 'heartbeat' && authed) {
          state.heartbeats++;
          socket.send(encodeHeartbeatReply(options.popularity ?? 4321));
        } else if (!authed) {
          // The real server drops a connection whose first packet is not the auth packet.
          socket.close(1008, 'auth first');
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: BilibiliStandIn = {
    apiBase: `http://127.0.0.1:${port}`,
    liveBase: `http://127.0.0.1:${port}`,
    auths: [],
    heartbeats: 0,
    cookies: [],
    connections: 0,
    sent: 0,
    refusedUnsigned: 0,
    setLiveStatus(status) {
      liveStatus = status;
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}
