// Every 10 s: which notifications are due (went live, live ended, gift spikes) become deliveries; the
// courier (worker/courier.ts) sends them. Idempotent, so a restart or another worker changes nothing.
import { z } from 'zod';
import { queueLiveNotifications } from '@/lib/notifications/events';
import { defineJob } from '@/worker/jobs/types';

export const notificationsJob = defineJob({
  name: 'notifications',
  schema: z.object({}),
  intervalMs: 10_000,
  run: async ({ db, now }) => queueLiveNotifications(db, now),
});
