// GET /api/media/{id} — the file itself, for the workspace's editors (previews); PATCH {name} renames it;
// DELETE removes it. Another workspace's file is a 404.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { deleteMedia, findWorkspaceMedia, renameMedia } from '@/lib/media/library';
import { serveMedia } from '@/lib/media/serve';
import { mediaStorage } from '@/lib/media/storage';

export const dynamic = 'force-dynamic';

const params = z.object({ mediaId: z.string().min(1).max(64) });

export const GET = route({ access: 'member', params }, async ({ ws, params, request }) =>
  serveMedia(request, mediaStorage(), await findWorkspaceMedia(db, ws.workspaceId, params.mediaId)),
);

const renameBody = z.object({ name: z.string().trim().min(1).max(120) });

export const PATCH = route({ access: 'member', params, body: renameBody }, async ({ ws, params, body }) => ({
  file: await renameMedia(db, ws.workspaceId, params.mediaId, body.name),
}));

export const DELETE = route({ access: 'member', params }, async ({ ws, params }) => {
  await deleteMedia(db, mediaStorage(), ws.workspaceId, params.mediaId);
  return { deleted: true };
});
