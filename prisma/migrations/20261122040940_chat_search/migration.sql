-- Chat search in the dashboard: case-insensitive substring search (ILIKE '%term%') over a live's chat.
-- A b-tree index cannot serve a leading wildcard, a trigram GIN index can.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "chats_content_idx" ON "chats" USING GIN ("content" gin_trgm_ops);
