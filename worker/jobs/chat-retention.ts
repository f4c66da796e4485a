// Retention: raw chat older than CHAT_RETENTION_DAYS is deleted (the totals on lives and viewers stay),
// and the message ids kept for idempotency (joins' rows, the ids in like buckets) are dropped once their
// live is two days over. Chats are deleted in small batches so they never hold long locks on the hot
// tables; the ids belong to lives that are over, which no writer touches.
import { z } from 'zod';
import { defineJob } from '@/worker/jobs/types';

const BATCH = 5000;

export const chatRetentionJob = defineJob({
  name: 'chat-retention',
  schema: z.object({ retentionDays: z.number().int().positive() }),
  intervalMs: 60 * 60_000,
  run: async ({ db, settings, now }) => {
    const cutoff = new Date(now.getTime() - settings.retentionDays * 86_400_000);
    let chats = 0;
    for (;;) {
      // Through the lives (chats are indexed by live, not by time alone).
      const deleted = await db.$executeRaw`
        DELETE FROM chats WHERE id IN (
          SELECT c.id FROM lives l JOIN chats c ON c.live_id = l.id
          WHERE l.started_at < ${cutoff} AND c.created_at < ${cutoff} LIMIT ${BATCH})`;
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
    return { chats, processedMessages: processed, likeBuckets: likeIds };
  },
});
