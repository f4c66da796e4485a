// POST /api/overlays/{overlayId}/token — a new token (and URL); the old one stops working at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { regenerateToken } from '@/lib/overlays/manage';

export const dynamic = 'force-dynamic';

export const POST = route({ params: z.object({ overlayId: z.string().min(1).max(64) }) }, async ({ params }) => ({
  overlay: await regenerateToken(db, (await requireApiUser()).id, params.overlayId),
}));
