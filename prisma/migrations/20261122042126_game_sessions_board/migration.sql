-- AlterTable
ALTER TABLE "game_scores" ADD COLUMN     "gift_points" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "reached_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "game_sessions" ADD COLUMN     "live_id" BIGINT,
ADD COLUMN     "scores_at" TIMESTAMP(3),
ADD COLUMN     "shown_winner_id" TEXT;
