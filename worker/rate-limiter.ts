// One rate limit for every live check and connect to TikTok, shared by all workers through Postgres:
// fixed windows per minute and per hour, plus a pause set when the sign server answers "rate limited"
// (its retryAfter). TikTok blocks IPs that poll too often, so the limit is global, not per account.
import type { Db } from '@/lib/db';

export type Acquire = { ok: true } | { ok: false; retryInMs: number; reason: 'minute' | 'hour' | 'paused' };

export interface RateLimiter {
  tryAcquire(): Promise<Acquire>;
  pauseUntil(until: Date, reason: string): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

// Workers queue on the window rows, each holding a pooled connection meanwhile: Prisma's default 2 s wait
// for a connection failed on a loaded machine with eight checks at once.
const TRANSACTION_WAIT = { maxWait: 15_000, timeout: 15_000 };

export class DbRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly limits: { perMinute: number; perHour: number },
    private readonly name = 'tiktok',
  ) {}

  async tryAcquire(now = new Date()): Promise<Acquire> {
    const t = now.getTime();
    const minuteStart = Math.floor(t / MINUTE) * MINUTE;
    const hourStart = Math.floor(t / HOUR) * HOUR;
    const keys = { minute: `${this.name}:m:${minuteStart}`, hour: `${this.name}:h:${hourStart}`, pause: `${this.name}:pause` };
    return this.db.$transaction(async (tx) => {
      const pause = await tx.rateLimitWindow.findUnique({ where: { key: keys.pause } });
      if (pause && pause.expiresAt.getTime() > t) return { ok: false, retryInMs: pause.expiresAt.getTime() - t, reason: 'paused' as const };
      // Create both windows if missing, then lock them: concurrent workers queue here instead of racing.
      await tx.$executeRaw`
        INSERT INTO rate_limit_windows (key, count, expires_at)
        VALUES (${keys.minute}, 0, ${new Date(minuteStart + MINUTE)}), (${keys.hour}, 0, ${new Date(hourStart + HOUR)})
        ON CONFLICT (key) DO NOTHING`;
      const rows = await tx.$queryRaw<{ key: string; count: number }[]>`
        SELECT key, count FROM rate_limit_windows WHERE key IN (${keys.minute}, ${keys.hour}) ORDER BY key FOR UPDATE`;
      const count = (key: string) => rows.find((r) => r.key === key)?.count ?? 0;
      if (count(keys.hour) >= this.limits.perHour) return { ok: false, retryInMs: hourStart + HOUR - t, reason: 'hour' as const };
      if (count(keys.minute) >= this.limits.perMinute) return { ok: false, retryInMs: minuteStart + MINUTE - t, reason: 'minute' as const };
      await tx.$executeRaw`UPDATE rate_limit_windows SET count = count + 1 WHERE key IN (${keys.minute}, ${keys.hour})`;
      return { ok: true as const };
    }, TRANSACTION_WAIT);
  }

  async pauseUntil(until: Date, _reason: string): Promise<void> {
    const key = `${this.name}:pause`;
    await this.db.$executeRaw`
      INSERT INTO rate_limit_windows (key, count, expires_at) VALUES (${key}, 0, ${until})
      ON CONFLICT (key) DO UPDATE SET expires_at = GREATEST(rate_limit_windows.expires_at, EXCLUDED.expires_at)`;
  }
}

/** Per-process limiter with the same rules, for tests and for workers without a database lock. */
export class MemoryRateLimiter implements RateLimiter {
  private minute = { start: 0, count: 0 };
  private hour = { start: 0, count: 0 };
  private pausedUntil = 0;

  constructor(
    private readonly limits: { perMinute: number; perHour: number },
    private readonly now: () => number = Date.now,
  ) {}

  tryAcquire(): Promise<Acquire> {
    return Promise.resolve(this.acquire());
  }

  private acquire(): Acquire {
    const t = this.now();
    if (t < this.pausedUntil) return { ok: false, retryInMs: this.pausedUntil - t, reason: 'paused' };
    const minuteStart = Math.floor(t / MINUTE) * MINUTE;
    const hourStart = Math.floor(t / HOUR) * HOUR;
    if (this.minute.start !== minuteStart) this.minute = { start: minuteStart, count: 0 };
    if (this.hour.start !== hourStart) this.hour = { start: hourStart, count: 0 };
    if (this.hour.count >= this.limits.perHour) return { ok: false, retryInMs: hourStart + HOUR - t, reason: 'hour' };
    if (this.minute.count >= this.limits.perMinute) return { ok: false, retryInMs: minuteStart + MINUTE - t, reason: 'minute' };
    this.minute.count++;
    this.hour.count++;
    return { ok: true };
  }

  pauseUntil(until: Date): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, until.getTime());
    return Promise.resolve();
  }
}

/** Exponential backoff with ±25% jitter: 30 s, 60 s, 2 min … capped at 30 min. */
export function backoffDelay(errorCount: number, random: () => number = Math.random, baseMs = 30_000, maxMs = 1_800_000): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, errorCount - 1));
  return Math.round(raw * (0.75 + random() * 0.5));
}

/** A delay spread by ±`spread` so many accounts do not line up on the same second. */
export function jitter(ms: number, spread = 0.2, random: () => number = Math.random): number {
  return Math.round(ms * (1 - spread + random() * spread * 2));
}
