// GET /api/accounts/{handle} — an account's statistics, estimates, rating and LIVE data, as on /@handle.
import { headers } from 'next/headers';
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { clientIp } from '@/lib/rate-limit';
import { lookupAccount } from '@/lib/tiktok/lookup';

export const dynamic = 'force-dynamic';

export const GET = route({ params: z.object({ handle: z.string().max(4096) }) }, async ({ params }) => {
  const outcome = await lookupAccount(decodeURIComponent(params.handle), { ip: clientIp(await headers()) });
  switch (outcome.kind) {
    case 'ok':
      return Response.json({ account: outcome.view, stale: outcome.stale, notice: outcome.notice }, { headers: { 'cache-control': 'no-store' } });
    case 'invalid':
      throw new AppError('BAD_REQUEST', outcome.error);
    case 'not_found':
      throw new AppError('NOT_FOUND', `TikTok has no account @${outcome.handle}.`);
    case 'rate_limited':
      throw new AppError('RATE_LIMITED', `Too many lookups from your address; try again in ${outcome.retryAfterSeconds} s.`, { retryAfterSeconds: outcome.retryAfterSeconds }, { 'retry-after': String(outcome.retryAfterSeconds) });
    case 'unavailable':
      throw new AppError('UNAVAILABLE', `${outcome.reason} Try again in a moment.`);
  }
});
