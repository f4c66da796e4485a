// Where a room's events go. A room hands every domain event of its live to each sink in order, its running
// totals after each batch, and its status when it goes live or offline. The ingest assembly
// (worker/ingest.ts) makes the production sinks: the write pipeline, the realtime fan-out, the game
// manager, metrics; benches and tests add their own.
import type { LiveEvent } from '@/lib/live/events';
import type { LiveCounters, LiveStatus } from '@/lib/realtime/payloads';

export type LiveContext = { accountId: string; liveId: string };

export interface EventSink {
  readonly name: string;
  /** Every domain event of the live, in arrival order. */
  event(event: LiveEvent, live: LiveContext): void;
  /** The live's running totals, after each batch of events. */
  counters?(live: LiveContext, counters: LiveCounters): void;
  /** The account went live or offline. */
  status?(accountId: string, status: LiveStatus): void;
}

/** A sink from a function (metrics, a bench's timing, a test's recorder). */
export function eventSink(name: string, event: (event: LiveEvent, live: LiveContext) => void): EventSink {
  return { name, event };
}
