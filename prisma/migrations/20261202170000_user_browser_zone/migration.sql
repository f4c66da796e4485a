-- The zone of the browser a user last used, so notifications and receipts to someone who never chose a
-- zone are written in theirs rather than UTC. Filled by signed-in pages from the livelens-tz cookie.
ALTER TABLE "users" ADD COLUMN "browser_time_zone" TEXT;
