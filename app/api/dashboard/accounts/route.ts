// GET, POST /api/dashboard/accounts — the signed-in user's accounts; add one by handle (then tracked).
import { headers } from 'next/headers';
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { addManagedAccount, listManagedAccounts } from '@/lib/dashboard/accounts';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => ({ accounts: await listManagedAccounts(db, (await requireApiUser()).id) }));

export const POST = route({ body: z.object({ handle: z.string().max(2048) }), maxBodyBytes: 4096 }, async ({ body }) => {
  const user = await requireApiUser();
  const accountId = await addManagedAccount(db, user.id, body.handle, { ip: clientIp(await headers()) });
  return Response.json({ accountId }, { status: 201 });
});
