// A live room that emits events: TikTok itself (tiktok-live-connector), a recorded session replayed
// through the library's own decoder, or a Bilibili room (live or replayed through our packet decoder). The
// rest of the worker cannot tell them apart.
import type { LiveEvent } from '@/lib/live/events';
import type { RawMessage } from '@/lib/live/normalise';
import type { SourceReport } from '@/lib/platforms/source-report';

export type { SourceReport };

export type SourceSink = {
  /** A decoded library event (chat, gift, like, member, roomUser, follow, share, controlMessage). */
  message(raw: RawMessage): void;
  /** Domain events, from a source that normalises its own platform's messages (Bilibili). */
  events(events: LiveEvent[]): void;
  /** The connection dropped or the recording ended; `streamEnded` when TikTok said the live is over. */
  disconnected(info: { reason: string; streamEnded: boolean }): void;
  /** Errors of the library or of a listener; never thrown at the caller. */
  error(error: unknown, context: string): void;
  /** Replays wait on this between frames, so a full write queue slows the replay down (backpressure). */
  waitForCapacity?(): Promise<void>;
};

export type SourceStart = {
  roomId: string;
  startedAt?: number;
  title?: string;
  /** Added to TikTok's message times (a demo replay moved to the present). */
  clockOffsetMs?: number;
};

export interface LiveSource {
  readonly kind: 'tiktok' | 'replay' | 'bilibili' | 'bilibili-replay';
  /** The report on the messages so far, for sources that keep one (Bilibili's). */
  report?(): SourceReport;
  /** Connects; resolves when events can flow. Rejects with the library's errors (e.g. UserOfflineError). */
  start(sink: SourceSink): Promise<SourceStart>;
  /** Disconnects; no sink calls after it resolves. */
  stop(): Promise<void>;
}
