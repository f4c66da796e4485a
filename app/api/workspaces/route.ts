// GET /api/workspaces — the workspaces the signed-in user belongs to (the header's switcher).
// POST /api/workspaces {name} — creates a team workspace owned by the user, who switches to it.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { currentWorkspace, listUserWorkspaces } from '@/lib/workspaces/context';
import { createWorkspace } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'user' }, async ({ user }) => {
  const current = await currentWorkspace(db, user.id);
  return { workspaces: await listUserWorkspaces(db, user.id, current.workspaceId) };
});

export const POST = route({ access: 'user', body: z.object({ name: z.string().max(200) }), maxBodyBytes: 2048 }, async ({ user, body }) =>
  Response.json({ workspace: await createWorkspace(db, user.id, body.name) }, { status: 201 }),
);
