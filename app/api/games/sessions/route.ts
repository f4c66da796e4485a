// GET /api/games/sessions[?overlayId=] — Q&A sessions of the user's game overlays, newest first.
// POST /api/games/sessions {overlayId, name?} — ends the overlay's open session and starts a new one.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { listSessions, startSession } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const GET = route({ query: z.object({ overlayId: z.string().max(64).optional() }) }, async ({ query }) => ({
  sessions: await listSessions(db, (await requireApiUser()).id, { overlayId: query.overlayId }),
}));

export const POST = route({ body: z.object({ overlayId: z.string().min(1).max(64), name: z.string().max(80).optional() }) }, async ({ body }) => {
  const session = await startSession(db, (await requireApiUser()).id, body.overlayId, body.name);
  return Response.json({ session: { id: session.id } }, { status: 201 });
});
