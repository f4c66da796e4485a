// The real thing: one tiktok-live-connector connection per live room. Options come from the settings
// (sign API key, session cookie, proxy). The library never reconnects by itself; the supervisor decides.
import { HttpsProxyAgent } from 'https-proxy-agent';
import { ControlEvent, TikTokLiveConnection, WebcastEvent, type TikTokLiveConnectionState } from 'tiktok-live-connector';
import { attachSink } from '@/worker/sources/connection';
import type { LiveSource, SourceSink, SourceStart } from '@/worker/sources/types';

export type TikTokSourceOptions = {
  signApiKey?: string;
  /** The `sessionid` cookie of a logged-in account (age-restricted lives). */
  sessionId?: string;
  /** The `tt-target-idc` cookie that goes with the session (e.g. "useast2a"). */
  targetIdc?: string;
  proxyUrl?: string;
  /** A room id known from an earlier connection: skips resolving it again on reconnect. */
  roomId?: string;
  /** Raw websocket frames, for the recorder. */
  onWebsocketData?: (bytes: Uint8Array) => void;
};

type ConstructorOptions = ConstructorParameters<typeof TikTokLiveConnection>[1];

export function connectionOptions(options: TikTokSourceOptions): ConstructorOptions {
  const agent = options.proxyUrl ? new HttpsProxyAgent(options.proxyUrl) : undefined;
  return {
    signApiKey: options.signApiKey,
    processInitialData: true,
    fetchRoomInfoOnConnect: true,
    enableExtendedGiftInfo: false, // buggy in 2.5: matches gift ids across number/string with ===
    ...(options.sessionId ? { session: { cookie: { type: 'cookie' as const, value: { sessionId: options.sessionId, ttTargetIdc: options.targetIdc ?? 'useast2a' } } } } : {}),
    ...(agent ? { wsClientOptions: { agent } } : {}),
  };
}

export class TikTokSource implements LiveSource {
  readonly kind = 'tiktok';
  private connection: TikTokLiveConnection | undefined;

  constructor(
    readonly handle: string,
    private readonly options: TikTokSourceOptions = {},
  ) {}

  async start(sink: SourceSink): Promise<SourceStart> {
    const connection = new TikTokLiveConnection(this.handle, connectionOptions(this.options));
    this.connection = connection;
    attachSink(connection, sink);
    let streamEnded = false;
    connection.on(WebcastEvent.STREAM_END, () => {
      streamEnded = true;
    });
    if (this.options.onWebsocketData) connection.on(ControlEvent.WEBSOCKET_DATA, this.options.onWebsocketData);
    connection.on(ControlEvent.DISCONNECTED, (info: { code?: number; reason?: string }) => {
      sink.disconnected({ reason: info?.reason || `websocket closed (${info?.code ?? 'no code'})`, streamEnded });
    });
    const state: TikTokLiveConnectionState = await connection.connect(this.options.roomId);
    // RoomInfo is loosely typed (Record<string, any>): read the two fields we use defensively.
    const data: Record<string, unknown> | undefined = state.roomInfo?.data;
    const createTime = Number(data?.create_time);
    return {
      roomId: state.roomId,
      startedAt: Number.isFinite(createTime) && createTime > 0 ? createTime * 1000 : undefined,
      title: typeof data?.title === 'string' ? data.title : undefined,
    };
  }

  async stop(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection?.isConnected || connection?.isConnecting) await connection.disconnect().catch(() => undefined);
  }
}
