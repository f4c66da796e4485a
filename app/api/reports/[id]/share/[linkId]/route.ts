// DELETE /api/reports/{id}/share/{linkId} — revokes a share link; it stops working at once.
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { revokeShareLink } from '@/lib/reports/access';

export const dynamic = 'force-dynamic';

export const DELETE = route({ params: z.object({ id: z.string().max(64), linkId: z.string().max(64) }) }, async ({ params }) => {
  const user = await auth();
  if (!user) throw new AppError('NOT_FOUND', 'No such report.');
  await revokeShareLink(db, params.id, params.linkId, user.id);
  return { revoked: true };
});
