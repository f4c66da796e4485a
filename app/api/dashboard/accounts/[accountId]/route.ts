// DELETE /api/dashboard/accounts/{accountId} — removes the account from the current workspace.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { removeManagedAccount } from '@/lib/dashboard/accounts';

export const dynamic = 'force-dynamic';

export const DELETE = route({ access: 'member', params: z.object({ accountId: z.string().max(64) }) }, async ({ ws, params }) => {
  await removeManagedAccount(db, ws.workspaceId, params.accountId);
  return { removed: true };
});
