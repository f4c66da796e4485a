-- CreateEnum
CREATE TYPE "monitor_state" AS ENUM ('OFFLINE', 'CHECKING', 'CONNECTING', 'LIVE', 'BACKING_OFF');

-- CreateEnum
CREATE TYPE "social_kind" AS ENUM ('FOLLOW', 'SHARE', 'JOIN');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('PENDING', 'PAID', 'FULFILLED', 'FAILED', 'CANCELED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "overlay_kind" AS ENUM ('GIFT_ALERTS', 'LEADERBOARD', 'GOAL', 'CHAT', 'VIEWER_COUNT', 'ACTIVITY', 'QA_GAME');

-- CreateEnum
CREATE TYPE "game_status" AS ENUM ('ACTIVE', 'COUNTDOWN', 'FROZEN', 'ENDED');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tiktok_accounts" (
    "id" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "tiktok_user_id" TEXT,
    "sec_uid" TEXT,
    "nickname" TEXT,
    "avatar_url" TEXT,
    "bio" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "private_account" BOOLEAN NOT NULL DEFAULT false,
    "region" TEXT,
    "last_fetched_at" TIMESTAMP(3),
    "last_fetch_status" TEXT,
    "lookups" INTEGER NOT NULL DEFAULT 0,
    "last_looked_up_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tiktok_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "profile_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "fetched_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "followers" BIGINT NOT NULL,
    "following" BIGINT NOT NULL,
    "hearts" BIGINT NOT NULL,
    "videos" BIGINT NOT NULL,
    "diggs" BIGINT NOT NULL,
    "friends" BIGINT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "avg_views" BIGINT,

    CONSTRAINT "profile_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracked_accounts" (
    "account_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL DEFAULT 'tiktok',
    "replay_file" TEXT,
    "state" "monitor_state" NOT NULL DEFAULT 'OFFLINE',
    "state_since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "room_id" TEXT,
    "events_received" BIGINT NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "next_check_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "check_requested_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tracked_accounts_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "leases" (
    "account_id" TEXT NOT NULL,
    "worker_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "taken_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "worker_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMP(3),
    "realtime_ok" BOOLEAN NOT NULL DEFAULT false,
    "info" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("worker_id")
);

-- CreateTable
CREATE TABLE "viewers" (
    "id" BIGSERIAL NOT NULL,
    "tiktok_user_id" TEXT NOT NULL,
    "handle" TEXT,
    "nickname" TEXT,
    "avatar_url" TEXT,
    "placeholder" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "viewers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lives" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "room_id" TEXT NOT NULL,
    "title" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "end_reason" TEXT,
    "last_event_at" TIMESTAMP(3),
    "peak_viewers" INTEGER NOT NULL DEFAULT 0,
    "diamonds" BIGINT NOT NULL DEFAULT 0,
    "gifts" INTEGER NOT NULL DEFAULT 0,
    "likes" BIGINT NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "follows" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "joins" INTEGER NOT NULL DEFAULT 0,
    "unique_gifters" INTEGER NOT NULL DEFAULT 0,
    "viewer_samples" INTEGER NOT NULL DEFAULT 0,
    "viewer_sum" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_viewers" (
    "live_id" BIGINT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "diamonds" BIGINT NOT NULL DEFAULT 0,
    "gifts" INTEGER NOT NULL DEFAULT 0,
    "likes" BIGINT NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "is_follower" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_viewers_pkey" PRIMARY KEY ("live_id","viewer_id")
);

-- CreateTable
CREATE TABLE "gift_types" (
    "gift_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "diamond_count" INTEGER NOT NULL,
    "image_url" TEXT,
    "streakable" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gift_types_pkey" PRIMARY KEY ("gift_id")
);

-- CreateTable
CREATE TABLE "gifts" (
    "id" BIGSERIAL NOT NULL,
    "live_id" BIGINT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "gift_id" TEXT NOT NULL,
    "gift_name" TEXT NOT NULL,
    "diamond_count" INTEGER NOT NULL,
    "repeat_count" INTEGER NOT NULL,
    "diamonds" INTEGER NOT NULL,
    "streakable" BOOLEAN NOT NULL DEFAULT false,
    "timeout_closed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chats" (
    "id" BIGSERIAL NOT NULL,
    "live_id" BIGINT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "like_buckets" (
    "live_id" BIGINT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "like_buckets_pkey" PRIMARY KEY ("live_id","minute","viewer_id")
);

-- CreateTable
CREATE TABLE "viewer_samples" (
    "live_id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "viewers" INTEGER NOT NULL,
    "total_users" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "viewer_samples_pkey" PRIMARY KEY ("live_id","at")
);

-- CreateTable
CREATE TABLE "social_events" (
    "id" BIGSERIAL NOT NULL,
    "live_id" BIGINT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "kind" "social_kind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "social_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "managed_accounts" (
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "verification_code" TEXT,
    "verified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "managed_accounts_pkey" PRIMARY KEY ("user_id","account_id")
);

-- CreateTable
CREATE TABLE "clusters" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_accounts" (
    "cluster_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,

    CONSTRAINT "cluster_accounts_pkey" PRIMARY KEY ("cluster_id","account_id")
);

-- CreateTable
CREATE TABLE "gifter_stats" (
    "account_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "diamonds" BIGINT NOT NULL DEFAULT 0,
    "gifts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "gifter_stats_pkey" PRIMARY KEY ("account_id","day","viewer_id")
);

-- CreateTable
CREATE TABLE "top_creator_entries" (
    "period" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "account_id" TEXT NOT NULL,
    "diamonds" BIGINT NOT NULL,
    "lives" INTEGER NOT NULL,
    "hours_live" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "top_creator_entries_pkey" PRIMARY KEY ("period","rank")
);

-- CreateTable
CREATE TABLE "top_gifter_entries" (
    "period" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "diamonds" BIGINT NOT NULL,
    "streamers" INTEGER NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "top_gifter_entries_pkey" PRIMARY KEY ("period","rank")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "status" "order_status" NOT NULL DEFAULT 'PENDING',
    "amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "test_mode" BOOLEAN NOT NULL DEFAULT false,
    "stripe_session_id" TEXT,
    "stripe_payment_intent_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_share_links" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "report_share_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "overlays" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" "overlay_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "token" TEXT NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "overlays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "overlay_id" TEXT,
    "name" TEXT,
    "status" "game_status" NOT NULL DEFAULT 'ACTIVE',
    "rules" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "freeze_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "game_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_scores" (
    "session_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "diamonds" INTEGER NOT NULL DEFAULT 0,
    "is_follower" BOOLEAN NOT NULL DEFAULT false,
    "removed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_scores_pkey" PRIMARY KEY ("session_id","viewer_id")
);

-- CreateTable
CREATE TABLE "game_comments" (
    "id" BIGSERIAL NOT NULL,
    "session_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "msg_id" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "game_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_winners" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "viewer_id" BIGINT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "question" TEXT,
    "selected_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_winners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "tiktok_accounts_handle_key" ON "tiktok_accounts"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "tiktok_accounts_tiktok_user_id_key" ON "tiktok_accounts"("tiktok_user_id");

-- CreateIndex
CREATE INDEX "tiktok_accounts_last_looked_up_at_idx" ON "tiktok_accounts"("last_looked_up_at");

-- CreateIndex
CREATE INDEX "profile_snapshots_account_id_fetched_at_idx" ON "profile_snapshots"("account_id", "fetched_at" DESC);

-- CreateIndex
CREATE INDEX "tracked_accounts_enabled_next_check_at_idx" ON "tracked_accounts"("enabled", "next_check_at");

-- CreateIndex
CREATE INDEX "leases_worker_id_idx" ON "leases"("worker_id");

-- CreateIndex
CREATE INDEX "leases_expires_at_idx" ON "leases"("expires_at");

-- CreateIndex
CREATE INDEX "worker_heartbeats_last_seen_at_idx" ON "worker_heartbeats"("last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "viewers_tiktok_user_id_key" ON "viewers"("tiktok_user_id");

-- CreateIndex
CREATE INDEX "viewers_handle_idx" ON "viewers"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "lives_room_id_key" ON "lives"("room_id");

-- CreateIndex
CREATE INDEX "lives_account_id_started_at_idx" ON "lives"("account_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "lives_ended_at_idx" ON "lives"("ended_at");

-- CreateIndex
CREATE INDEX "live_viewers_viewer_id_idx" ON "live_viewers"("viewer_id");

-- CreateIndex
CREATE INDEX "gifts_account_id_created_at_idx" ON "gifts"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "gifts_viewer_id_created_at_idx" ON "gifts"("viewer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "gifts_live_id_dedupe_key_key" ON "gifts"("live_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "chats_live_id_created_at_idx" ON "chats"("live_id", "created_at");

-- CreateIndex
CREATE INDEX "chats_created_at_idx" ON "chats"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "chats_live_id_msg_id_key" ON "chats"("live_id", "msg_id");

-- CreateIndex
CREATE INDEX "social_events_live_id_kind_idx" ON "social_events"("live_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "social_events_live_id_msg_id_key" ON "social_events"("live_id", "msg_id");

-- CreateIndex
CREATE INDEX "managed_accounts_account_id_idx" ON "managed_accounts"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "clusters_user_id_name_key" ON "clusters"("user_id", "name");

-- CreateIndex
CREATE INDEX "gifter_stats_viewer_id_idx" ON "gifter_stats"("viewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_stripe_session_id_key" ON "orders"("stripe_session_id");

-- CreateIndex
CREATE INDEX "orders_user_id_created_at_idx" ON "orders"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "reports_order_id_key" ON "reports"("order_id");

-- CreateIndex
CREATE INDEX "reports_user_id_idx" ON "reports"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_share_links_token_key" ON "report_share_links"("token");

-- CreateIndex
CREATE INDEX "report_share_links_report_id_idx" ON "report_share_links"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "overlays_token_key" ON "overlays"("token");

-- CreateIndex
CREATE INDEX "overlays_user_id_idx" ON "overlays"("user_id");

-- CreateIndex
CREATE INDEX "overlays_account_id_idx" ON "overlays"("account_id");

-- CreateIndex
CREATE INDEX "game_sessions_account_id_status_idx" ON "game_sessions"("account_id", "status");

-- CreateIndex
CREATE INDEX "game_scores_session_id_points_idx" ON "game_scores"("session_id", "points" DESC);

-- CreateIndex
CREATE INDEX "game_comments_session_id_viewer_id_idx" ON "game_comments"("session_id", "viewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "game_comments_session_id_msg_id_key" ON "game_comments"("session_id", "msg_id");

-- CreateIndex
CREATE INDEX "game_winners_session_id_idx" ON "game_winners"("session_id");

-- CreateIndex
CREATE INDEX "rate_limit_windows_expires_at_idx" ON "rate_limit_windows"("expires_at");

-- AddForeignKey
ALTER TABLE "profile_snapshots" ADD CONSTRAINT "profile_snapshots_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracked_accounts" ADD CONSTRAINT "tracked_accounts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leases" ADD CONSTRAINT "leases_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tracked_accounts"("account_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lives" ADD CONSTRAINT "lives_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_viewers" ADD CONSTRAINT "live_viewers_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_viewers" ADD CONSTRAINT "live_viewers_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "like_buckets" ADD CONSTRAINT "like_buckets_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "viewer_samples" ADD CONSTRAINT "viewer_samples_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "social_events" ADD CONSTRAINT "social_events_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "social_events" ADD CONSTRAINT "social_events_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "managed_accounts" ADD CONSTRAINT "managed_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "managed_accounts" ADD CONSTRAINT "managed_accounts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_accounts" ADD CONSTRAINT "cluster_accounts_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_accounts" ADD CONSTRAINT "cluster_accounts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gifter_stats" ADD CONSTRAINT "gifter_stats_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gifter_stats" ADD CONSTRAINT "gifter_stats_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "top_creator_entries" ADD CONSTRAINT "top_creator_entries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_share_links" ADD CONSTRAINT "report_share_links_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overlays" ADD CONSTRAINT "overlays_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overlays" ADD CONSTRAINT "overlays_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_overlay_id_fkey" FOREIGN KEY ("overlay_id") REFERENCES "overlays"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_scores" ADD CONSTRAINT "game_scores_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "game_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_scores" ADD CONSTRAINT "game_scores_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_comments" ADD CONSTRAINT "game_comments_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "game_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_winners" ADD CONSTRAINT "game_winners_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "game_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_winners" ADD CONSTRAINT "game_winners_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "viewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
