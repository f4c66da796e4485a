// DELETE /api/dashboard/accounts/{accountId} — removes the account from the user's dashboard.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { removeManagedAccount } from '@/lib/dashboard/accounts';

export const dynamic = 'force-dynamic';

export const DELETE = route({ params: z.object({ accountId: z.string().max(64) }) }, async ({ params }) => {
  await removeManagedAccount(db, (await requireApiUser()).id, params.accountId);
  return { removed: true };
});
