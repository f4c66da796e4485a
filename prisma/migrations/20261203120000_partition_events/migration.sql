-- The event tables (gifts, chats, like_buckets, viewer_samples, social_events) become tables partitioned
-- by month on their time column (issue 17, item 6), so that retention drops whole partitions instead of
-- deleting rows, and a month of rows goes in well under a second (docs/architecture.md, "Event partitions").
--
-- Postgres requires every unique key of a partitioned table to include the partition key, so the primary
-- keys of gifts, chats and social_events become (id, created_at) and their message-id keys gain created_at.
-- like_buckets (live, minute, viewer) and viewer_samples (live, at) already include their time. The writer
-- still dedupes on the old keys (worker/writer-sql.ts probes them without the time, and a corrected streak keeps
-- the time of the row it corrects), so a message counts once however its copies were timed.
--
-- Each table: the old one is renamed, the partitioned one created with monthly partitions from the month of
-- its oldest row (at most 24 months back, and anything older goes to the DEFAULT partition, as does any row no
-- monthly partition covers) to two months ahead, the rows copied, the old table dropped, and the keys,
-- indexes and foreign keys created on the new one (Postgres builds them on every partition). The ids keep
-- their sequences. The triggers that delete a live's or a viewer's rows (lives_delete_ingest_rows,
-- viewers_delete_chats) name the tables, so they act on the new ones. The worker's event-partitions job
-- keeps creating months ahead from here on (worker/jobs/event-partitions.ts).
--
-- No semicolons inside the DO bodies: the migrate adapter splits the file at every one, so they are
-- written \073 in escape strings (see migration ingest_lean_fks).

-- RenameTables
ALTER TABLE "gifts" RENAME TO "gifts_unpartitioned";
ALTER TABLE "chats" RENAME TO "chats_unpartitioned";
ALTER TABLE "like_buckets" RENAME TO "like_buckets_unpartitioned";
ALTER TABLE "viewer_samples" RENAME TO "viewer_samples_unpartitioned";
ALTER TABLE "social_events" RENAME TO "social_events_unpartitioned";

-- CreateTable
CREATE TABLE "gifts" (
    "id" BIGINT NOT NULL DEFAULT nextval('gifts_id_seq'),
    "live_id" BIGINT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "gift_id" TEXT NOT NULL,
    "gift_name" TEXT NOT NULL,
    "diamond_count" INTEGER NOT NULL,
    "repeat_count" INTEGER NOT NULL,
    "diamonds" INTEGER NOT NULL,
    "streakable" BOOLEAN NOT NULL DEFAULT false,
    "timeout_closed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL
) PARTITION BY RANGE ("created_at");

-- CreateTable
CREATE TABLE "chats" (
    "id" BIGINT NOT NULL DEFAULT nextval('chats_id_seq'),
    "live_id" BIGINT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL
) PARTITION BY RANGE ("created_at");

-- CreateTable
CREATE TABLE "like_buckets" (
    "live_id" BIGINT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "msg_ids" BIGINT[] DEFAULT ARRAY[]::BIGINT[]
) PARTITION BY RANGE ("minute");

-- CreateTable
CREATE TABLE "viewer_samples" (
    "live_id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "viewers" INTEGER NOT NULL,
    "total_users" INTEGER NOT NULL DEFAULT 0
) PARTITION BY RANGE ("at");

-- CreateTable
CREATE TABLE "social_events" (
    "id" BIGINT NOT NULL DEFAULT nextval('social_events_id_seq'),
    "live_id" BIGINT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "kind" "social_kind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL
) PARTITION BY RANGE ("created_at");

-- The sequences move to the new tables before the old ones (which own them) are dropped.
ALTER SEQUENCE "gifts_id_seq" OWNED BY "gifts"."id";
ALTER SEQUENCE "chats_id_seq" OWNED BY "chats"."id";
ALTER SEQUENCE "social_events_id_seq" OWNED BY "social_events"."id";

-- CreatePartitions: <table>_pYYYYMM for [month, next month), and <table>_default.
DO E'DECLARE
  t text\073 c text\073 m date\073 this_month date := date_trunc(''month'', now() AT TIME ZONE ''UTC'')::date\073
BEGIN
  FOR t, c IN SELECT * FROM (VALUES (''gifts'', ''created_at''), (''chats'', ''created_at''), (''like_buckets'', ''minute''), (''viewer_samples'', ''at''), (''social_events'', ''created_at'')) AS v(t, c) LOOP
    EXECUTE format(''SELECT date_trunc(''''month'''', min(%I))::date FROM %I'', c, t || ''_unpartitioned'') INTO m\073
    m := LEAST(GREATEST(COALESCE(m, this_month), (this_month - interval ''24 months'')::date), this_month)\073
    WHILE m <= (this_month + interval ''2 months'')::date LOOP
      EXECUTE format(''CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)'', t || ''_p'' || to_char(m, ''YYYYMM''), t, m::timestamp, (m + interval ''1 month'')::timestamp)\073
      m := (m + interval ''1 month'')::date\073
    END LOOP\073
    EXECUTE format(''CREATE TABLE %I PARTITION OF %I DEFAULT'', t || ''_default'', t)\073
  END LOOP\073
END';

-- CopyRows
INSERT INTO "gifts" ("id", "live_id", "account_id", "viewer_id", "dedupe_key", "msg_id", "gift_id", "gift_name", "diamond_count", "repeat_count", "diamonds", "streakable", "timeout_closed", "created_at")
SELECT "id", "live_id", "account_id", "viewer_id", "dedupe_key", "msg_id", "gift_id", "gift_name", "diamond_count", "repeat_count", "diamonds", "streakable", "timeout_closed", "created_at" FROM "gifts_unpartitioned";
INSERT INTO "chats" ("id", "live_id", "account_id", "viewer_id", "msg_id", "content", "created_at")
SELECT "id", "live_id", "account_id", "viewer_id", "msg_id", "content", "created_at" FROM "chats_unpartitioned";
INSERT INTO "like_buckets" ("live_id", "viewer_id", "minute", "count", "msg_ids")
SELECT "live_id", "viewer_id", "minute", "count", "msg_ids" FROM "like_buckets_unpartitioned";
INSERT INTO "viewer_samples" ("live_id", "at", "viewers", "total_users")
SELECT "live_id", "at", "viewers", "total_users" FROM "viewer_samples_unpartitioned";
INSERT INTO "social_events" ("id", "live_id", "viewer_id", "msg_id", "kind", "created_at")
SELECT "id", "live_id", "viewer_id", "msg_id", "kind", "created_at" FROM "social_events_unpartitioned";

-- DropTables
DROP TABLE "gifts_unpartitioned";
DROP TABLE "chats_unpartitioned";
DROP TABLE "like_buckets_unpartitioned";
DROP TABLE "viewer_samples_unpartitioned";
DROP TABLE "social_events_unpartitioned";

-- AddPrimaryKeys
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_pkey" PRIMARY KEY ("id", "created_at");
ALTER TABLE "chats" ADD CONSTRAINT "chats_pkey" PRIMARY KEY ("id", "created_at");
ALTER TABLE "like_buckets" ADD CONSTRAINT "like_buckets_pkey" PRIMARY KEY ("live_id", "minute", "viewer_id");
ALTER TABLE "viewer_samples" ADD CONSTRAINT "viewer_samples_pkey" PRIMARY KEY ("live_id", "at");
ALTER TABLE "social_events" ADD CONSTRAINT "social_events_pkey" PRIMARY KEY ("id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "gifts_live_id_dedupe_key_created_at_key" ON "gifts"("live_id", "dedupe_key", "created_at");
CREATE INDEX "gifts_account_id_created_at_idx" ON "gifts"("account_id", "created_at");
CREATE INDEX "gifts_viewer_id_created_at_idx" ON "gifts"("viewer_id", "created_at");
CREATE UNIQUE INDEX "chats_live_id_msg_id_created_at_key" ON "chats"("live_id", "msg_id", "created_at");
CREATE INDEX "chats_live_id_created_at_idx" ON "chats"("live_id", "created_at");
CREATE INDEX "chats_content_idx" ON "chats" USING GIN ("content" gin_trgm_ops);
CREATE UNIQUE INDEX "social_events_live_id_msg_id_created_at_key" ON "social_events"("live_id", "msg_id", "created_at");
CREATE INDEX "social_events_live_id_kind_idx" ON "social_events"("live_id", "kind");

-- AddForeignKey
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "viewer_samples" ADD CONSTRAINT "viewer_samples_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "social_events" ADD CONSTRAINT "social_events_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "social_events" ADD CONSTRAINT "social_events_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
