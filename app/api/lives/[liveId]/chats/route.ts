// GET /api/lives/{liveId}/chats?q=&page= — a page of a watched live's chat, newest first, optionally searched.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { MAX_CHAT_QUERY_LENGTH } from '@/lib/dashboard/live-chats';
import { requireOwnLive, searchChats } from '@/lib/dashboard/lives';

export const dynamic = 'force-dynamic';

const chatParams = z.object({ liveId: z.string().max(40) });
const chatQuery = z.object({
  q: z.string().max(MAX_CHAT_QUERY_LENGTH, `must be at most ${MAX_CHAT_QUERY_LENGTH} characters`).default(''),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const GET = route({ access: 'member', params: chatParams, query: chatQuery }, async ({ ws, params, query }) => {
  const live = await requireOwnLive(db, ws.workspaceId, params.liveId);
  const chats = await searchChats(db, live, { q: query.q, page: query.page });
  // Chat is private to the streamer's managers: never cached by a shared cache.
  return Response.json(chats, { headers: { 'cache-control': 'private, no-store' } });
});
