// GET /api/workspace/invites — the current workspace's open invite links (admins).
// POST /api/workspace/invites {role} — a new invite link, whose URL is shown once (admins).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { createInvite, listInvites } from '@/lib/workspaces/invites';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'admin' }, async ({ ws }) => ({ invites: await listInvites(db, ws) }));

export const POST = route({ access: 'admin', body: z.object({ role: z.enum(['ADMIN', 'MEMBER']).default('MEMBER') }), maxBodyBytes: 1024 }, async ({ ws, body }) => {
  const { token, invite } = await createInvite(db, ws, body.role);
  return Response.json({ invite, url: `${appUrl()}/invite/${token}` }, { status: 201 });
});
