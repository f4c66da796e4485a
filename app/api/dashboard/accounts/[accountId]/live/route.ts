// GET /api/dashboard/accounts/{accountId}/live — live-now data (first paint and polling fallback).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import { getLiveNow } from '@/lib/dashboard/live-now';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member', params: z.object({ accountId: z.string().max(64) }) }, async ({ ws, params }) => {
  const account = await requireWatchedAccount(db, ws.workspaceId, params.accountId);
  return Response.json(await getLiveNow(db, account.id), { headers: { 'cache-control': 'no-store' } });
});
