// POST /api/overlays/{overlayId}/revoke — the overlay's URL answers 404 and open copies go blank.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { revokeOverlay } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

export const POST = route({ params: z.object({ overlayId: z.string().min(1).max(64) }) }, async ({ params }) => ({
  overlay: await revokeOverlay(db, (await requireApiUser()).id, params.overlayId),
}));
