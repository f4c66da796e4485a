// POST /api/games/sessions/{sessionId}/actions {action: freeze|resume|end|continue}
// Freeze starts the countdown; from its end the worker accepts no more points.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { getHostView, sessionAction } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: z.string().min(1).max(64) });
const body = z.object({ action: z.enum(['freeze', 'resume', 'end', 'continue']) });

export const POST = route({ params, body }, async ({ params, body }) => {
  const userId = (await requireApiUser()).id;
  await sessionAction(db, userId, params.sessionId, body.action);
  return getHostView(db, userId, params.sessionId);
});
