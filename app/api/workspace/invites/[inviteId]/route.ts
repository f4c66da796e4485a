// DELETE /api/workspace/invites/{inviteId} — withdraws an open invite link (admins).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { revokeInvite } from '@/lib/workspaces/invites';

export const dynamic = 'force-dynamic';

export const DELETE = route({ access: 'admin', params: z.object({ inviteId: z.string().min(1).max(64) }) }, async ({ ws, params }) => {
  await revokeInvite(db, ws, params.inviteId);
  return { revoked: true };
});
