-- Text from TikTok is now cleaned where it enters (lib/text/clean.ts: displayText): no NUL, no lone
-- surrogates, no bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069),
-- which let a name such as "evil\u202Eexe.live" display as something else. This cleans what was stored
-- before, so every page shows stored text the same way. (NUL and lone surrogates never reached Postgres:
-- it refuses both.) Each statement touches only rows that contain a control.
UPDATE "viewers" SET "nickname" = regexp_replace("nickname", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "nickname" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "viewers" SET "handle" = regexp_replace("handle", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "handle" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "chats" SET "content" = regexp_replace("content", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "content" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "game_comments" SET "content" = regexp_replace("content", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "content" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "gifts" SET "gift_name" = regexp_replace("gift_name", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "gift_name" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "gift_types" SET "name" = regexp_replace("name", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "name" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "tiktok_accounts" SET "nickname" = regexp_replace("nickname", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "nickname" ~ U&'[\202A-\202E\2066-\2069]';
UPDATE "tiktok_accounts" SET "bio" = regexp_replace("bio", U&'[\202A-\202E\2066-\2069]', '', 'g') WHERE "bio" ~ U&'[\202A-\202E\2066-\2069]';
