// GET /api/games/sessions/{sessionId} — the host panel's view: state, board, winners, overlay.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getHostView } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member', params: z.object({ sessionId: z.string().min(1).max(64) }) }, async ({ ws, params }) => getHostView(db, ws.workspaceId, params.sessionId));
