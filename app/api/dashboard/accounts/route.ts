// GET, POST /api/dashboard/accounts — the current workspace's accounts; add one by handle (then tracked).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { addManagedAccount, listManagedAccounts } from '@/lib/dashboard/accounts';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ accounts: await listManagedAccounts(db, ws.workspaceId) }));

export const POST = route({ access: 'member', body: z.object({ handle: z.string().max(2048) }), maxBodyBytes: 4096 }, async ({ ws, body, request }) => {
  const accountId = await addManagedAccount(db, ws, body.handle, { ip: clientIp(request.headers) });
  return Response.json({ accountId }, { status: 201 });
});
