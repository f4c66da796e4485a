// GET / POST /api/overlays/{overlayId}/wheel — a wheel of fortune's recent results, and the host's
// "Spin now" test: the segment is drawn on the server, stored, and played on every open copy of the overlay.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { listWheelSpins, spinWheelNow } from '@/lib/overlays/wheel-store';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });
const spinBody = z.object({ action: z.literal('spin') });

export const GET = route({ access: 'member', params }, async ({ ws, params }) => ({ spins: await listWheelSpins(db, ws.workspaceId, params.overlayId) }));

export const POST = route({ access: 'member', params, body: spinBody, maxBodyBytes: 256 }, async ({ ws, params }) => ({
  spin: await spinWheelNow(db, ws.workspaceId, params.overlayId),
}));
