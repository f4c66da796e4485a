// POST /api/dashboard/accounts/{accountId}/check — asks the worker to check the account now.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser, requireManagedAccount } from '@/lib/dashboard/access';
import { requestCheckNow } from '@/lib/dashboard/accounts';

export const dynamic = 'force-dynamic';

export const POST = route({ params: z.object({ accountId: z.string().max(64) }) }, async ({ params }) => {
  const account = await requireManagedAccount(db, (await requireApiUser()).id, params.accountId);
  await requestCheckNow(db, account.id);
  return { requested: true };
});
