-- The table of channels is named for what it holds: TikTok accounts and Bilibili channels alike (issue 20).
-- A rename keeps every row, id, foreign key and index, and the indexes take the names Prisma gives them.
ALTER TABLE "tiktok_accounts" RENAME TO "channels";
ALTER TABLE "channels" RENAME CONSTRAINT "tiktok_accounts_pkey" TO "channels_pkey";
ALTER INDEX "tiktok_accounts_platform_handle_key" RENAME TO "channels_platform_handle_key";
ALTER INDEX "tiktok_accounts_platform_platform_user_id_key" RENAME TO "channels_platform_platform_user_id_key";
ALTER INDEX "tiktok_accounts_platform_room_id_key" RENAME TO "channels_platform_room_id_key";
ALTER INDEX "tiktok_accounts_last_looked_up_at_idx" RENAME TO "channels_last_looked_up_at_idx";
