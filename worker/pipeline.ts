// The write pipeline: a bounded in-memory queue of domain events, flushed to Postgres by size (500
// events) or age (250 ms), one transaction per flush, by a single flusher (so batches never race each
// other on the same live's totals). Under load a flush takes more than 500 events at once, so the number
// of statements stays flat as the rate grows.
//
// When Postgres is unreachable the batch is retried with backoff and events keep queueing: nothing is
// lost while the queue has room (a minute of a busy room takes a few MB). Replays wait for room
// (backpressure); a live TikTok socket cannot be paused, so past a hard limit the newest events are
// dropped and counted. A batch that fails for a reason other than connectivity is split to isolate the
// bad event, which is dropped and logged, so one bad row cannot stall the room.
import type pg from 'pg';
import type { Logger } from '@/lib/logger';
import type { BatchWriter, QueuedEvent } from '@/worker/writer';

/** Where the pipeline gets a connection for each flush (a pg.Pool). */
export type ClientSource = { connect(): Promise<pg.PoolClient> };

export type PipelineOptions = {
  pool: ClientSource;
  writer: BatchWriter;
  log: Logger;
  flushRows?: number;
  maxBatchRows?: number;
  flushIntervalMs?: number;
  /** Above this many queued events, replays wait. */
  capacity?: number;
  /** Above this many, events are dropped (live sockets cannot wait). */
  hardLimit?: number;
  /** Called after each commit with the events it stored (latency measurement, fan-out of totals). */
  onCommitted?: (batch: QueuedEvent[], committedAt: number, flushMs: number) => void;
};

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

/** Errors that mean "the database is not there right now", as opposed to "this data is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(error.message);
}

export type PipelineStats = { depth: number; committed: number; dropped: number; badEvents: number; failures: number; lastFlushMs: number; batches: number };

export class WritePipeline {
  private queue: QueuedEvent[] = [];
  private head = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private capacityWaiters: (() => void)[] = [];
  private readonly stats = { committed: 0, dropped: 0, badEvents: 0, failures: 0, lastFlushMs: 0, batches: 0 };
  /** Events ever queued, and ever done with (written, or refused as bad): the watermarks settle() compares. */
  private queuedTotal = 0;
  private doneTotal = 0;
  private readonly opts: Required<Omit<PipelineOptions, 'onCommitted'>> & Pick<PipelineOptions, 'onCommitted'>;

  constructor(options: PipelineOptions) {
    this.opts = { flushRows: 500, maxBatchRows: 20_000, flushIntervalMs: 250, capacity: 200_000, hardLimit: 1_000_000, ...options };
  }

  get depth(): number {
    return this.queue.length - this.head;
  }

  snapshot(): PipelineStats {
    return { depth: this.depth, ...this.stats };
  }

  /** Queues an event; false when it had to be dropped (hard limit reached). */
  enqueue(item: QueuedEvent): boolean {
    if (this.depth >= this.opts.hardLimit) {
      this.stats.dropped++;
      if (this.stats.dropped === 1 || this.stats.dropped % 10_000 === 0) this.opts.log.error('write queue full, dropping events', { dropped: this.stats.dropped });
      return false;
    }
    this.queue.push(item);
    this.queuedTotal++;
    if (this.depth >= this.opts.flushRows) this.wake?.();
    return true;
  }

  /** Resolves when the queue has room again (replays call this between frames). */
  waitForCapacity(): Promise<void> {
    if (this.depth < this.opts.capacity) return Promise.resolve();
    return new Promise((resolve) => this.capacityWaiters.push(resolve));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Writes everything queued (retrying through outages up to `timeoutMs`), then stops. */
  async drain(timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    this.start();
    while (this.depth > 0 && Date.now() < deadline) {
      this.wake?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    this.running = false;
    this.wake?.();
    await this.loop;
    return this.depth === 0;
  }

  /** Waits until every event queued so far is committed (tests, the replay CLI). */
  async flushed(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.depth > 0) {
      if (Date.now() > deadline) throw new Error(`the write queue did not empty within ${timeoutMs} ms (${this.depth} events left)`);
      this.wake?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.inFlight;
  }

  /**
   * Resolves true once every event queued before the call is done with, however busy the queue stays
   * with later events (a lease handover waits on this for the account it gives up); false after
   * `timeoutMs` (the database is away).
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const target = this.queuedTotal;
    const deadline = Date.now() + timeoutMs;
    while (this.doneTotal < target) {
      if (Date.now() > deadline) return false;
      this.wake?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  private inFlight: Promise<void> | undefined;

  private async run(): Promise<void> {
    let backoff = 250;
    while (this.running || this.depth > 0) {
      if (this.depth < this.opts.flushRows && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.opts.flushIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
      if (this.depth === 0) {
        if (!this.running) break;
        continue;
      }
      const batch = this.queue.slice(this.head, this.head + this.opts.maxBatchRows);
      const attempt = this.writeWithIsolation(batch);
      this.inFlight = attempt.then(() => undefined, () => undefined);
      try {
        await attempt;
        this.head += batch.length;
        this.doneTotal += batch.length;
        if (this.head > 50_000 && this.head * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
        backoff = 250;
        if (this.depth < this.opts.capacity) for (const resolve of this.capacityWaiters.splice(0)) resolve();
      } catch (error) {
        this.stats.failures++;
        if (this.stats.failures === 1 || this.stats.failures % 20 === 0) {
          this.opts.log.warn('database unavailable; events are kept in memory and retried', { queued: this.depth, failures: this.stats.failures, error });
        }
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(5000, backoff * 2);
        if (!this.running && this.depth > 0) continue;
      }
    }
  }

  /** Writes a batch; a data error (not a connectivity one) is narrowed down by halves to the bad event. */
  private async writeWith(batch: QueuedEvent[], mode: 'fast' | 'safe'): Promise<void> {
    const client = await this.opts.pool.connect();
    let broken = false;
    try {
      await this.opts.writer.write(client, batch, mode);
    } catch (error) {
      broken = isConnectionError(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async writeWithIsolation(batch: QueuedEvent[]): Promise<void> {
    try {
      await this.writeOnce(batch);
    } catch (error) {
      if (isConnectionError(error)) throw error;
      if (batch.length === 1) {
        this.stats.badEvents++;
        this.opts.log.error('dropping an event the database refuses', { type: batch[0]?.event.type, msgId: batch[0]?.event.msgId, error });
        return;
      }
      const middle = Math.ceil(batch.length / 2);
      await this.writeWithIsolation(batch.slice(0, middle));
      await this.writeWithIsolation(batch.slice(middle));
    }
  }

  private async writeOnce(batch: QueuedEvent[]): Promise<void> {
    const started = performance.now();
    try {
      await this.writeWith(batch, 'fast');
    } catch (error) {
      // Another writer stored some of these rows meanwhile (a lease changing hands): redo the batch
      // with ON CONFLICT, which skips them.
      if (!(error instanceof Error && 'code' in error && error.code === '23505')) throw error;
      await this.writeWith(batch, 'safe');
    }
    const committedAt = performance.now();
    this.stats.committed += batch.length;
    this.stats.batches++;
    this.stats.lastFlushMs = committedAt - started;
    this.opts.onCommitted?.(batch, committedAt, committedAt - started);
  }
}
