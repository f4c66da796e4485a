// Replays a recorded session (livelens-replay/1) through tiktok-live-connector's own decoder:
// each frame goes through deserializeWebSocketMessage() and processProtoMessageFetchResult(), exactly
// as frames from a real websocket do, at real-time speed, N× speed, or as fast as possible.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { deserializeWebSocketMessage, TikTokLiveConnection } from 'tiktok-live-connector';
import { readReplay, readReplayHeader, replayPlatform } from '@/lib/live/replay-file';
import { attachSink } from '@/worker/sources/connection';
import type { LiveSource, SourceSink, SourceStart } from '@/worker/sources/types';

/** `max` replays as fast as the pipeline takes it; a number is a speed factor (1 = real time). */
export type ReplaySpeed = 'max' | number;

type ProtoMessageFetchResult = Parameters<TikTokLiveConnection['processProtoMessageFetchResult']>[0];
type Decoded = Awaited<ReturnType<typeof deserializeWebSocketMessage>>;
/** Frames decoded ahead of the one being handled, at full speed. */
const DECODE_AHEAD = 8;

/** A connection that never connects: it only decodes and emits what it is fed. */
export class FeedConnection extends TikTokLiveConnection {
  feed(result: ProtoMessageFetchResult): Promise<void> {
    return this.processProtoMessageFetchResult(result);
  }
}

export function parseSpeed(value: string | undefined): ReplaySpeed {
  if (value === undefined || value === 'realtime') return 1;
  if (value === 'max') return 'max';
  const factor = Number(value.replace(/x$/i, ''));
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`--speed must be realtime, max or a positive factor such as 4 (got "${value}")`);
  return factor;
}

export type ReplayOptions = {
  speed: ReplaySpeed;
  /** Replay under another room id (a replay "as" another account, or each loop of the demo). */
  roomId?: string;
  /** Move the recording's clock to now (the demo), instead of keeping TikTok's original times. */
  rebase?: boolean;
  /**
   * Carry on a live that began at this time (epoch ms; a lease handover): the clock is rebased to it
   * rather than to now, and the frames already due are fed at once, then the rest on time.
   */
  resumeFrom?: number;
  /** Called with each raw frame right before it is decoded (benchmarks time from here). */
  onFrame?: (bytes: Uint8Array) => void;
};

/**
 * How far a replay's clock moves: to now (the demo), or to the start of a live being carried on after a
 * handover (`resumeFrom`); 0 keeps the recording's own times. Shared by every platform's replay source.
 */
export function replayClockOffsetMs(recordedStart: number | undefined, options: Pick<ReplayOptions, 'rebase' | 'resumeFrom'>): number {
  return options.rebase && recordedStart ? (options.resumeFrom ?? Date.now()) - recordedStart : 0;
}

/**
 * Paces a replay's frames: at full speed it only lets timers, I/O and the write pipeline breathe every 50
 * frames; otherwise it waits until a frame is due at `speed` (when resuming, the frames before the resume
 * point are due at once). Shared by every platform's replay source.
 */
export function replayPacer(options: Pick<ReplayOptions, 'speed' | 'resumeFrom'>): (frameT: number, framesFed: number) => Promise<void> {
  const { speed, resumeFrom } = options;
  const startedAt = performance.now() - (resumeFrom === undefined ? 0 : Math.max(0, Date.now() - resumeFrom));
  return async (frameT, framesFed) => {
    if (speed === 'max') {
      if (framesFed % 50 === 0) await yieldToEventLoop();
      return;
    }
    const wait = startedAt + frameT / speed - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

export class ReplaySource implements LiveSource {
  readonly kind = 'replay';
  private stopped = false;
  private running: Promise<void> | undefined;
  framesFed = 0;

  constructor(
    readonly file: string,
    private readonly options: ReplayOptions,
  ) {}

  async start(sink: SourceSink): Promise<SourceStart> {
    const header = await readReplayHeader(this.file);
    // Other platforms' frames are not TikTok push frames (Bilibili's: BilibiliReplaySource).
    if (replayPlatform(header) !== 'tiktok') throw new Error(`${this.file} is a ${replayPlatform(header)} replay; this source plays TikTok recordings`);
    const connection = new FeedConnection(header.handle, { fetchRoomInfoOnConnect: false, processInitialData: false });
    attachSink(connection, sink);
    this.running = this.play(connection, sink).catch((error: unknown) => {
      sink.error(error, 'replay failed');
      sink.disconnected({ reason: `replay failed: ${error instanceof Error ? error.message : String(error)}`, streamEnded: false });
    });
    const clockOffsetMs = replayClockOffsetMs(header.startedAt, this.options);
    return {
      roomId: this.options.roomId ?? header.roomId,
      startedAt: header.startedAt ? header.startedAt + clockOffsetMs : undefined,
      clockOffsetMs,
    };
  }

  /** Resolves when the whole file has been fed (or the replay was stopped). */
  get finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async play(connection: FeedConnection, sink: SourceSink): Promise<void> {
    const { speed, onFrame } = this.options;
    const pace = replayPacer(this.options);
    // At full speed the next frames are decoded while the current one's messages are handled: the
    // library inflates each payload on the thread pool (async zlib), and waiting for every frame in
    // turn left the main thread idle in between. Messages are still handed on strictly in file order.
    const pending: Promise<Decoded>[] = [];
    const feedOldest = async () => {
      const decoded = await pending.shift();
      if (decoded?.protoMessageFetchResult && !this.stopped) await connection.feed(decoded.protoMessageFetchResult);
      this.framesFed++;
    };
    for await (const item of readReplay(this.file)) {
      if (this.stopped) return;
      if (!('frame' in item)) continue;
      await pace(item.frame.t, this.framesFed);
      await sink.waitForCapacity?.();
      if (this.stopped) return;
      onFrame?.(item.frame.frame);
      const decoding = deserializeWebSocketMessage(item.frame.frame);
      // Awaited in order below; until then a failure must not count as unhandled.
      decoding.catch(() => undefined);
      pending.push(decoding);
      if (pending.length >= (speed === 'max' ? DECODE_AHEAD : 1)) await feedOldest();
    }
    while (pending.length > 0 && !this.stopped) await feedOldest();
    if (!this.stopped) sink.disconnected({ reason: 'replay finished', streamEnded: false });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
