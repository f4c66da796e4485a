// GET, POST /api/dashboard/accounts — the current workspace's accounts; add one (then tracked): a TikTok handle or
// link, or with platform "bilibili" a room number, room link or space link.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { addManagedAccount, listManagedAccounts } from '@/lib/dashboard/accounts';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ accounts: await listManagedAccounts(db, ws.workspaceId) }));

export const POST = route({ access: 'member', body: z.object({ handle: z.string().max(2048), platform: z.enum(['tiktok', 'bilibili']).optional() }), maxBodyBytes: 4096 }, async ({ ws, body, request }) => {
  const accountId = await addManagedAccount(db, ws, body.handle, { ip: clientIp(request.headers), platform: body.platform });
  return Response.json({ accountId }, { status: 201 });
});
