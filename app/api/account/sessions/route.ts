// GET /api/account/sessions — the user's signed-in browsers.
// DELETE /api/account/sessions — "sign out everywhere": ends every session of the user, this one included.
import { route } from '@/lib/api/route';
import { listActiveSessions, revokeUserSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'user' }, async ({ user }) => ({ sessions: await listActiveSessions(db, user.id, user.sid) }));

export const DELETE = route({ access: 'user' }, async ({ user }) => ({ ended: await revokeUserSessions(db, user.id) }));
