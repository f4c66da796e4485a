-- One leaderboard across a creator's channels (issue 20 item 7). Each worker holding a channel of the
-- overlay's cluster keeps that channel's part of the board here, and the session's game_scores row of a
-- viewer is the sum of their parts (worker/games.ts), so two workers never overwrite each other's points.
CREATE TABLE "game_channel_scores" (
    "session_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "gift_points" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "diamonds" INTEGER NOT NULL DEFAULT 0,
    "is_follower" BOOLEAN NOT NULL DEFAULT false,
    "reached_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_channel_scores_pkey" PRIMARY KEY ("session_id","account_id","viewer_id")
);

ALTER TABLE "game_channel_scores" ADD CONSTRAINT "game_channel_scores_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "game_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "game_channel_scores" ADD CONSTRAINT "game_channel_scores_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "game_channel_scores" ADD CONSTRAINT "game_channel_scores_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every worker asks, on each sync, which clusters hold the channels it watches.
CREATE INDEX "cluster_accounts_account_id_idx" ON "cluster_accounts"("account_id");
