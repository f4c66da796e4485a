// One watched live room, from connect to disconnect: starts the source, makes sure the live row exists
// (room id ↔ account), runs every library event through the normaliser, hands each domain event to its
// sinks (write pipeline, fan-out, games, metrics: worker/ingest.ts), and keeps running totals for the
// counters. Returns why it stopped.
import { UserOfflineError } from 'tiktok-live-connector';
import { BilibiliOfflineError } from '@/worker/sources/bilibili';
import type { Db } from '@/lib/db';
import type { LiveEvent } from '@/lib/live/events';
import { Normaliser, type RawMessage } from '@/lib/live/normalise';
import type { Logger } from '@/lib/logger';
import type { LiveCounters } from '@/lib/realtime/payloads';
import type { EventSink, LiveContext } from '@/worker/sinks';
import type { LiveSource } from '@/worker/sources/types';

export type RoomEnd = { reason: string; streamEnded: boolean; roomId: string | null; liveId: string | null; events: number };

export type RoomOptions = {
  source: LiveSource;
  accountId: string;
  db: Db;
  log: Logger;
  /** Where the live's events go (worker/ingest.ts makes the production ones). */
  sinks: readonly EventSink[];
  /** Resolves when the write path can take more (the source pauses reading until then). */
  waitForCapacity?: () => Promise<void>;
  streakTimeoutMs?: number;
  /** Called once the room is live, with its live id (supervisor state). */
  onLive?: (info: { roomId: string; liveId: string }) => void;
};

/** "Not live" on any platform: a state for the monitor, not an error. */
export function isOffline(error: unknown): boolean {
  return error instanceof UserOfflineError || error instanceof BilibiliOfflineError;
}

/** Ensures the live row for this room and returns it (a reconnect reopens a live closed as stale). */
export async function ensureLive(db: Db, accountId: string, roomId: string, startedAt: Date, title?: string) {
  // A room id is unique per platform: the live takes its channel's.
  const { platform } = await db.channel.findUniqueOrThrow({ where: { id: accountId }, select: { platform: true } });
  const live = await db.live.upsert({
    where: { platform_roomId: { platform, roomId } },
    create: { accountId, platform, roomId, startedAt, title },
    update: { endedAt: null, endReason: null },
  });
  if (live.accountId !== accountId) throw new Error(`room ${roomId} belongs to another account (${live.accountId})`);
  return live;
}

export class RoomSession {
  private normaliser: Normaliser | undefined;
  private liveId: string | null = null;
  private roomId: string | null = null;
  private early: (RawMessage | LiveEvent[])[] = [];
  private events = 0;
  private counters: LiveCounters | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private finish: ((end: RoomEnd) => void) | undefined;
  private ended = false;

  constructor(private readonly options: RoomOptions) {}

  get eventsSeen(): number {
    return this.events;
  }

  get currentLiveId(): string | null {
    return this.liveId;
  }

  /** Runs until the source disconnects (or stop()); rejects only if connecting fails. */
  async run(): Promise<RoomEnd> {
    const { source, accountId, db, log } = this.options;
    const done = new Promise<RoomEnd>((resolve) => {
      this.finish = resolve;
    });
    // Until the source has connected, a failure also rejects start() and the monitor logs it once, with
    // its backoff; the library's own error events for that attempt (two or three per failed connect,
    // each with a stack) go to debug instead of repeating it.
    let connected = false;
    const started = await source.start({
      message: (raw) => {
        if (this.normaliser && this.liveId) this.handleRaw(raw);
        else this.early.push(raw);
      },
      events: (events) => {
        if (this.normaliser && this.liveId) this.dispatch(events);
        else this.early.push(events);
      },
      disconnected: ({ reason, streamEnded }) => void this.end(reason, streamEnded),
      // "Not live" is the monitor's business (it is a state, not an error); the library also emits it here.
      error: (error, context) => {
        if (isOffline(error)) return;
        if (connected) log.warn('source error', { accountId, context, error });
        else log.debug('source error while connecting', { accountId, context, error });
      },
      waitForCapacity: this.options.waitForCapacity ?? (() => Promise.resolve()),
    });
    connected = true;
    this.roomId = started.roomId;
    try {
      const live = await ensureLive(db, accountId, started.roomId, new Date(started.startedAt ?? Date.now()), started.title);
      this.liveId = live.id.toString();
      this.counters = {
        liveId: this.liveId,
        startedAt: live.startedAt.getTime(),
        viewers: 0,
        likes: Number(live.likes),
        diamonds: Number(live.diamonds),
        gifts: live.gifts,
        comments: live.comments,
        follows: live.follows,
        shares: live.shares,
      };
    } catch (error) {
      await source.stop();
      throw error;
    }
    this.normaliser = new Normaliser(started.roomId, { streakTimeoutMs: this.options.streakTimeoutMs, timeOffsetMs: started.clockOffsetMs });
    this.options.onLive?.({ roomId: started.roomId, liveId: this.liveId });
    this.status({ state: 'live', liveId: this.liveId, startedAt: this.counters.startedAt });
    for (const early of this.early.splice(0)) {
      if (Array.isArray(early)) this.dispatch(early);
      else this.handleRaw(early);
    }
    this.ticker = setInterval(() => this.dispatch(this.normaliser?.tick() ?? []), 1000);
    return done;
  }

  async stop(reason = 'stopped'): Promise<void> {
    await this.options.source.stop();
    await this.end(reason, false);
  }

  private handleRaw(raw: RawMessage): void {
    const normaliser = this.normaliser;
    if (!normaliser) return;
    this.dispatch(normaliser.push(raw));
  }

  private status(status: Parameters<NonNullable<EventSink['status']>>[1]): void {
    for (const sink of this.options.sinks) sink.status?.(this.options.accountId, status);
  }

  private dispatch(events: LiveEvent[]): void {
    const liveId = this.liveId;
    const counters = this.counters;
    if (!liveId || !counters) return;
    const { accountId, sinks } = this.options;
    const live: LiveContext = { accountId, liveId };
    for (const event of events) {
      this.events++;
      for (const sink of sinks) sink.event(event, live);
      switch (event.type) {
        case 'gift':
          counters.diamonds += event.diamonds;
          // Bilibili's Super Chats and guard purchases add value; they are not gifts.
          if ((event.kind ?? 'gift') === 'gift') counters.gifts++;
          break;
        case 'chat':
          counters.comments++;
          break;
        case 'like':
        case 'like-total':
          counters.likes = Math.max(counters.likes, event.total);
          break;
        case 'follow':
          counters.follows++;
          break;
        case 'share':
          counters.shares++;
          break;
        case 'viewers':
          counters.viewers = event.viewers;
          break;
        case 'stream-end':
          void this.options.source.stop();
          void this.end('stream ended', true, event.at);
          break;
        default:
          break;
      }
    }
    if (events.length > 0) for (const sink of sinks) sink.counters?.(live, { ...counters });
  }

  private async end(reason: string, streamEnded: boolean, endedAt = Date.now()): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.ticker);
    // Streaks still open when the room goes away are closed with their last count.
    if (this.normaliser) this.dispatch(this.normaliser.finish());
    const { db, log } = this.options;
    if (streamEnded && this.liveId) {
      await db.live
        .update({ where: { id: BigInt(this.liveId) }, data: { endedAt: new Date(endedAt), endReason: 'stream_end' } })
        .catch((error: unknown) => log.warn('could not mark the live as ended; the stale-live job will', { liveId: this.liveId, error }));
      this.status({ state: 'offline', liveId: this.liveId, startedAt: this.counters?.startedAt ?? null });
    }
    this.finish?.({ reason, streamEnded, roomId: this.roomId, liveId: this.liveId, events: this.events });
  }
}
