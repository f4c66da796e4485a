// GET /api/overlays — the overlays of the accounts the signed-in user manages.
// POST /api/overlays {accountId, kind, name?} — creates one with default settings and a fresh token.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { createOverlay, listOverlays } from '@/lib/overlays/manage';
import { OVERLAY_KINDS } from '@/lib/overlays/settings';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => ({ overlays: await listOverlays(db, (await requireApiUser()).id) }));

const createBody = z.object({ accountId: z.string().min(1).max(64), kind: z.enum(OVERLAY_KINDS), name: z.string().max(80).optional() });

export const POST = route({ body: createBody }, async ({ body }) => {
  const overlay = await createOverlay(db, (await requireApiUser()).id, body);
  return Response.json({ overlay }, { status: 201 });
});
