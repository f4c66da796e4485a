// The worker's heartbeat row: proves to /api/health (and to other workers, for lease take-over) that
// this worker is alive, and records whether it can reach the realtime server.
import os from 'node:os';
import type { Db } from '@/lib/db';
import type { Logger } from '@/lib/logger';

export type HeartbeatOptions = {
  db: Db;
  workerId: string;
  intervalMs: number;
  log: Logger;
  /** Probed on every beat; the result is stored with it. */
  checkRealtime: () => Promise<{ ok: boolean; error?: string }>;
  /** Extra facts to store with each beat (rooms held, queue depth…). */
  info?: () => Record<string, unknown>;
};

export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private failures = 0;

  constructor(private readonly options: HeartbeatOptions) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, this.options.intervalMs);
  }

  /** One beat: never throws (a database outage is logged and retried on the next beat). */
  async beat(): Promise<void> {
    const { db, workerId, checkRealtime, log } = this.options;
    const realtime = await checkRealtime().catch((error: unknown) => ({ ok: false, error: String(error) }));
    const info = { ...(this.options.info?.() ?? {}), realtimeError: realtime.error };
    try {
      await db.workerHeartbeat.upsert({
        where: { workerId },
        create: { workerId, hostname: os.hostname(), pid: process.pid, realtimeOk: realtime.ok, info },
        update: { lastSeenAt: new Date(), stoppedAt: null, realtimeOk: realtime.ok, info },
      });
      if (this.failures > 0) log.info('heartbeat restored', { after: this.failures });
      this.failures = 0;
    } catch (error) {
      this.failures++;
      if (this.failures === 1 || this.failures % 12 === 0) log.warn('heartbeat could not be written', { failures: this.failures, error });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    await this.options.db.workerHeartbeat
      .update({ where: { workerId: this.options.workerId }, data: { stoppedAt: new Date(), lastSeenAt: new Date() } })
      .catch((error: unknown) => this.options.log.warn('could not record the stop', { error }));
  }
}
