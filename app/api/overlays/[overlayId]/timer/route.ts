// GET / POST {action} /api/overlays/{overlayId}/timer — a subathon timer's host controls: its time left, and
// Start (or resume), Pause, Reset and Add time. Open copies of the overlay follow at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { timerActionSchema } from '@/lib/overlays/timer';
import { controlTimer, getTimerView } from '@/lib/overlays/timer-store';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });

export const GET = route({ access: 'member', params }, async ({ ws, params }) => ({ timer: await getTimerView(db, ws.workspaceId, params.overlayId) }));

export const POST = route({ access: 'member', params, body: timerActionSchema, maxBodyBytes: 1024 }, async ({ ws, params, body }) => ({
  timer: await controlTimer(db, ws.workspaceId, params.overlayId, body),
}));
