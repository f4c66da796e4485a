// GET /api/accounts/{handle} — an account's statistics, estimates, rating and LIVE data, as on /@handle.
// This is also where a profile is fetched from TikTok for the /@handle page (which is served from the
// route cache and calls this when its stored data is missing or older than 24 hours): the per-IP limit
// applies here, and a fetch that stores new data marks the cached page for re-rendering.
import { z } from 'zod';
import { AppError, waitText } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { clientIp } from '@/lib/rate-limit';
import { decodePathSegment } from '@/lib/api/path';
import { lookupAccount } from '@/lib/stats/lookup';
import { revalidateProfilePage } from '@/lib/tiktok/profile-page-cache';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public', params: z.object({ handle: z.string().max(4096) }) }, async ({ params, request }) => {
  const outcome = await lookupAccount(decodePathSegment(params.handle), { ip: clientIp(request.headers) });
  switch (outcome.kind) {
    case 'ok':
      if (outcome.fetched) revalidateProfilePage(outcome.view.handle);
      return Response.json({ account: outcome.view, stale: outcome.stale, notice: outcome.notice }, { headers: { 'cache-control': 'no-store' } });
    case 'invalid':
      throw new AppError('BAD_REQUEST', outcome.error);
    case 'not_found':
      if (outcome.fetched) revalidateProfilePage(outcome.handle);
      throw new AppError('NOT_FOUND', `TikTok has no account @${outcome.handle}.`);
    case 'rate_limited':
      throw new AppError('RATE_LIMITED', `Too many lookups from your address; try again in ${waitText(outcome.retryAfterSeconds, 'seconds')}.`, { retryAfterSeconds: outcome.retryAfterSeconds }, { 'retry-after': String(outcome.retryAfterSeconds) });
    case 'unavailable':
      // `cause` lets the page say what happened in its own language; `reason` is plain English.
      throw new AppError('UNAVAILABLE', `${outcome.reason} Try again in a moment.`, { cause: outcome.cause, reason: outcome.reason });
  }
});
