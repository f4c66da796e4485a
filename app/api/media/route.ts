// GET /api/media — the current workspace's media library (uploads go to /api/uploads/media).
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { listMedia } from '@/lib/media/library';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ files: await listMedia(db, ws.workspaceId) }));
