// PATCH /api/workspace/members/{userId} {role} — makes a member an admin or a member again (admins).
// DELETE /api/workspace/members/{userId} — removes a member (admins), or leaves (your own id).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { changeMemberRole, removeMember } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

const params = z.object({ userId: z.string().min(1).max(64) });

export const PATCH = route({ access: 'admin', params, body: z.object({ role: z.enum(['ADMIN', 'MEMBER']) }), maxBodyBytes: 1024 }, async ({ ws, params, body }) => {
  await changeMemberRole(db, ws, params.userId, body.role);
  return { updated: true };
});

// Member level: anyone may leave; removing someone else is checked for admin inside removeMember.
export const DELETE = route({ access: 'member', params }, async ({ ws, params }) => {
  await removeMember(db, ws, params.userId);
  return { removed: true };
});
