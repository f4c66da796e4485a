// Forgets what access no longer needs: session rows ended more than a day ago, realtime connection
// identities older than a week, invite links expired or used more than 30 days ago, and expired rate
// limit windows. All small tables; one statement each.
import { z } from 'zod';
import { pruneSessions } from '@/lib/auth/sessions';
import { pruneRateLimits } from '@/lib/rate-limit';
import { pruneRealtimeSockets } from '@/lib/realtime/authorize';
import { defineJob } from '@/worker/jobs/types';

export const accessCleanupJob = defineJob({
  name: 'access-cleanup',
  schema: z.object({}),
  intervalMs: 60 * 60_000,
  run: async ({ db, now }) => {
    const [sessions, sockets, rateLimits] = await Promise.all([pruneSessions(db, now), pruneRealtimeSockets(db, now), pruneRateLimits(db, now)]);
    const cutoff = new Date(now.getTime() - 30 * 86_400_000);
    const { count: invites } = await db.workspaceInvite.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { acceptedAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
    return { sessions, sockets, rateLimits, invites };
  },
});
