-- DropIndex
DROP INDEX "chats_created_at_idx";

-- AlterTable
ALTER TABLE "live_viewers" DROP COLUMN "comments",
DROP COLUMN "last_seen_at",
DROP COLUMN "likes";


-- AlterTable: message ids are 64-bit numbers, and a bigint key is smaller and faster than text
ALTER TABLE "processed_messages" ALTER COLUMN "msg_id" SET DATA TYPE BIGINT USING "msg_id"::bigint;
