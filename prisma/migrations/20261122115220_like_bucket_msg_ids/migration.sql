-- Likes are two thirds of all events. Each like message used to store its id in processed_messages (an
-- index probe, a heap row and an index entry per like) so that a replayed or duplicated like is never
-- counted twice. A bucket (one viewer, one minute) now keeps the ids it has counted: a copy of a like has
-- the same viewer and minute, so it is recognised inside its own bucket, and a bucket holds a few ids.
-- Joins keep using processed_messages.
--
-- Likes counted before this migration have their ids only in processed_messages, so a copy of one of
-- them arriving after the upgrade (a live that was running during it) would be counted again once.

-- AlterTable
ALTER TABLE "like_buckets" ADD COLUMN     "msg_ids" BIGINT[] DEFAULT ARRAY[]::BIGINT[];
