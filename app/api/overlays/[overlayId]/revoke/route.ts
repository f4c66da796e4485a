// POST /api/overlays/{overlayId}/revoke — the overlay's URL answers 404 and open copies go blank.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { revokeOverlay } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ overlayId: z.string().min(1).max(64) }) }, async ({ ws, params }) => ({
  overlay: await revokeOverlay(db, ws.workspaceId, params.overlayId),
}));
