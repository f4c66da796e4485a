// Failed sign-ins are counted per (email, address) and per address, never per email alone: ten wrong
// passwords sent from elsewhere must not lock the owner out on their own address. Successful sign-ins
// count nothing.
import 'server-only';
import type { Db } from '@/lib/db';
import { checkRateLimit, consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';

export async function checkSignInAllowed(db: Db, email: string, ip: string): Promise<boolean> {
  const [byAccount, byIp] = await Promise.all([
    checkRateLimit(db, RATE_LIMITS.signInFailure, `${email}|${ip}`),
    checkRateLimit(db, RATE_LIMITS.signInFailureByIp, ip),
  ]);
  return byAccount.ok && byIp.ok;
}

export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  await Promise.all([consumeRateLimit(db, RATE_LIMITS.signInFailure, `${email}|${ip}`), consumeRateLimit(db, RATE_LIMITS.signInFailureByIp, ip)]);
}
