// One leased account: checks whether it is live (through the global rate limiter), connects, runs the
// room until it drops, reconnects with the known room id, and backs off after errors. Its state —
// offline / checking / connecting / live / backing off, since when, events received, errors, last
// error — is written to tracked_accounts for the dashboard.
import { SignatureRateLimitError } from 'tiktok-live-connector';
import type { Db } from '@/lib/db';
import type { MonitorState } from '@/lib/generated/prisma/client';
import type { Platform } from '@/lib/platforms/channel';
import type { Logger } from '@/lib/logger';
import type { Metrics } from '@/worker/metrics';
import type { RoomOptions } from '@/worker/room';
import { isOffline, RoomSession } from '@/worker/room';
import { backoffDelay, jitter, type RateLimiter } from '@/worker/rate-limiter';
import type { LiveSource } from '@/worker/sources/types';

export type MonitoredAccount = {
  id: string;
  handle: string;
  platform: Platform;
  /** The channel's own room (Bilibili's is fixed; TikTok's changes per live: null). */
  channelRoomId: string | null;
  source: string;
  replayFile: string | null;
};

export type MonitorDeps = {
  db: Db;
  log: Logger;
  limiter: RateLimiter;
  /** Builds the source for one connection attempt (`roomId`: reconnect to a known room). */
  createSource: (account: MonitoredAccount, attempt: { roomId?: string }) => LiveSource | Promise<LiveSource>;
  room: Omit<RoomOptions, 'source' | 'accountId' | 'db' | 'log' | 'onLive'>;
  /** How long to wait before checking again an account that is not live. */
  offlineRecheckMs: number;
  /** Pause between two loops of a demo replay. */
  replayPauseMs: number;
  /** Counts connections, reconnections and connect errors (the worker's metrics). */
  metrics?: Pick<Metrics, 'roomConnected' | 'roomReconnecting' | 'countError'>;
};

type Status = {
  state: MonitorState;
  since: Date;
  roomId: string | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  /** Errors ever seen (shown on the dashboard). */
  errorCount: number;
  /** Errors since the last success (drives the backoff). */
  consecutiveErrors: number;
  nextCheckAt: Date;
};

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

export class AccountMonitor {
  private stopped = false;
  private room: RoomSession | undefined;
  /** The source of the latest live, when it keeps a report to store (Bilibili's). */
  private reporting: LiveSource | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private pendingEvents = 0;
  private countedEvents = 0;
  private status: Status;

  constructor(
    readonly account: MonitoredAccount,
    private readonly deps: MonitorDeps,
    initial: { roomId: string | null; errorCount: number; nextCheckAt: Date },
  ) {
    this.status = { state: 'OFFLINE', since: new Date(), roomId: initial.roomId, lastError: null, lastErrorAt: null, errorCount: initial.errorCount, consecutiveErrors: 0, nextCheckAt: initial.nextCheckAt };
  }

  get state(): MonitorState {
    return this.status.state;
  }

  get isReplay(): boolean {
    return this.account.source === 'replay';
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** "Check now": skip the remaining wait. */
  requestCheck(): void {
    this.status.nextCheckAt = new Date();
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.room?.stop('worker stopping');
    await this.loop;
    await this.persist();
  }

  /** Events received since the last call (added to the stored counter by the supervisor). */
  takeEventCount(): number {
    const total = this.room?.eventsSeen ?? 0;
    const fresh = this.pendingEvents + Math.max(0, total - this.countedEvents);
    this.countedEvents = total;
    this.pendingEvents = 0;
    return fresh;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const wait = this.status.nextCheckAt.getTime() - Date.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
        continue;
      }
      // The limiter is TikTok's budget of live checks (its sign server's); a Bilibili source spaces its own
      // room API calls (worker/sources/bilibili.ts).
      if (!this.isReplay && this.account.platform === 'tiktok') {
        const permit = await this.deps.limiter.tryAcquire().catch((error: unknown) => ({ ok: false as const, retryInMs: 5000, reason: 'paused' as const, error }));
        if (!permit.ok) {
          this.status.nextCheckAt = new Date(Date.now() + permit.retryInMs + jitter(2000, 1));
          continue;
        }
      }
      await this.attempt();
    }
  }

  private async attempt(): Promise<void> {
    const { log } = this.deps;
    await this.setState('CHECKING');
    let source: LiveSource;
    try {
      source = await this.deps.createSource(this.account, { roomId: this.status.roomId ?? undefined });
    } catch (error) {
      await this.onConnectError(error);
      return;
    }
    const room = new RoomSession({
      ...this.deps.room,
      source,
      accountId: this.account.id,
      db: this.deps.db,
      log,
      onLive: ({ roomId }) => {
        // From now on the status page shows this live's report; a check that finds the room offline keeps the last one.
        if (source.report) this.reporting = source;
        this.status.roomId = roomId;
        this.status.consecutiveErrors = 0;
        this.deps.metrics?.roomConnected();
        void this.setState('LIVE');
      },
    });
    this.room = room;
    try {
      await this.setState('CONNECTING');
      const end = await room.run();
      this.room = undefined;
      this.pendingEvents += Math.max(0, room.eventsSeen - this.countedEvents);
      this.countedEvents = 0;
      if (this.stopped) return;
      if (end.streamEnded || this.isReplay) {
        log.info('live ended', { handle: this.account.handle, reason: end.reason, events: end.events });
        this.status.roomId = null;
        // Demo accounts that went live together drift apart over the day, as real ones do.
        this.status.nextCheckAt = new Date(Date.now() + jitter(this.isReplay ? this.deps.replayPauseMs : this.deps.offlineRecheckMs));
        await this.setState('OFFLINE');
      } else {
        // Dropped mid-live: reconnect soon to the same room, without resolving it again.
        log.warn('connection dropped; reconnecting', { handle: this.account.handle, reason: end.reason });
        this.deps.metrics?.roomReconnecting();
        this.status.nextCheckAt = new Date(Date.now() + jitter(3000, 0.5));
        await this.setState('CONNECTING');
      }
    } catch (error) {
      await this.onConnectError(error);
    } finally {
      this.room = undefined;
      this.countedEvents = 0;
    }
  }

  private async onConnectError(error: unknown): Promise<void> {
    const { log, limiter, db } = this.deps;
    if (isOffline(error)) {
      // Not an error: the account is simply not live. If we were in a live, it is over.
      if (this.status.roomId) {
        await db.live
          .updateMany({ where: { accountId: this.account.id, roomId: this.status.roomId, endedAt: null }, data: { endedAt: new Date(), endReason: 'offline' } })
          .catch(() => undefined);
      }
      this.status.roomId = null;
      this.status.consecutiveErrors = 0;
      this.status.nextCheckAt = new Date(Date.now() + jitter(this.deps.offlineRecheckMs));
      await this.setState('OFFLINE');
      return;
    }
    this.deps.metrics?.countError(error instanceof SignatureRateLimitError ? 'sign rate limit' : 'connect');
    this.status.errorCount++;
    this.status.consecutiveErrors++;
    this.status.lastError = describe(error);
    this.status.lastErrorAt = new Date();
    let delay = backoffDelay(this.status.consecutiveErrors);
    if (error instanceof SignatureRateLimitError) {
      // The sign server told us when to come back: every worker waits, not just this account.
      const retryAfter = Math.max(1000, error.retryAfter);
      await limiter.pauseUntil(new Date(Date.now() + retryAfter), 'sign server rate limit').catch(() => undefined);
      delay = Math.max(delay, retryAfter);
    }
    this.status.nextCheckAt = new Date(Date.now() + delay);
    log.warn('connect failed; backing off', { handle: this.account.handle, errors: this.status.consecutiveErrors, retryInS: Math.round(delay / 1000), error: this.status.lastError });
    await this.setState('BACKING_OFF');
  }

  private async setState(state: MonitorState): Promise<void> {
    if (this.status.state !== state) {
      this.status.state = state;
      this.status.since = new Date();
    }
    await this.persist();
  }

  /** Writes the state; a database outage is tolerated (the next change writes it again). */
  async persist(): Promise<void> {
    const s = this.status;
    const events = this.takeEventCount();
    await this.deps.db.trackedAccount
      .update({
        where: { accountId: this.account.id },
        data: {
          state: s.state,
          stateSince: s.since,
          roomId: s.roomId,
          errorCount: s.errorCount,
          ...(s.lastError ? { lastError: s.lastError, lastErrorAt: s.lastErrorAt } : {}),
          nextCheckAt: s.nextCheckAt,
          ...(events > 0 ? { eventsReceived: { increment: events } } : {}),
          ...(this.reporting?.report ? { sourceReport: this.reporting.report() } : {}),
        },
      })
      .catch((error: unknown) => {
        this.pendingEvents += events;
        this.deps.log.debug('could not store the monitor state', { error });
      });
  }
}
