// DELETE /api/reports/{id}/share/{linkId} — revokes a share link; it stops working at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { revokeShareLink } from '@/lib/reports/access';

export const dynamic = 'force-dynamic';

export const DELETE = route({ access: 'user', params: z.object({ id: z.string().max(64), linkId: z.string().max(64) }) }, async ({ user, params }) => {
  await revokeShareLink(db, params.id, params.linkId, user.id);
  return { revoked: true };
});
