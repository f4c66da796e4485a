-- Like buckets: the foreign-key check on like_buckets.live_id ran once per new bucket (a viewer's first
-- like in a minute), about 10 µs each and a sixth of storing a batch of likes (EXPLAIN ANALYZE, 10,000
-- likes into 3,000 new buckets: 30 ms of 193 ms). Like the other ingest-only rows (migration
-- ingest_lean_fks), the worker writes buckets only for lives it has just ensured, and every like also
-- passes the live_viewers foreign key once per viewer and batch. The cascade becomes part of the
-- lives_delete_ingest_rows trigger.

-- DropForeignKey
ALTER TABLE "like_buckets" DROP CONSTRAINT "like_buckets_live_id_fkey";

-- CreateFunction
-- The body is an escape string with \073 for the semicolons (see migration ingest_lean_fks).
CREATE OR REPLACE FUNCTION lives_delete_ingest_rows() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN DELETE FROM chats WHERE live_id = OLD.id\073 DELETE FROM processed_messages WHERE live_id = OLD.id\073 DELETE FROM like_buckets WHERE live_id = OLD.id\073 RETURN OLD\073 END';
