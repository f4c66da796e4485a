// POST /api/invites/{token}/accept — the signed-in user joins the invite's workspace (and switches to it).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { acceptInvite } from '@/lib/workspaces/invites';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'user', params: z.object({ token: z.string().max(100) }) }, async ({ user, params }) => ({ workspace: await acceptInvite(db, user.id, params.token) }));
