// POST /api/dashboard/accounts/{accountId}/verify — confirms the workspace owns the account by the code in
// its TikTok bio (a forced profile fetch, counted against the caller's per-address lookup limit).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { verifyOwnership } from '@/lib/dashboard/accounts';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ accountId: z.string().max(64) }) }, async ({ ws, params, request }) =>
  verifyOwnership(db, ws.workspaceId, params.accountId, { ip: clientIp(request.headers) }),
);
