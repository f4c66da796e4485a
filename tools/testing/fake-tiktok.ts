// A local stand-in for TikTok's LIVE endpoints, so the library's real connect() runs offline: the two
// HTTP routes it needs (room info, signed websocket URL) are replaced through the library's mutable
// RouteConfig, and a local `ws` server plays recorded frames to each room like TikTok's push server
// (it waits for the client's im_enter_room frame, sends frames, answers heartbeats). Used by tests and
// by the load benchmark (hundreds of rooms on one machine).
import { WebSocketServer, type WebSocket } from 'ws';
import { deserializeMessage, ProtoMessageFetchResult, RouteConfig, WebcastPushFrame } from 'tiktok-live-connector';
import type { ReplayFrame } from '@/lib/live/replay-file';

export type FakeRoom = {
  /** 2 = live, 4 = ended (the library then throws UserOfflineError). */
  status: number;
  frames: ReplayFrame[];
  /** Play frames on their recorded schedule ×speed (default: all at once). */
  speed?: number;
  /** Close the socket after this many frames (a dropped connection); the next connection resumes. */
  dropAfter?: number;
  createTime?: number;
};

type Routes = { fetchRoomInfo: typeof RouteConfig.fetchRoomInfo; fetchSignedWebSocketFromProvider: typeof RouteConfig.fetchSignedWebSocketFromProvider };

/**
 * Points the library's room-info and signed-websocket routes at a local push server on `port` (in this
 * process or another). Returns the original routes, to restore them.
 */
export function installFakeRoutes(port: number, roomOf: (roomId: string) => Pick<FakeRoom, 'status' | 'createTime'> | undefined, onConnect: (roomId: string) => void = () => undefined): Routes {
  const original: Routes = { fetchRoomInfo: RouteConfig.fetchRoomInfo, fetchSignedWebSocketFromProvider: RouteConfig.fetchSignedWebSocketFromProvider };
  RouteConfig.fetchRoomInfo = (({ roomId }: { roomId: string }) => {
    const room = roomOf(roomId);
    return Promise.resolve({ data: { status: room?.status ?? 4, create_time: Math.floor((room?.createTime ?? Date.now()) / 1000), title: `Room ${roomId}` } });
  }) as typeof RouteConfig.fetchRoomInfo;
  RouteConfig.fetchSignedWebSocketFromProvider = (({ roomId }: { roomId: string }) => {
    onConnect(roomId);
    const initial = Object.assign(ProtoMessageFetchResult.decode(new Uint8Array(0)), {
      cursor: `cursor-${Date.now()}`,
      internalExt: 'internal-ext',
      fetchInterval: '1000',
      now: String(Date.now()),
      pushServer: `ws://127.0.0.1:${port}/webcast/im/ws_proxy/ws_reuse_supplement/`,
      routeParams: {},
    });
    return Promise.resolve({
      fetchResult: deserializeMessage('ProtoMessageFetchResult', Buffer.from(ProtoMessageFetchResult.encode(initial).finish())),
      fetchResultCookieHeader: 'ttwid=local-stand-in; Path=/',
      fetchResultRoomId: roomId,
    });
  });
  return original;
}

export class FakeTikTok {
  readonly rooms = new Map<string, FakeRoom>();
  /** Room ids the signed-websocket route was asked for, in order. */
  readonly connects: string[] = [];
  private readonly progress = new Map<string, number>();
  private server: WebSocketServer | undefined;
  private original: Routes | undefined;
  private readonly sockets = new Set<WebSocket>();

  get port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Starts the push server; with `routes` (default) also points this process's library at it. */
  async start({ routes = true }: { routes?: boolean } = {}): Promise<void> {
    this.server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => this.server?.once('listening', () => resolve()));
    this.server.on('connection', (socket, request) => this.serve(socket, new URL(request.url ?? '/', 'ws://localhost').searchParams.get('room_id') ?? ''));
    if (routes) this.original = installFakeRoutes(this.port, (roomId) => this.rooms.get(roomId), (roomId) => this.connects.push(roomId));
  }

  /** Serves any room id that is not configured with `fallback` (the load bench's many rooms). */
  fallback: FakeRoom | undefined;

  private serve(socket: WebSocket, roomId: string): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data: Buffer) => {
      const frame = WebcastPushFrame.decode(data);
      if (frame.payloadType !== 'im_enter_room') return;
      const room = this.rooms.get(roomId) ?? this.fallback;
      if (room) void this.play(socket, roomId, room);
    });
  }

  private async play(socket: WebSocket, roomId: string, room: FakeRoom): Promise<void> {
    const start = this.progress.get(roomId) ?? 0;
    // A reconnect repeats recent frames, as TikTok's backlog does (frames a closing socket never
    // delivered come again); what was already stored must not count twice.
    let index = Math.max(0, start - 20);
    const startedAt = performance.now();
    const firstT = room.frames[index]?.t ?? 0;
    let sent = 0;
    while (index < room.frames.length && socket.readyState === socket.OPEN) {
      const frame = room.frames[index];
      if (!frame) break;
      if (room.speed) {
        const wait = startedAt + (frame.t - firstT) / room.speed - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      }
      socket.send(frame.frame);
      index++;
      sent++;
      this.progress.set(roomId, Math.max(this.progress.get(roomId) ?? 0, index));
      if (room.dropAfter !== undefined && sent >= room.dropAfter && index < room.frames.length) {
        room.dropAfter = undefined; // drop once
        socket.close(4000, 'dropped by the test server');
        return;
      }
    }
  }

  async stop(): Promise<void> {
    if (this.original) Object.assign(RouteConfig, this.original);
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
