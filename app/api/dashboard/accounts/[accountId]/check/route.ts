// POST /api/dashboard/accounts/{accountId}/check — asks the worker to check the account now.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import { requestCheckNow } from '@/lib/dashboard/accounts';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ accountId: z.string().max(64) }) }, async ({ ws, params }) => {
  const account = await requireWatchedAccount(db, ws.workspaceId, params.accountId);
  await requestCheckNow(db, account.id);
  return { requested: true };
});
