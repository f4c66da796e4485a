// Publishes what happens in each room to browsers, once per event on the account's channel, which every
// dashboard watching the account and each of the account's overlays subscribe to (so the cost does not
// grow with the number of overlays). Game boards go to their own overlay's channel and their workspace's.
// Gifts (after streak logic), chats, follows/shares/joins go out as they come; counters
// (viewers, likes, diamonds…) are coalesced to a few updates per second per account; streak progress is
// coalesced per streak. Requests use triggerBatch (10 events each) from a bounded outbox with a couple
// of requests in flight: a slow or failing realtime server loses the oldest updates, never blocks writes.
import type Pusher from 'pusher';
import type { LiveEvent } from '@/lib/live/events';
import type { Logger } from '@/lib/logger';
import { accountChannel, overlayChannel, RealtimeEvent, workspaceChannel } from '@/lib/realtime/channels';
import { toRealtimePayload, type LiveCounters, type LiveStatus } from '@/lib/realtime/payloads';
import type { GameMessage } from '@/lib/games/realtime';
import type { WheelSpinMessage } from '@/lib/overlays/wheel';
import type { RealtimeEventName, RealtimeEvents, RealtimeMessage } from '@/lib/realtime/contract';
import { publishBatch } from '@/lib/realtime/server';

export type { LiveCounters, LiveStatus } from '@/lib/realtime/payloads';

export type FanoutOptions = {
  pusher: Pusher;
  log: Logger;
  maxQueue?: number;
  countersIntervalMs?: number;
  concurrency?: number;
  /** Called when a message has been accepted by the realtime server (benchmarks). */
  onPublished?: (messages: RealtimeMessage[]) => void;
  /** Called with each publish request's duration and outcome (the worker's metrics). */
  observePublish?: (seconds: number, ok: boolean) => void;
};

export class Fanout {
  private outbox: RealtimeMessage[] = [];
  private readonly counters = new Map<string, LiveCounters>();
  private readonly progress = new Map<string, RealtimeMessage>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  readonly stats = { published: 0, dropped: 0, failures: 0 };
  private readonly maxQueue: number;
  private readonly concurrency: number;

  constructor(private readonly options: FanoutOptions) {
    this.maxQueue = options.maxQueue ?? 5000;
    this.concurrency = options.concurrency ?? 3;
  }

  start(): void {
    this.timer ??= setInterval(() => this.flushCoalesced(), this.options.countersIntervalMs ?? 250);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.flushCoalesced();
    const deadline = Date.now() + 3000;
    while ((this.outbox.length > 0 || this.inFlight > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  /** A domain event of `accountId`'s live `liveId`. */
  event(accountId: string, liveId: string, event: LiveEvent): void {
    const payload = toRealtimePayload(event, liveId);
    if (!payload) return;
    const channel = accountChannel(accountId);
    if (event.type === 'gift-progress') {
      this.progress.set(`${channel}:${event.dedupeKey}`, { channel, ...payload });
      return;
    }
    // The finished gift goes out now; a coalesced progress update of the same streak still waiting for
    // the next flush would reach browsers after it and draw the streak as running again (a ghost row).
    if (event.type === 'gift') this.progress.delete(`${channel}:${event.dedupeKey}`);
    this.push({ channel, ...payload });
  }

  /** The latest running totals of an account's live; sent at most every countersIntervalMs. */
  updateCounters(accountId: string, counters: LiveCounters): void {
    this.counters.set(accountId, counters);
  }

  status(accountId: string, status: LiveStatus): void {
    // A live that ended has no running streaks: progress still waiting would outlive it on the page.
    if (status.state === 'offline') {
      const prefix = `${accountChannel(accountId)}:`;
      for (const key of this.progress.keys()) if (key.startsWith(prefix)) this.progress.delete(key);
    }
    this.send(accountId, RealtimeEvent.liveStatus, status);
  }

  /** Anything else about an account's live, for everyone watching it. */
  send<N extends RealtimeEventName>(accountId: string, name: N, data: RealtimeEvents[N]): void {
    this.push({ channel: accountChannel(accountId), name, data } as RealtimeMessage);
  }

  /** A game message: to the session's overlay (if any) and its workspace's dashboards, nobody else. */
  game(target: { workspaceId: string; overlayId: string | null }, data: GameMessage): void {
    if (target.overlayId) this.push({ channel: overlayChannel(target.overlayId), name: RealtimeEvent.game, data });
    this.push({ channel: workspaceChannel(target.workspaceId), name: RealtimeEvent.game, data });
  }

  /** A wheel's spin: to its overlay and its workspace's dashboards (the editor's recent results). */
  wheel(target: { workspaceId: string; overlayId: string }, data: WheelSpinMessage): void {
    this.push({ channel: overlayChannel(target.overlayId), name: RealtimeEvent.wheel, data });
    this.push({ channel: workspaceChannel(target.workspaceId), name: RealtimeEvent.wheel, data });
  }

  get depth(): number {
    return this.outbox.length;
  }

  private flushCoalesced(): void {
    for (const [accountId, counters] of this.counters) {
      this.push({ channel: accountChannel(accountId), name: RealtimeEvent.counters, data: counters });
    }
    this.counters.clear();
    for (const message of this.progress.values()) this.push(message);
    this.progress.clear();
  }

  private push(message: RealtimeMessage): void {
    this.outbox.push(message);
    if (this.outbox.length > this.maxQueue) {
      const excess = this.outbox.length - this.maxQueue;
      this.outbox.splice(0, excess);
      this.stats.dropped += excess;
    }
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.outbox.length > 0) {
      const batch = this.outbox.splice(0, 10);
      this.inFlight++;
      const started = performance.now();
      publishBatch(batch, this.options.pusher)
        .then(() => {
          this.options.observePublish?.((performance.now() - started) / 1000, true);
          this.stats.published += batch.length;
          this.options.onPublished?.(batch);
        })
        .catch((error: unknown) => {
          this.options.observePublish?.((performance.now() - started) / 1000, false);
          this.stats.failures++;
          if (this.stats.failures === 1 || this.stats.failures % 100 === 0) this.options.log.warn('realtime publish failed; updates dropped', { failures: this.stats.failures, error });
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
