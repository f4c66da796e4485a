// Fixed-window rate limits kept in Postgres, so every app instance counts together: lookups that make
// us fetch from TikTok (per IP), sign-in attempts (per IP and per email), tracking requests.
import 'server-only';
import { resolveClientIp } from '@/lib/client-ip';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  /** Profile lookups that cause a fetch from TikTok, per IP. */
  profileFetch: { name: 'profile-fetch', limit: 20, windowSeconds: 600 },
  /**
   * Failed sign-ins per (email, address): someone guessing one account's password from one address.
   * Counted per address too, so failures from elsewhere never lock the owner out on their own address.
   */
  signInFailure: { name: 'sign-in-fail', limit: 10, windowSeconds: 900 },
  /** Failed sign-ins per address, whatever the email (one address trying many accounts). */
  signInFailureByIp: { name: 'sign-in-fail-ip', limit: 30, windowSeconds: 900 },
  signUp: { name: 'sign-up', limit: 5, windowSeconds: 3600 },
  /** Mail a visitor can cause (password reset, verification, "you already have an account"), per target address. */
  mailPerAddress: { name: 'mail-address', limit: 5, windowSeconds: 3600 },
  /** The same, per requesting address (one address asking for many accounts). */
  mailPerRequester: { name: 'mail-requester', limit: 20, windowSeconds: 3600 },
  /** "Track this account", per user. */
  track: { name: 'track', limit: 20, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

/** Counts one hit of `rule` for `subject`; refuses once the window's limit is reached. */
export async function consumeRateLimit(db: Db, rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  const { key, start, windowMs } = windowKey(rule, subject, now);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_windows (key, count, expires_at) VALUES (${key}, 1, ${new Date(start + windowMs)})
    ON CONFLICT (key) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  const limit = rule.limit * getEnv().RATE_LIMIT_SCALE;
  if (count > limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
  return { ok: true, remaining: limit - count };
}

function windowKey(rule: RateLimitRule, subject: string, now: Date): { key: string; start: number; windowMs: number } {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { key: `${rule.name}:${subject}:${start}`, start, windowMs };
}

/** Whether `subject` is still under `rule`'s limit, without counting a hit (see recordRateLimitHit). */
export async function checkRateLimit(db: Db, rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  const { key, start, windowMs } = windowKey(rule, subject, now);
  const row = await db.rateLimitWindow.findUnique({ where: { key }, select: { count: true } });
  const count = row?.count ?? 0;
  const limit = rule.limit * getEnv().RATE_LIMIT_SCALE;
  if (count >= limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
  return { ok: true, remaining: limit - count };
}

/** Drops expired windows (called now and then by the worker's retention job). */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit_windows WHERE expires_at < ${now}`;
}

/** The client's address (see lib/client-ip.ts: X-Forwarded-For counts only through TRUST_PROXY_HOPS proxies). */
export function clientIp(headers: Headers): string {
  return resolveClientIp((name) => headers.get(name), getEnv().TRUST_PROXY_HOPS);
}
