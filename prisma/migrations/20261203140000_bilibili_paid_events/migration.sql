-- Bilibili's paid messages (Super Chats) and guard purchases are stored beside gifts, as gifts of another
-- kind: their value adds to the live's, their number is counted apart from gifts (docs/bilibili-counting.md).
-- Adding a column with a constant default rewrites no partition (Postgres 11+).
CREATE TYPE "gift_kind" AS ENUM ('gift', 'super_chat', 'guard');

ALTER TABLE "gifts" ADD COLUMN "kind" "gift_kind" NOT NULL DEFAULT 'gift';

ALTER TABLE "lives" ADD COLUMN "super_chats" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "guards" INTEGER NOT NULL DEFAULT 0;
