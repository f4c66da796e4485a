-- Follower counts of channels whose platform has no profile snapshots (Bilibili's room API), one row per
-- stored lookup: the history a Bilibili growth report measures follower growth from (issue 20).
CREATE TABLE "follower_samples" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "fetched_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "followers" BIGINT NOT NULL,

    CONSTRAINT "follower_samples_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "follower_samples_account_id_fetched_at_idx" ON "follower_samples"("account_id", "fetched_at" DESC);

ALTER TABLE "follower_samples" ADD CONSTRAINT "follower_samples_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
