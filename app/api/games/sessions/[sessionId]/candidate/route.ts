// GET /api/games/sessions/{sessionId}/candidate — the current top viewer and their distinct comments
// of the session (duplicates and spam folded), for the host to pick the question. null: nobody scored.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { winnerCandidate } from '@/lib/games/host';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member', params: z.object({ sessionId: z.string().min(1).max(64) }) }, async ({ ws, params }) => ({
  candidate: await winnerCandidate(db, ws.workspaceId, params.sessionId),
}));
