-- Next.js's incremental cache shared by every web instance (issue 17, item 3, lib/next-cache): entries per
-- build and cache key, and the revalidation times of cache tags. Trimmed by the worker's next-cache-cleanup job.

-- CreateTable
CREATE TABLE "next_cache_entries" (
    "build_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "tags" TEXT[],
    "cache_control" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "next_cache_entries_pkey" PRIMARY KEY ("build_id","key")
);

-- CreateTable
CREATE TABLE "next_cache_tags" (
    "tag" TEXT NOT NULL,
    "stale_at" TIMESTAMPTZ(3),
    "expired_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "next_cache_tags_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "next_cache_entries_expires_at_idx" ON "next_cache_entries"("expires_at");

-- CreateIndex
CREATE INDEX "next_cache_entries_updated_at_idx" ON "next_cache_entries"("updated_at");

-- CreateIndex
CREATE INDEX "next_cache_tags_updated_at_idx" ON "next_cache_tags"("updated_at");
