// POST /api/overlays/{overlayId}/token — a new token (and URL); the old one stops working at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { regenerateToken } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ overlayId: z.string().min(1).max(64) }) }, async ({ ws, params }) => ({
  overlay: await regenerateToken(db, ws.workspaceId, params.overlayId),
}));
