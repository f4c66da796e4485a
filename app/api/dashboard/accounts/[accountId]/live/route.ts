// GET /api/dashboard/accounts/{accountId}/live — live-now data (first paint and polling fallback).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser, requireManagedAccount } from '@/lib/dashboard/access';
import { getLiveNow } from '@/lib/dashboard/live-now';

export const dynamic = 'force-dynamic';

export const GET = route({ params: z.object({ accountId: z.string().max(64) }) }, async ({ params }) => {
  const account = await requireManagedAccount(db, (await requireApiUser()).id, params.accountId);
  return Response.json(await getLiveNow(db, account.id), { headers: { 'cache-control': 'no-store' } });
});
