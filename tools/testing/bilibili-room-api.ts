// A local stand-in for Bilibili's room HTTP API (not Bilibili): getH5InfoByRoom, getRoomInfoOld and room_init
// answer for made-up rooms in the shapes Bilibili's replies have, so the room lookup (add a Bilibili channel,
// the public /bilibili/{uid} page) and the worker's live check can be tried offline. Rooms come from a table
// a test fills, plus any room number in STAND_IN_ROOM_RANGE, which is made up on the fly (browser tests use
// fresh rooms). Knobs make it refuse like Bilibili's risk control (-352) or fail (HTTP 503).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInRoom = {
  uid: string;
  roomId: string;
  shortId?: string;
  uname: string;
  face?: string;
  title: string;
  area?: [parent: string, area: string];
  liveStatus: 0 | 1 | 2;
  followers: number;
  online?: number;
};

/** Room numbers 3002xxxx exist in the stand-in without being registered: uid 35460012 followed by the room number. */
export const STAND_IN_ROOM_RANGE = /^3002[0-9]{4}$/;

export function madeUpRoom(roomId: string): StandInRoom {
  return { uid: `35460012${roomId}`, roomId, uname: `星河 Stella ${roomId.slice(-4)}`, title: '深夜唱歌 · 点歌', area: ['娱乐', '唱见'], liveStatus: 0, followers: 128_400 };
}

export type BilibiliRoomApi = {
  rooms: Map<string, StandInRoom>;
  /** Answer every request with Bilibili's risk-control refusal (code -352). */
  rateLimited: boolean;
  /** Answer every request with HTTP 503. */
  failing: boolean;
  /** Paths requested, in order. */
  requests: string[];
  add(room: StandInRoom): StandInRoom;
  /** Handles the request if it is a room API path; false otherwise (another handler may take it). */
  handle(request: http.IncomingMessage, response: http.ServerResponse): boolean;
};

export function bilibiliRoomApi(rooms: StandInRoom[] = []): BilibiliRoomApi {
  const api: BilibiliRoomApi = {
    rooms: new Map(rooms.map((room) => [room.roomId, room])),
    rateLimited: false,
    failing: false,
    requests: [],
    add(room) {
      api.rooms.set(room.roomId, room);
      return room;
    },
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const paths = ['/room/v1/Room/room_init', '/room/v1/Room/getRoomInfoOld', '/xlive/web-room/v1/index/getH5InfoByRoom'];
      if (!paths.includes(url.pathname)) return false;
      api.requests.push(`${url.pathname}${url.search}`);
      const reply = (body: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      };
      if (api.failing) {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return true;
      }
      if (api.rateLimited) {
        reply({ code: -352, message: '-352', ttl: 1, data: { v_voucher: 'voucher_stand_in' } });
        return true;
      }
      const find = (id: string | null) => {
        if (!id) return undefined;
        const known = api.rooms.get(id) ?? [...api.rooms.values()].find((room) => room.shortId === id);
        return known ?? (STAND_IN_ROOM_RANGE.test(id) ? madeUpRoom(id) : undefined);
      };
      if (url.pathname === '/room/v1/Room/getRoomInfoOld') {
        const mid = url.searchParams.get('mid');
        const room = [...api.rooms.values()].find((r) => r.uid === mid) ?? (mid?.startsWith('35460012') ? find(mid.slice(8)) : undefined);
        // A user without a live room: roomStatus 0 and roomid 0.
        reply({ code: 0, msg: '', message: '', data: room ? { roomStatus: 1, roundStatus: 0, liveStatus: room.liveStatus, url: `https://live.bilibili.com/${room.roomId}`, title: room.title, cover: '', online: room.online ?? 0, roomid: Number(room.roomId), broadcast_type: 0, online_hidden: 0 } : { roomStatus: 0, roundStatus: 0, liveStatus: 0, url: '', title: '', cover: '', online: 0, roomid: 0, broadcast_type: 0, online_hidden: 0 } });
        return true;
      }
      const room = find(url.searchParams.get(url.pathname.endsWith('room_init') ? 'id' : 'room_id'));
      if (url.pathname === '/room/v1/Room/room_init') {
        if (!room) reply({ code: 60004, msg: '直播间不存在', message: '直播间不存在', data: {} });
        else reply({ code: 0, msg: 'ok', message: 'ok', data: { room_id: Number(room.roomId), short_id: Number(room.shortId ?? 0), uid: Number(room.uid), live_status: room.liveStatus, live_time: 0, is_hidden: false, is_locked: false } });
        return true;
      }
      // getH5InfoByRoom: an unknown room is refused with code 19002000.
      if (!room) {
        reply({ code: 19002000, message: '获取初始化数据失败', ttl: 1, data: null });
        return true;
      }
      reply({
        code: 0,
        message: '0',
        ttl: 1,
        data: {
          room_info: {
            uid: Number(room.uid),
            room_id: Number(room.roomId),
            short_id: Number(room.shortId ?? 0),
            title: room.title,
            cover: '',
            live_status: room.liveStatus,
            live_start_time: 0,
            area_name: room.area?.[1] ?? '',
            parent_area_name: room.area?.[0] ?? '',
            online: room.online ?? 0,
          },
          anchor_info: { base_info: { uname: room.uname, face: room.face ?? '', gender: '保密' }, relation_info: { attention: room.followers } },
        },
      });
      return true;
    },
  };
  return api;
}

/** The stand-in on its own port, for tests: `apiBase` and `liveBase` are its address. */
export async function startBilibiliRoomApi(rooms: StandInRoom[] = []): Promise<BilibiliRoomApi & { apiBase: string; liveBase: string; close(): Promise<void> }> {
  const api = bilibiliRoomApi(rooms);
  const server = http.createServer((request, response) => {
    if (!api.handle(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(api, { apiBase: base, liveBase: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
