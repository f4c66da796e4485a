// DELETE /api/games/sessions/{sessionId}/question — takes the shown question off the overlay.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { clearQuestion, getHostView } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const DELETE = route({ params: z.object({ sessionId: z.string().min(1).max(64) }) }, async ({ params }) => {
  const userId = (await requireApiUser()).id;
  await clearQuestion(db, userId, params.sessionId);
  return getHostView(db, userId, params.sessionId);
});
