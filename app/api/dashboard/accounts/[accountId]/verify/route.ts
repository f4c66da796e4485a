// POST /api/dashboard/accounts/{accountId}/verify — confirms the workspace owns the account by the code in
// its TikTok bio or its Bilibili live room's title (a fetch, counted against the caller's per-address lookup
// limit). The
// answer's message is shown to the person, so it is written in their language like an error's.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { verifyOwnership } from '@/lib/dashboard/accounts';
import { callerLocale, translateError } from '@/lib/i18n/errors';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ accountId: z.string().max(64) }) }, async ({ ws, params, request }) => {
  const check = await verifyOwnership(db, ws.workspaceId, params.accountId, { ip: clientIp(request.headers) });
  return { ...check, message: translateError(check.message, callerLocale(request)) };
});
