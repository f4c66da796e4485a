// GET /api/workspace/members — the current workspace's members and their roles.
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { listMembers } from '@/lib/workspaces/manage';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ members: await listMembers(db, ws) }));
