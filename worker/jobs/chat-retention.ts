// Retention: raw chat older than CHAT_RETENTION_DAYS is deleted (the totals on lives and viewers stay),
// and the message ids kept for idempotency (joins' rows, the ids in like buckets) are dropped once their
// live is two days over. The retention is one setting for the whole installation, not per workspace or
// plan (chats are public data stored once per account, whoever watches it).
//
// chats is partitioned by month (migration partition_events): a month wholly older than the cutoff is
// detached and dropped, which takes milliseconds however many rows it holds. What is left past the
// cutoff — the days of the month the cutoff falls in, and old rows in the DEFAULT partition — is deleted
// in small batches, as before, so it never holds long locks on the hot tables: about an hour's chat per
// hourly run. The ids belong to lives that are over, which no writer touches.
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { listPartitions } from '@/worker/jobs/event-partitions';
import { defineJob } from '@/worker/jobs/types';

const BATCH = 5000;

export const chatRetentionJob = defineJob({
  name: 'chat-retention',
  schema: z.object({ retentionDays: z.number().int().positive() }),
  intervalMs: 60 * 60_000,
  run: async ({ db, settings, now }) => {
    const cutoff = new Date(now.getTime() - settings.retentionDays * 86_400_000);
    const dropped = await dropExpiredPartitions(db, cutoff);
    let chats = 0;
    for (;;) {
      // Through the lives (chats are indexed by live, not by time alone).
      const deleted = await db.$executeRaw`
        DELETE FROM chats c USING (
          SELECT c.id, c.created_at FROM lives l JOIN chats c ON c.live_id = l.id
          WHERE l.started_at < ${cutoff} AND c.created_at < ${cutoff} LIMIT ${BATCH}) d
        WHERE c.id = d.id AND c.created_at = d.created_at`;
      chats += deleted;
      if (deleted < BATCH) break;
    }
    const idsCutoff = new Date(now.getTime() - 2 * 86_400_000);
    const processed = await db.$executeRaw`
      DELETE FROM processed_messages p USING lives l
      WHERE p.live_id = l.id AND l.ended_at < ${idsCutoff}`;
    // The buckets stay (they are the likes); only the ids they kept against duplicates go. Lives that
    // ended in the 30 days before the cutoff: the job runs hourly, and reading the buckets of every live
    // ever ended, every hour, would grow with the history.
    const likeIds = await db.$executeRaw`
      UPDATE like_buckets b SET msg_ids = '{}' FROM lives l
      WHERE b.live_id = l.id AND l.ended_at < ${idsCutoff} AND l.ended_at >= ${new Date(idsCutoff.getTime() - 30 * 86_400_000)}
        AND cardinality(b.msg_ids) > 0`;
    return { chats, partitionsDropped: dropped.partitions, partitionRowsDropped: dropped.rows, processedMessages: processed, likeBuckets: likeIds };
  },
});

/**
 * Detaches and drops every monthly partition of chats that ends at or before `cutoff`. Returns how many
 * partitions went and about how many rows they held (the planner's estimate).
 * Detaching takes a brief exclusive lock on chats; a writer holding it for longer than the lock timeout
 * makes this round skip the partition, and the next round drops it.
 */
export async function dropExpiredPartitions(db: Db, cutoff: Date): Promise<{ partitions: number; rows: number }> {
  let partitions = 0;
  let rows = 0;
  for (const partition of await listPartitions(db, 'chats')) {
    if (partition.isDefault || !partition.to || partition.to > cutoff) continue;
    // The planner's row estimate, for the job's report: counting would read the whole month.
    const [estimate] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT GREATEST(reltuples, 0)::bigint::int AS n FROM pg_class WHERE oid = $1::regclass`, partition.name);
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '5s'`);
        await tx.$executeRawUnsafe(`ALTER TABLE chats DETACH PARTITION "${partition.name}"`);
        await tx.$executeRawUnsafe(`DROP TABLE "${partition.name}"`);
      });
    } catch (error) {
      if (error instanceof Error && /lock timeout/i.test(error.message)) continue;
      throw error;
    }
    rows += estimate?.n ?? 0;
    partitions += 1;
  }
  return { partitions, rows };
}
