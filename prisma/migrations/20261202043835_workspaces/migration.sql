-- Workspaces: what a user or team makes belongs to a workspace, not to whoever added a handle.
-- Existing data moves with nothing lost (tested in lib/workspaces/migration.test.ts):
--   * every user gets a personal workspace (id 'ws_' || user id) and owns it;
--   * each managed account becomes an account of its manager's personal workspace (code and
--     verification kept, the manager recorded as the one who added it);
--   * a cluster goes to the workspace of the user who made it;
--   * an overlay goes to its creator's workspace (overlays.user_id was always the creator), unless that
--     workspace no longer watches the overlay's account and another does: then to the workspace of the
--     account's earliest manager, so an overlay a co-manager kept using keeps working;
--   * a game session goes with its overlay, or, when its overlay was deleted, to its user's workspace.
-- Also: server-side sessions, realtime connection identities and a note on orders whose payment did
-- not match.

-- CreateEnum
CREATE TYPE "workspace_role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER');

-- CreateTable
CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personal" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_members" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "workspace_role" NOT NULL DEFAULT 'MEMBER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_members_pkey" PRIMARY KEY ("workspace_id","user_id")
);

-- CreateTable
CREATE TABLE "workspace_invites" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "role" "workspace_role" NOT NULL DEFAULT 'MEMBER',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "accepted_at" TIMESTAMP(3),
    "accepted_by_id" TEXT,

    CONSTRAINT "workspace_invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_accounts" (
    "workspace_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "verification_code" TEXT,
    "verified_at" TIMESTAMP(3),
    "added_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_accounts_pkey" PRIMARY KEY ("workspace_id","account_id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_agent" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "realtime_sockets" (
    "socket_id" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realtime_sockets_pkey" PRIMARY KEY ("socket_id")
);

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "problem" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "current_workspace_id" TEXT;

-- ── data: a personal workspace per user, owned by them ──
INSERT INTO "workspaces" ("id", "name", "personal", "created_at", "updated_at")
SELECT 'ws_' || u."id", COALESCE(NULLIF(btrim(u."name"), ''), split_part(u."email", '@', 1)), true, u."created_at", CURRENT_TIMESTAMP
  FROM "users" u;

INSERT INTO "workspace_members" ("workspace_id", "user_id", "role", "created_at")
SELECT 'ws_' || u."id", u."id", 'OWNER', u."created_at" FROM "users" u;

UPDATE "users" SET "current_workspace_id" = 'ws_' || "id";

INSERT INTO "workspace_accounts" ("workspace_id", "account_id", "verification_code", "verified_at", "added_by_id", "created_at")
SELECT 'ws_' || m."user_id", m."account_id", m."verification_code", m."verified_at", m."user_id", m."created_at"
  FROM "managed_accounts" m;

-- ── clusters ──
ALTER TABLE "clusters" ADD COLUMN "created_by_id" TEXT, ADD COLUMN "workspace_id" TEXT;
UPDATE "clusters" SET "workspace_id" = 'ws_' || "user_id", "created_by_id" = "user_id";
ALTER TABLE "clusters" ALTER COLUMN "workspace_id" SET NOT NULL;
ALTER TABLE "clusters" DROP CONSTRAINT "clusters_user_id_fkey";
DROP INDEX "clusters_user_id_name_key";
ALTER TABLE "clusters" DROP COLUMN "user_id";

-- ── overlays ──
ALTER TABLE "overlays" ADD COLUMN "created_by_id" TEXT, ADD COLUMN "workspace_id" TEXT;
UPDATE "overlays" o SET "created_by_id" = o."user_id", "workspace_id" = COALESCE(
    (SELECT 'ws_' || m."user_id" FROM "managed_accounts" m WHERE m."account_id" = o."account_id" AND m."user_id" = o."user_id"),
    (SELECT 'ws_' || m."user_id" FROM "managed_accounts" m WHERE m."account_id" = o."account_id" ORDER BY m."created_at", m."user_id" LIMIT 1),
    'ws_' || o."user_id");
ALTER TABLE "overlays" ALTER COLUMN "workspace_id" SET NOT NULL;
ALTER TABLE "overlays" DROP CONSTRAINT "overlays_user_id_fkey";
DROP INDEX "overlays_user_id_idx";
ALTER TABLE "overlays" DROP COLUMN "user_id";

-- ── game sessions ──
ALTER TABLE "game_sessions" ADD COLUMN "created_by_id" TEXT, ADD COLUMN "workspace_id" TEXT;
UPDATE "game_sessions" s SET "created_by_id" = s."user_id", "workspace_id" = COALESCE(
    (SELECT o."workspace_id" FROM "overlays" o WHERE o."id" = s."overlay_id"),
    'ws_' || s."user_id");
ALTER TABLE "game_sessions" ALTER COLUMN "workspace_id" SET NOT NULL;
ALTER TABLE "game_sessions" DROP CONSTRAINT "game_sessions_user_id_fkey";
ALTER TABLE "game_sessions" DROP COLUMN "user_id";

-- ── managed_accounts is now workspace_accounts ──
DROP TABLE "managed_accounts";

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- CreateIndex
CREATE INDEX "user_sessions_expires_at_idx" ON "user_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "workspace_members_user_id_idx" ON "workspace_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "workspace_invites_token_hash_key" ON "workspace_invites"("token_hash");

-- CreateIndex
CREATE INDEX "workspace_invites_workspace_id_idx" ON "workspace_invites"("workspace_id");

-- CreateIndex
CREATE INDEX "workspace_accounts_account_id_idx" ON "workspace_accounts"("account_id");

-- CreateIndex
CREATE INDEX "realtime_sockets_created_at_idx" ON "realtime_sockets"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "clusters_workspace_id_name_key" ON "clusters"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "game_sessions_workspace_id_started_at_idx" ON "game_sessions"("workspace_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "overlays_workspace_id_idx" ON "overlays"("workspace_id");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_invites" ADD CONSTRAINT "workspace_invites_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_invites" ADD CONSTRAINT "workspace_invites_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_invites" ADD CONSTRAINT "workspace_invites_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_accounts" ADD CONSTRAINT "workspace_accounts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_accounts" ADD CONSTRAINT "workspace_accounts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "tiktok_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_accounts" ADD CONSTRAINT "workspace_accounts_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overlays" ADD CONSTRAINT "overlays_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overlays" ADD CONSTRAINT "overlays_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_sessions" ADD CONSTRAINT "game_sessions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
