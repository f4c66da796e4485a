// Bilibili rooms as LiveSources (worker/sources/types.ts): the live connector (worker/sources/bilibili.ts)
// or a recorded session (livelens-replay/1 with "platform": "bilibili", one raw websocket packet per
// frame) played through the same packet decoder and counter. Either way each packet's new events — repeats
// already removed by the counter's keys — are mapped to domain events (lib/platforms/bilibili/live-events.ts)
// and handed to the room, which sends them to the same sinks as TikTok's.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PlatformEvent } from '@/lib/platforms/events';
import { BilibiliEventMapper } from '@/lib/platforms/bilibili/live-events';
import { BilibiliSessionCounter } from '@/lib/platforms/bilibili/counter';
import { readReplay, readReplayHeader, replayPlatform } from '@/lib/live/replay-file';
import { BilibiliSource, STREAM_END_GRACE_MS, type BilibiliSourceOptions } from '@/worker/sources/bilibili';
import { replayClockOffsetMs, replayPacer, type ReplayOptions } from '@/worker/sources/replay';
import type { LiveSource, SourceReport, SourceSink, SourceStart } from '@/worker/sources/types';

function reportOf(counter: BilibiliSessionCounter): SourceReport {
  const { packets, commands, duplicates, unknown, ignored, malformed, undecodable, lastError } = counter.report;
  return { packets, commands, duplicates, unknown: { ...unknown }, ignored: { ...ignored }, malformed: { ...malformed }, undecodable, lastError };
}

/** Moves events' times by `offsetMs` (a demo replay brought to the present). */
function shifted(events: PlatformEvent[], offsetMs: number): PlatformEvent[] {
  return offsetMs === 0 ? events : events.map((event) => ({ ...event, at: event.at + offsetMs }));
}

export class BilibiliLiveSource implements LiveSource {
  readonly kind = 'bilibili';
  private readonly source: BilibiliSource;

  constructor(roomId: string, options: BilibiliSourceOptions) {
    this.source = new BilibiliSource(roomId, options);
  }

  /** Every event counted across reconnects, and the commands left out or unknown (the status page). */
  get counter(): BilibiliSessionCounter {
    return this.source.counter;
  }

  report(): SourceReport {
    return reportOf(this.source.counter);
  }

  async start(sink: SourceSink): Promise<SourceStart> {
    let mapper: BilibiliEventMapper | undefined;
    const started = await this.source.start({
      events: (events) => {
        mapper ??= new BilibiliEventMapper(this.source.resolvedRoom?.roomId ?? this.source.roomId);
        sink.events(mapper.map(events));
      },
      disconnected: (info) => sink.disconnected(info),
      error: (error, context) => sink.error(error, context),
    });
    return { roomId: started.roomId, startedAt: started.startedAt };
  }

  stop(): Promise<void> {
    return this.source.stop();
  }
}

/** Plays a Bilibili recording: real time, N× or as fast as the write path takes it (like ReplaySource). */
export class BilibiliReplaySource implements LiveSource {
  readonly kind = 'bilibili-replay';
  readonly counter = new BilibiliSessionCounter();
  private stopped = false;
  private running: Promise<void> | undefined;
  framesFed = 0;

  constructor(
    readonly file: string,
    private readonly options: ReplayOptions,
  ) {}

  report(): SourceReport {
    return reportOf(this.counter);
  }

  async start(sink: SourceSink): Promise<SourceStart> {
    const header = await readReplayHeader(this.file);
    if (replayPlatform(header) !== 'bilibili') throw new Error(`${this.file} is a ${replayPlatform(header)} replay; this source plays Bilibili recordings`);
    const recordedStart = header.startedAt ?? 0;
    const clockOffsetMs = replayClockOffsetMs(header.startedAt, this.options);
    const roomId = this.options.roomId ?? header.roomId;
    const mapper = new BilibiliEventMapper(roomId);
    this.running = this.play(sink, mapper, recordedStart, clockOffsetMs).catch((error: unknown) => {
      sink.error(error, 'replay failed');
      sink.disconnected({ reason: `replay failed: ${error instanceof Error ? error.message : String(error)}`, streamEnded: false });
    });
    return { roomId, startedAt: header.startedAt ? header.startedAt + clockOffsetMs : undefined, clockOffsetMs };
  }

  get finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async play(sink: SourceSink, mapper: BilibiliEventMapper, recordedStart: number, clockOffsetMs: number): Promise<void> {
    const pace = replayPacer(this.options);
    // Let the room take its live before the first events (they would wait in its early queue otherwise).
    await yieldToEventLoop();
    // The live's end is handed on after the frames of the grace that follows it (STREAM_END_GRACE_MS).
    let ending: { event: PlatformEvent; until: number } | undefined;
    for await (const item of readReplay(this.file)) {
      if (this.stopped) return;
      if (!('frame' in item)) continue;
      if (ending && item.frame.t > ending.until) break;
      await pace(item.frame.t, this.framesFed);
      await sink.waitForCapacity?.();
      if (this.stopped) return;
      this.options.onFrame?.(item.frame.frame);
      // Times as received in the recording, then moved with the clock (messages' own times too).
      const fresh = this.counter.addPacket(item.frame.frame, recordedStart + item.frame.t);
      this.framesFed++;
      const end = fresh.find((event) => event.type === 'stream-end');
      const events = end ? fresh.filter((event) => event !== end) : fresh;
      if (events.length > 0) sink.events(mapper.map(shifted(events, clockOffsetMs)));
      if (end && !ending) ending = { event: end, until: item.frame.t + STREAM_END_GRACE_MS };
    }
    if (this.stopped) return;
    if (ending) sink.events(mapper.map(shifted([ending.event], clockOffsetMs)));
    else sink.disconnected({ reason: 'replay finished', streamEnded: false });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
