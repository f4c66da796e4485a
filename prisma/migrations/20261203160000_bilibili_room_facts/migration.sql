-- What Bilibili's room API said about a channel's room at the last fetch (followers, title, area, live
-- status), for the public channel page and the dashboard. TikTok keeps its followers in profile_snapshots.
ALTER TABLE "tiktok_accounts" ADD COLUMN "followers" BIGINT,
ADD COLUMN "room_title" TEXT,
ADD COLUMN "room_area" TEXT,
ADD COLUMN "room_live_status" INTEGER;
