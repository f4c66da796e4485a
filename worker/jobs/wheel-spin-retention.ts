// Retention of the wheels' results: spins older than WHEEL_SPIN_RETENTION_DAYS are deleted (the editor
// lists only the latest RECENT_SPINS of a wheel, and nothing else reads them). One setting for the whole
// installation, as for chat.
//
// Deleted in small batches, each through the (overlay_id, created_at) index one overlay at a time (there is
// no index on created_at alone, and overlays are few beside their spins), and at most MAX_BATCHES of them
// per hourly run, so a first run after months of spins never holds long locks or runs for long: what is
// left goes in the next runs. Spins are kept under (overlay, gift dedupe key, number) so that a gift seen
// again does not spin twice; a gift is never seen again months later, so forgetting those keys is safe.
import { z } from 'zod';
import { defineJob } from '@/worker/jobs/types';

export const wheelSpinRetentionJob = defineJob({
  name: 'wheel-spin-retention',
  schema: z.object({
    retentionDays: z.number().int().positive(),
    batchSize: z.number().int().positive().default(5000),
    maxBatches: z.number().int().positive().default(20),
  }),
  intervalMs: 60 * 60_000,
  run: async ({ db, settings, now }) => {
    const cutoff = new Date(now.getTime() - settings.retentionDays * 86_400_000);
    let spins = 0;
    let batches = 0;
    let more = true;
    while (more && batches < settings.maxBatches) {
      const deleted = await db.$executeRaw`
        DELETE FROM wheel_spins s USING (
          SELECT old.id FROM overlays o
          CROSS JOIN LATERAL (
            SELECT w.id FROM wheel_spins w WHERE w.overlay_id = o.id AND w.created_at < ${cutoff}
            ORDER BY w.created_at LIMIT ${settings.batchSize}) old
          LIMIT ${settings.batchSize}) d
        WHERE s.id = d.id`;
      spins += deleted;
      batches += 1;
      more = deleted === settings.batchSize;
    }
    // `more`: the run stopped at its bound with old spins perhaps left; the next run goes on.
    return { wheelSpins: spins, batches, more };
  },
});
