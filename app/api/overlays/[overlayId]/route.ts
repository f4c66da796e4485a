// GET / PATCH {name?, settings?} / DELETE /api/overlays/{overlayId} — one overlay of the signed-in user's
// accounts. Saved settings reach open copies of the overlay at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { deleteOverlay, getOverlay, updateOverlay } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });

export const GET = route({ params }, async ({ params }) => ({ overlay: await getOverlay(db, (await requireApiUser()).id, params.overlayId) }));

const patchBody = z.object({ name: z.string().max(80).optional(), settings: z.unknown().optional() });

export const PATCH = route({ params, body: patchBody, maxBodyBytes: 32 * 1024 }, async ({ params, body }) => ({
  overlay: await updateOverlay(db, (await requireApiUser()).id, params.overlayId, body),
}));

export const DELETE = route({ params }, async ({ params }) => {
  await deleteOverlay(db, (await requireApiUser()).id, params.overlayId);
  return { deleted: true };
});
