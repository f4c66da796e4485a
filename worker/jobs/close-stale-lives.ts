// Closes lives that stopped receiving events without a stream-end (the worker died, TikTok never said
// goodbye): no event for a while and no worker watching the account live.
import { z } from 'zod';
import { defineJob } from '@/worker/jobs/types';

export const closeStaleLivesJob = defineJob({
  name: 'close-stale-lives',
  schema: z.object({ quietMinutes: z.number().int().positive() }),
  intervalMs: 5 * 60_000,
  run: async ({ db, settings, now }) => {
    const cutoff = new Date(now.getTime() - settings.quietMinutes * 60_000);
    const closed = await db.$executeRaw`
      UPDATE lives l SET ended_at = COALESCE(l.last_event_at, l.started_at), end_reason = 'stale'
      WHERE l.ended_at IS NULL
        AND COALESCE(l.last_event_at, l.started_at) < ${cutoff}
        AND NOT EXISTS (
          SELECT 1 FROM tracked_accounts t
          WHERE t.account_id = l.account_id AND t.state = 'LIVE' AND t.room_id = l.room_id
        )`;
    return { closed };
  },
});
