// GET / PATCH {name?, settings?} / DELETE /api/overlays/{overlayId} — one overlay of the signed-in user's
// accounts. Saved settings reach open copies of the overlay at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { deleteOverlay, getOverlay, updateOverlay } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });

export const GET = route({ access: 'member', params }, async ({ ws, params }) => ({ overlay: await getOverlay(db, ws.workspaceId, params.overlayId) }));

const patchBody = z.object({ name: z.string().max(80).optional(), settings: z.unknown().optional() });

export const PATCH = route({ access: 'member', params, body: patchBody, maxBodyBytes: 32 * 1024 }, async ({ ws, params, body }) => ({
  overlay: await updateOverlay(db, ws.workspaceId, params.overlayId, body),
}));

export const DELETE = route({ access: 'member', params }, async ({ ws, params }) => {
  await deleteOverlay(db, ws.workspaceId, params.overlayId);
  return { deleted: true };
});
