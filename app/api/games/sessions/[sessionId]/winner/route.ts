// POST /api/games/sessions/{sessionId}/winner {userId, question} — records the winner with the chosen
// question, shows it on the overlay and takes the winner off the board.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getHostView, selectWinner } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

const params = z.object({ sessionId: z.string().min(1).max(64) });
const body = z.object({ userId: z.string().regex(/^\d{1,25}$/, 'Not a TikTok user id.'), question: z.string().max(500).nullable() });

export const POST = route({ access: 'member', params, body }, async ({ ws, params, body }) => {
    await selectWinner(db, ws.workspaceId, params.sessionId, body);
  return getHostView(db, ws.workspaceId, params.sessionId);
});
