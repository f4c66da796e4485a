-- The language a user's messages are written in, set at sign-up and by the language switcher. Existing
-- users have none and get English until they choose.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
