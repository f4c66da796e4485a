// POST /api/workspaces/current {workspaceId} — switches the dashboard to another of the user's workspaces
// (remembered for the next visit). Not a member: 404.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { switchWorkspace } from '@/lib/workspaces/context';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'user', body: z.object({ workspaceId: z.string().min(1).max(64) }), maxBodyBytes: 1024 }, async ({ user, body }) => {
  const ws = await switchWorkspace(db, user.id, body.workspaceId);
  return { workspace: { id: ws.workspaceId, name: ws.name, role: ws.role } };
});
