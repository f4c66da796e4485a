-- The wheel-of-fortune overlay (issue 16): a new overlay kind, and every spin it made (won by a gift or the
-- host's test), so the editor can list recent results. A gift's streak seen again adds only its new spins:
-- (overlay_id, dedupe_key, seq) is unique.
ALTER TYPE "overlay_kind" ADD VALUE 'WHEEL';

-- CreateTable
CREATE TABLE "wheel_spins" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "overlay_id" TEXT NOT NULL,
    "live_id" BIGINT,
    "viewer_name" TEXT NOT NULL,
    "gift_id" TEXT,
    "gift_name" TEXT,
    "segment_index" INTEGER NOT NULL,
    "segment_label" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "dedupe_key" TEXT,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wheel_spins_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wheel_spins_overlay_id_created_at_idx" ON "wheel_spins"("overlay_id", "created_at");

-- CreateIndex
CREATE INDEX "wheel_spins_workspace_id_idx" ON "wheel_spins"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "wheel_spins_overlay_id_dedupe_key_seq_key" ON "wheel_spins"("overlay_id", "dedupe_key", "seq");

-- AddForeignKey
ALTER TABLE "wheel_spins" ADD CONSTRAINT "wheel_spins_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wheel_spins" ADD CONSTRAINT "wheel_spins_overlay_id_fkey" FOREIGN KEY ("overlay_id") REFERENCES "overlays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wheel_spins" ADD CONSTRAINT "wheel_spins_live_id_fkey" FOREIGN KEY ("live_id") REFERENCES "lives"("id") ON DELETE SET NULL ON UPDATE CASCADE;
