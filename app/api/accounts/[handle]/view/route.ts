// POST /api/accounts/{handle}/view — counts one view of the /@handle page, for "recently looked up" and
// "trending" on the home page. The page itself is served from the route cache (no code of ours runs per
// visit), so the browser reports the view with navigator.sendBeacon once the profile is shown.
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { parseHandle } from '@/lib/tiktok/handle';
import { recordLookup } from '@/lib/tiktok/lookup-counter';
import { decodePathSegment } from '@/lib/api/path';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'public', params: z.object({ handle: z.string().max(4096) }) }, ({ params }) => {
  const parsed = parseHandle(decodePathSegment(params.handle));
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  // Counted in memory and written every few seconds; only accounts that are stored are counted.
  recordLookup(db, parsed.handle);
  return new Response(null, { status: 204 });
});
