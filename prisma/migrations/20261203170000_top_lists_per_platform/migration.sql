-- The public top lists per platform (issue 20, item 6): each list sums the value unit of one platform
-- (TikTok diamonds, Bilibili gold), so every entry names its platform and a rank is unique within
-- (platform, period). The writer always names the platform, the default only fills the rows already here.
ALTER TABLE "top_creator_entries" ADD COLUMN "platform" "platform" NOT NULL DEFAULT 'tiktok';
ALTER TABLE "top_creator_entries" ALTER COLUMN "platform" DROP DEFAULT;
ALTER TABLE "top_creator_entries" DROP CONSTRAINT "top_creator_entries_pkey",
ADD CONSTRAINT "top_creator_entries_pkey" PRIMARY KEY ("platform", "period", "rank");

-- The stored gifter entries summed gifter_stats over every platform (diamonds and gold added together),
-- so they belong to no platform: drop them. They are derived: the top-lists job of the worker writes them
-- again, per platform, within seconds of its start and every 10 minutes.
DELETE FROM "top_gifter_entries";
ALTER TABLE "top_gifter_entries" ADD COLUMN "platform" "platform" NOT NULL;
ALTER TABLE "top_gifter_entries" DROP CONSTRAINT "top_gifter_entries_pkey",
ADD CONSTRAINT "top_gifter_entries_pkey" PRIMARY KEY ("platform", "period", "rank");
