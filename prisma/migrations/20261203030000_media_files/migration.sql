-- The per-workspace media library (issue 16): sounds, images and videos for overlays. Bytes live in the
-- configured storage (disk under the data folder, or S3), and this table holds what was read from them.
-- CreateEnum
CREATE TYPE "media_kind" AS ENUM ('SOUND', 'IMAGE', 'VIDEO');

-- CreateTable
CREATE TABLE "media_files" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "name" TEXT NOT NULL,
    "kind" "media_kind" NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "duration_ms" INTEGER,
    "animated" BOOLEAN NOT NULL DEFAULT false,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "media_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "media_files_workspace_id_created_at_idx" ON "media_files"("workspace_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "media_files_workspace_id_sha256_key" ON "media_files"("workspace_id", "sha256");

-- AddForeignKey
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
