// POST /api/workspace/transfer {userId} — the owner hands the current workspace to another member.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { transferOwnership } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'owner', body: z.object({ userId: z.string().min(1).max(64) }), maxBodyBytes: 1024 }, async ({ ws, body }) => {
  await transferOwnership(db, ws, body.userId);
  return { transferred: true };
});
