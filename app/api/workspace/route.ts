// PATCH /api/workspace {name} — renames the current workspace (admins).
// DELETE /api/workspace {confirm} — deletes it with everything it made (the owner, typing its name).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { deleteWorkspace, renameWorkspace } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

export const PATCH = route({ access: 'admin', body: z.object({ name: z.string().max(200) }), maxBodyBytes: 2048 }, async ({ ws, body }) => ({ workspace: await renameWorkspace(db, ws, body.name) }));

export const DELETE = route({ access: 'owner', body: z.object({ confirm: z.string().max(200) }), maxBodyBytes: 2048 }, async ({ ws, body }) => {
  await deleteWorkspace(db, ws, body.confirm);
  return { deleted: true };
});
