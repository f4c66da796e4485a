// GET /api/lives/{liveId}/export?type=gifts|chats — a watched live's gifts or chat as a CSV download.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { createTextStream } from '@/lib/dashboard/csv';
import { exportChatsCsv, exportGiftsCsv, requireOwnLive } from '@/lib/dashboard/lives';

export const dynamic = 'force-dynamic';

const exportParams = z.object({ liveId: z.string().max(40) });
const exportQuery = z.object({ type: z.enum(['gifts', 'chats']) });

// Excel reads a CSV without a byte-order mark as the local code page and garbles nicknames and emoji.
const UTF8_BOM = '\uFEFF';

export const GET = route({ access: 'member', params: exportParams, query: exportQuery }, async ({ ws, params, query }) => {
  const live = await requireOwnLive(db, ws.workspaceId, params.liveId);
  const rows = query.type === 'gifts' ? exportGiftsCsv(db, live.id) : exportChatsCsv(db, live);
  // Handles are [a-z0-9._] (a Bilibili one is its uid, named with the platform); anything else is dropped
  // so the header value needs no escaping.
  const handle = live.account.handle.replace(/[^a-z0-9._-]/gi, '');
  const name = live.platform === 'tiktok' ? handle : `${live.platform}-${handle}`;
  const day = live.startedAt.toISOString().slice(0, 10);
  return new Response(createTextStream(rows, UTF8_BOM), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="livelens-${name}-${day}-${live.id}-${query.type}.csv"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
