-- What a platform's connector reported about the messages of the account's latest live (Bilibili: packets,
-- repeats dropped, commands left out, unknown or malformed, packets that did not decode), for the status page.
ALTER TABLE "tracked_accounts" ADD COLUMN "source_report" JSONB;
