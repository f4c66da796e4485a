-- Chats: the foreign-key check on chats.viewer_id ran once per chat, about 11 µs each (EXPLAIN ANALYZE:
-- 27 ms of 149 ms for 2,500 chats), and in bench:ingest the chats statement went from a median of about
-- 640 ms to about 440 ms per run without it. The worker writes a chat only with the viewer id it has
-- just upserted in the same transaction, and the app never deletes viewers. The cascade becomes a
-- trigger on viewers, so deleting a viewer by hand still deletes their chats.

-- DropForeignKey
ALTER TABLE "chats" DROP CONSTRAINT "chats_viewer_id_fkey";

-- CreateFunction
-- The body is an escape string with \073 for the semicolons (see migration ingest_lean_fks).
CREATE FUNCTION viewers_delete_chats() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN DELETE FROM chats WHERE viewer_id = OLD.id\073 RETURN OLD\073 END';

-- CreateTrigger
CREATE TRIGGER viewers_delete_chats AFTER DELETE ON viewers FOR EACH ROW EXECUTE FUNCTION viewers_delete_chats();
