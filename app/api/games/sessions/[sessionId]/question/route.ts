// DELETE /api/games/sessions/{sessionId}/question — takes the shown question off the overlay.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { clearQuestion, getHostView } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const DELETE = route({ access: 'member', params: z.object({ sessionId: z.string().min(1).max(64) }) }, async ({ ws, params }) => {
    await clearQuestion(db, ws.workspaceId, params.sessionId);
  return getHostView(db, ws.workspaceId, params.sessionId);
});
