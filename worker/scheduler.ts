// Runs the worker's jobs on their intervals. Each run takes a Postgres advisory lock named after the
// job, so with several workers only one runs it at a time; the others skip that round.
import type { Db } from '@/lib/db';
import type { Logger } from '@/lib/logger';
import type { JobDefinition } from '@/worker/jobs/types';

export type ScheduledJob = { job: JobDefinition; settings: unknown };

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  readonly lastRuns = new Map<string, { at: Date; ok: boolean; result?: Record<string, unknown>; error?: string }>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly jobs: ScheduledJob[],
  ) {}

  start(initialDelayMs = 5000): void {
    for (const { job, settings } of this.jobs) {
      const parsed = job.schema.parse(settings);
      const tick = () => {
        const run = this.runOnce(job, parsed);
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      };
      this.timers.push(setTimeout(tick, initialDelayMs));
      this.timers.push(setInterval(tick, job.intervalMs));
    }
  }

  async runOnce(job: JobDefinition, settings: unknown): Promise<void> {
    const started = Date.now();
    try {
      const result = await this.db.$transaction(async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`livelens-job:${job.name}`})) AS locked`;
        if (!lock?.locked) return undefined;
        return job.run({ db: this.db, log: this.log.child(job.name), settings, now: new Date() });
      }, { timeout: 10 * 60_000 });
      if (result) {
        this.lastRuns.set(job.name, { at: new Date(), ok: true, result });
        // Frequent jobs log only rounds that did something.
        const idle = job.intervalMs < 60_000 && Object.values(result).every((v) => v === 0);
        if (idle) this.log.debug('job finished', { job: job.name, ms: Date.now() - started, ...result });
        else this.log.info('job finished', { job: job.name, ms: Date.now() - started, ...result });
      }
    } catch (error) {
      this.lastRuns.set(job.name, { at: new Date(), ok: false, error: error instanceof Error ? error.message : String(error) });
      this.log.warn('job failed', { job: job.name, error });
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await Promise.allSettled([...this.running]);
  }
}
