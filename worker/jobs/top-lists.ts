// Recomputes the public top lists (/top) from the stored lives and gifter rollups.
import { z } from 'zod';
import { recomputeTopLists } from '@/lib/stats/top-lists';
import { defineJob } from '@/worker/jobs/types';

export const topListsJob = defineJob({
  name: 'top-lists',
  schema: z.object({}),
  intervalMs: 10 * 60_000,
  run: async ({ db, now }) => recomputeTopLists(db, now),
});
