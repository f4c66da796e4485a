// Bounds the web instances' shared Next.js cache (lib/next-cache): expired and revalidated entries, the
// oldest beyond the size budget, and tags no entry can be older than.
import { z } from 'zod';
import { pruneNextCache } from '@/lib/next-cache/prune';
import { defineJob } from '@/worker/jobs/types';

export const nextCacheCleanupJob = defineJob({
  name: 'next-cache-cleanup',
  schema: z.object({}),
  intervalMs: 10 * 60_000,
  run: async ({ db, now }) => pruneNextCache(db, now),
});
