// Keeps the shared Next.js cache bounded (the worker's next-cache-cleanup job): any address /@anything
// makes an entry, so without this the table would grow with every handle ever visited.
import 'server-only';
import type { Db } from '@/lib/db';
import { MAX_ENTRY_AGE_SECONDS, MAX_TOTAL_BYTES } from './store';

export type NextCachePruned = { expired: number; revalidated: number; overBudget: number; tags: number };

/**
 * Deletes entries past their lifetime, entries a revalidation has expired (they would only be rendered
 * again), then the oldest entries beyond `maxBytes`, and tags older than the longest an entry lives.
 */
export async function pruneNextCache(db: Db, now: Date, maxBytes = MAX_TOTAL_BYTES): Promise<NextCachePruned> {
  const expired = await db.$executeRaw`DELETE FROM next_cache_entries WHERE expires_at <= ${now}`;
  const revalidated = await db.$executeRaw`
    DELETE FROM next_cache_entries e USING next_cache_tags t
     WHERE t.tag = ANY (e.tags) AND t.expired_at >= e.updated_at AND t.expired_at <= ${now}`;
  const overBudget = await db.$executeRaw`
    DELETE FROM next_cache_entries e USING (
      SELECT build_id, key FROM (
        SELECT build_id, key, sum(size) OVER (ORDER BY updated_at DESC, build_id, key) AS running FROM next_cache_entries
      ) ranked WHERE ranked.running > ${maxBytes}
    ) old
     WHERE e.build_id = old.build_id AND e.key = old.key`;
  // A tag older than every entry cannot expire anything; one with an expiry still ahead is kept until then.
  const cutoff = new Date(now.getTime() - MAX_ENTRY_AGE_SECONDS * 1000);
  const tags = await db.$executeRaw`
    DELETE FROM next_cache_tags WHERE updated_at < ${cutoff} AND (expired_at IS NULL OR expired_at < ${cutoff})`;
  return { expired, revalidated, overBudget, tags };
}
