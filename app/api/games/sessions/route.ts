// GET /api/games/sessions[?overlayId=] — Q&A sessions of the workspace's game overlays, newest first.
// POST /api/games/sessions {overlayId, name?} — ends the overlay's open session and starts a new one.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { listSessions, startSession } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member', query: z.object({ overlayId: z.string().max(64).optional() }) }, async ({ ws, query }) => ({
  sessions: await listSessions(db, ws.workspaceId, { overlayId: query.overlayId }),
}));

export const POST = route({ access: 'member', body: z.object({ overlayId: z.string().min(1).max(64), name: z.string().max(80).optional() }) }, async ({ ws, body }) => {
  const session = await startSession(db, ws, body.overlayId, body.name);
  return Response.json({ session: { id: session.id } }, { status: 201 });
});
