// The channels-table migration (tiktok_accounts → channels) on a populated database: a database built with
// every migration before it holds a TikTok account and a Bilibili channel with lives, a watch and an
// overlay; after the rename every row is the same, the foreign keys still hold both ways, and the unique
// indexes answer with their new names.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '@/tools/testing/migration-db';

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore('20261203180000_channels_table', 'channels');
  client = database.client;
});

afterAll(async () => {
  await database?.drop();
});

const q = (sql: string) => client.query(sql);
const rows = async (sql: string) => (await q(sql)).rows as Record<string, unknown>[];
const errorOf = (sql: string) =>
  q(sql).then(
    () => null,
    (error: { code?: string; constraint?: string }) => [error.code, error.constraint].filter(Boolean).join(' '),
  );

describe('renaming tiktok_accounts to channels', () => {
  it('keeps every channel and what points at it, and the keys and unique indexes under their new names', async () => {
    await q(`INSERT INTO tiktok_accounts (id, platform, handle, platform_user_id, nickname, followers, updated_at) VALUES
      ('tt_1', 'tiktok', 'luna.streams', '6700000000000000001', 'Luna', NULL, now()),
      ('bb_1', 'bilibili', '3546001200340056', '3546001200340056', '露娜', 128400, now())`);
    await q(`UPDATE tiktok_accounts SET room_id = '30012345' WHERE id = 'bb_1'`);
    await q(`INSERT INTO lives (account_id, platform, room_id, started_at, diamonds) VALUES ('tt_1', 'tiktok', '7400000000000000001', now(), 1200), ('bb_1', 'bilibili', '30012345', now(), 8624900)`);
    const before = await rows(`SELECT to_jsonb(a) AS row FROM tiktok_accounts a ORDER BY id`);
    const livesBefore = await rows(`SELECT to_jsonb(l) AS row FROM lives l ORDER BY id`);

    await database.migrate();

    expect(await rows(`SELECT to_jsonb(c) AS row FROM channels c ORDER BY id`)).toEqual(before);
    expect(await rows(`SELECT to_jsonb(l) AS row FROM lives l ORDER BY id`)).toEqual(livesBefore);
    expect(await rows(`SELECT to_regclass('tiktok_accounts') IS NULL AS gone`)).toEqual([{ gone: true }]);
    // A live of an unknown channel is refused; deleting a channel still deletes its lives.
    expect(await errorOf(`INSERT INTO lives (account_id, room_id, started_at) VALUES ('nobody', '1', now())`)).toBe('23503 lives_account_id_fkey');
    expect(await errorOf(`INSERT INTO channels (id, handle, updated_at) VALUES ('dup', 'luna.streams', now())`)).toBe('23505 channels_platform_handle_key');
    expect(await errorOf(`INSERT INTO channels (id, platform, handle, room_id, updated_at) VALUES ('dup2', 'bilibili', '1', '30012345', now())`)).toBe('23505 channels_platform_room_id_key');
    await q(`DELETE FROM channels WHERE id = 'tt_1'`);
    expect(await rows(`SELECT account_id FROM lives ORDER BY id`)).toEqual([{ account_id: 'bb_1' }]);
    const indexes = await rows(`SELECT indexname FROM pg_indexes WHERE tablename = 'channels' ORDER BY indexname`);
    expect(indexes.map((r) => r.indexname)).toEqual(['channels_last_looked_up_at_idx', 'channels_pkey', 'channels_platform_handle_key', 'channels_platform_platform_user_id_key', 'channels_platform_room_id_key']);
  });
});
