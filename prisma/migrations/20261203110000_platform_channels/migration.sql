-- A platform-neutral channel model (issue 20, item 1): a channel is (platform, platform user id, handle or
-- room id), TikTok one platform among several. Existing rows are TikTok's: they get platform 'tiktok' and
-- keep every value, id and live total. The table keeps its name (tiktok_accounts) for now.
CREATE TYPE "platform" AS ENUM ('tiktok', 'bilibili');

-- Channels: the platform, the TikTok user id column as the platform's user id, and Bilibili's live room id.
ALTER TABLE "tiktok_accounts" ADD COLUMN "platform" "platform" NOT NULL DEFAULT 'tiktok';
ALTER TABLE "tiktok_accounts" ADD COLUMN "room_id" TEXT;
ALTER TABLE "tiktok_accounts" RENAME COLUMN "tiktok_user_id" TO "platform_user_id";

-- Handles and user ids are unique per platform (a Bilibili uid may equal a TikTok handle string).
DROP INDEX "tiktok_accounts_handle_key";
DROP INDEX "tiktok_accounts_tiktok_user_id_key";
CREATE UNIQUE INDEX "tiktok_accounts_platform_handle_key" ON "tiktok_accounts"("platform", "handle");
CREATE UNIQUE INDEX "tiktok_accounts_platform_platform_user_id_key" ON "tiktok_accounts"("platform", "platform_user_id");
CREATE UNIQUE INDEX "tiktok_accounts_platform_room_id_key" ON "tiktok_accounts"("platform", "room_id");

-- Lives: a room id is unique per platform. The platform is copied from the channel (every existing one is
-- TikTok, so this changes no row today, but it keeps the statement right on a copy that has more).
ALTER TABLE "lives" ADD COLUMN "platform" "platform" NOT NULL DEFAULT 'tiktok';
UPDATE "lives" l SET "platform" = a."platform" FROM "tiktok_accounts" a WHERE a."id" = l."account_id" AND l."platform" <> a."platform";
DROP INDEX "lives_room_id_key";
CREATE UNIQUE INDEX "lives_platform_room_id_key" ON "lives"("platform", "room_id");
