-- How a user reads times and money: an IANA time zone (null: the browser's, sent as a cookie) and a
-- currency code for earnings (null: the one of their language).
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;
ALTER TABLE "users" ADD COLUMN "currency" TEXT;
