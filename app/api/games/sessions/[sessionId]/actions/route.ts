// POST /api/games/sessions/{sessionId}/actions {action: freeze|resume|end|continue}
// Freeze starts the countdown; from its end the worker accepts no more points.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getHostView, sessionAction } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: z.string().min(1).max(64) });
const body = z.object({ action: z.enum(['freeze', 'resume', 'end', 'continue']) });

export const POST = route({ access: 'member', params, body }, async ({ ws, params, body }) => {
  await sessionAction(db, ws.workspaceId, params.sessionId, body.action);
  return getHostView(db, ws.workspaceId, params.sessionId);
});
