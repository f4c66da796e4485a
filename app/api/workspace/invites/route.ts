// GET /api/workspace/invites — the current workspace's open invite links (admins).
// POST /api/workspace/invites {role, email?} — a new invite link, whose URL is shown once, and mailed to
// `email` when given (admins).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { credentialsSchema } from '@/lib/auth/users';
import { createInvite, listInvites } from '@/lib/workspaces/invites';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'admin' }, async ({ ws }) => ({ invites: await listInvites(db, ws) }));

const inviteBody = z.object({ role: z.enum(['ADMIN', 'MEMBER']).default('MEMBER'), email: credentialsSchema.shape.email.optional() });

export const POST = route({ access: 'admin', body: inviteBody, maxBodyBytes: 1024 }, async ({ ws, body }) => {
  const { token, invite } = await createInvite(db, ws, body.role, new Date(), body.email);
  return Response.json({ invite, url: `${appUrl()}/invite/${token}` }, { status: 201 });
});
