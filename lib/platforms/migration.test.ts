// The platform-channels migration on a populated database: a database is built with the migrations before
// it and filled, through the old schema, the way the demo seed fills one (six TikTok accounts with a month
// of snapshots, watched by two workspaces, ten lives each with their gifts, chats, viewers, viewer curve
// and follows, every live's totals the sum of its rows), then migrated. Nothing may be lost: every table
// other than the two the migration changes holds exactly the same rows, the accounts and lives keep every
// value (the user id under its new column name, platform 'tiktok'), and every live's totals are identical.
// Then the new model is used: a Bilibili channel may share a TikTok account's handle, user id and room id.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '@/tools/testing/migration-db';

const TARGET = '20261203110000_platform_channels';

const ACCOUNTS = 6;
const LIVES_PER_ACCOUNT = 10;
const VIEWERS = 240;

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(TARGET, 'platforms');
  client = database.client;
});

afterAll(async () => {
  await database?.drop();
});

const q = (sql: string, params: unknown[] = []) => client.query(sql, params);

/** Fills the old schema as the demo seed would: deterministic, every live total the sum of its rows. */
async function seedOldSchema(): Promise<void> {
  const handles = ['luna.streams', 'djmax.live', 'chef.amara', 'koji.plays', 'nightowl.asmr', '123456'];
  for (const [i, handle] of handles.entries()) {
    const n = i + 1;
    // The last account was never fetched: no TikTok user id (the column is nullable and stays so).
    await q(
      `INSERT INTO tiktok_accounts (id, handle, tiktok_user_id, sec_uid, nickname, region, verified, last_fetched_at, last_fetch_status, lookups, last_looked_up_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'US', $6, TIMESTAMP '2026-11-30 10:00:00', 'ok', $7, TIMESTAMP '2026-12-01 08:00:00', TIMESTAMP '2026-10-01 00:00:00', TIMESTAMP '2026-11-30 10:00:00')`,
      [`acc_${n}`, handle, n < ACCOUNTS ? `670000000000000000${n}` : null, n < ACCOUNTS ? `MS4wLjABAAAA${n}` : null, `Creator ${n}`, n % 2 === 0, n * 7],
    );
  }
  await q(`INSERT INTO profile_snapshots (account_id, fetched_at, followers, following, hearts, videos, diggs, friends, verified)
    SELECT 'acc_' || a, TIMESTAMP '2026-11-01 00:00:00' + d * interval '1 day', 10000 * a + 37 * d, 100 + a, 200000 * a + 911 * d, 100 + d, 50, 10, false
    FROM generate_series(1, ${ACCOUNTS}) a, generate_series(0, 29) d`);
  // Two users, their personal workspaces; the first watches four accounts, the second three (one shared).
  for (const n of [1, 2]) {
    await q(`INSERT INTO users (id, email, password_hash, name, created_at, updated_at) VALUES ($1, $2, 'h', $3, now(), now())`, [`u_${n}`, `u${n}@example.test`, `User ${n}`]);
    await q(`INSERT INTO workspaces (id, name, personal, updated_at) VALUES ($1, $2, true, now())`, [`ws_${n}`, `User ${n}`]);
    await q(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [`ws_${n}`, `u_${n}`]);
  }
  await q(`INSERT INTO workspace_accounts (workspace_id, account_id, added_by_id) VALUES
    ('ws_1', 'acc_1', 'u_1'), ('ws_1', 'acc_2', 'u_1'), ('ws_1', 'acc_3', 'u_1'), ('ws_1', 'acc_6', 'u_1'),
    ('ws_2', 'acc_3', 'u_2'), ('ws_2', 'acc_4', 'u_2'), ('ws_2', 'acc_5', 'u_2')`);
  await q(`INSERT INTO tracked_accounts (account_id, room_id, updated_at) SELECT 'acc_' || a, '73000000000000000' || a, now() FROM generate_series(1, 4) a`);
  await q(`INSERT INTO viewers (id, tiktok_user_id, handle, nickname, first_seen_at, updated_at)
    SELECT v, (6900000000000000000 + v)::text, 'fan.' || v, 'Fan ' || v, TIMESTAMP '2026-10-15 00:00:00', TIMESTAMP '2026-10-15 00:00:00' FROM generate_series(1, ${VIEWERS}) v`);
  // Lives 1..60: live l of account a starts l days before 2026-12-01, runs two hours, has a TikTok room id.
  await q(`INSERT INTO lives (id, account_id, room_id, title, started_at, ended_at, end_reason, last_event_at, created_at)
    SELECT (a - 1) * ${LIVES_PER_ACCOUNT} + l, 'acc_' || a, (7400000000000000000 + ((a - 1) * ${LIVES_PER_ACCOUNT} + l))::text, 'Live ' || l,
           TIMESTAMP '2026-12-01 20:00:00' - l * interval '1 day', TIMESTAMP '2026-12-01 22:00:00' - l * interval '1 day', 'stream_end',
           TIMESTAMP '2026-12-01 22:00:00' - l * interval '1 day', TIMESTAMP '2026-12-01 20:00:00' - l * interval '1 day'
    FROM generate_series(1, ${ACCOUNTS}) a, generate_series(1, ${LIVES_PER_ACCOUNT}) l`);
  for (const table of ['lives', 'viewers']) await q(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
  // Gifts: 15..44 a live, single gifts and closed streaks, from the live's regulars.
  await q(`INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at)
    SELECT l.id, l.account_id, ((l.id * 13 + g * 7) % ${VIEWERS}) + 1,
           CASE WHEN g % 3 = 0 THEN 's:' ELSE 'm:' END || l.id || ':' || g, (l.id * 1000 + g)::text,
           CASE WHEN g % 3 = 0 THEN '5655' WHEN g % 3 = 1 THEN '5660' ELSE '7168' END,
           CASE WHEN g % 3 = 0 THEN 'Rose' WHEN g % 3 = 1 THEN 'Hand Hearts' ELSE 'Money Gun' END,
           CASE WHEN g % 3 = 0 THEN 1 WHEN g % 3 = 1 THEN 100 ELSE 500 END,
           CASE WHEN g % 3 = 0 THEN 1 + (g * l.id) % 40 ELSE 1 END,
           CASE WHEN g % 3 = 0 THEN 1 + (g * l.id) % 40 WHEN g % 3 = 1 THEN 100 ELSE 500 END,
           g % 3 = 0, g % 9 = 0, l.started_at + g * interval '2 minutes'
    FROM lives l, generate_series(1, 15 + ((l.id * 7) % 30)::int) g`);
  await q(`INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
    SELECT l.id, l.account_id, ((l.id * 5 + c * 11) % ${VIEWERS}) + 1, 'c' || l.id || ':' || c, 'hello ' || c, l.started_at + c * interval '40 seconds'
    FROM lives l, generate_series(1, 80 + (l.id % 7) * 10) c`);
  await q(`INSERT INTO live_viewers (live_id, viewer_id, diamonds, gifts, is_follower, first_seen_at)
    SELECT live_id, viewer_id, SUM(diamonds), COUNT(*), viewer_id % 4 = 0, MIN(created_at) FROM gifts GROUP BY live_id, viewer_id`);
  await q(`INSERT INTO viewer_samples (live_id, at, viewers, total_users)
    SELECT l.id, l.started_at + s * interval '4 minutes', 50 + (l.id * 3 + s * 17) % 400, 100 + s * 9 FROM lives l, generate_series(0, 29) s`);
  await q(`INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
    SELECT l.id, ((l.id + e * 3) % ${VIEWERS}) + 1, 's' || l.id || ':' || e, (CASE WHEN e % 3 = 0 THEN 'SHARE' ELSE 'FOLLOW' END)::social_kind, l.started_at + e * interval '5 minutes'
    FROM lives l, generate_series(1, 12) e`);
  // Every live's running totals are the sums of its rows, as the worker keeps them.
  await q(`UPDATE lives l SET
      diamonds = (SELECT COALESCE(SUM(diamonds), 0) FROM gifts g WHERE g.live_id = l.id),
      gifts = (SELECT COUNT(*) FROM gifts g WHERE g.live_id = l.id),
      comments = (SELECT COUNT(*) FROM chats c WHERE c.live_id = l.id),
      follows = (SELECT COUNT(*) FROM social_events s WHERE s.live_id = l.id AND s.kind = 'FOLLOW'),
      shares = (SELECT COUNT(*) FROM social_events s WHERE s.live_id = l.id AND s.kind = 'SHARE'),
      likes = 1000 + l.id * 37,
      unique_gifters = (SELECT COUNT(*) FROM live_viewers lv WHERE lv.live_id = l.id AND lv.gifts > 0),
      peak_viewers = (SELECT MAX(viewers) FROM viewer_samples v WHERE v.live_id = l.id),
      viewer_samples = (SELECT COUNT(*) FROM viewer_samples v WHERE v.live_id = l.id),
      viewer_sum = (SELECT SUM(viewers) FROM viewer_samples v WHERE v.live_id = l.id)`);
}

/** Every table of the public schema, by name. */
async function tableNames(): Promise<string[]> {
  const { rows } = await q(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return rows.map((r: { name: string }) => r.name);
}

/** Each table's row count and a digest of its full contents (the rows as text, in a fixed order). */
async function tableContents(names: readonly string[]): Promise<Record<string, { rows: number; digest: string | null }>> {
  const out: Record<string, { rows: number; digest: string | null }> = {};
  for (const name of names) {
    const { rows } = await q(`SELECT COUNT(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`);
    out[name] = rows[0] as { rows: number; digest: string | null };
  }
  return out;
}

/** Totals of every live, as the dashboard shows them, beside the sums of its stored rows. */
async function liveTotals(): Promise<Record<string, unknown>[]> {
  const { rows } = await client.query<Record<string, unknown>>(`SELECT id::text, account_id, room_id, diamonds::text, gifts, likes::text, comments, follows, shares, joins, peak_viewers, unique_gifters,
      viewer_samples, viewer_sum::text, started_at, ended_at,
      (SELECT COALESCE(SUM(diamonds), 0)::text FROM gifts g WHERE g.live_id = l.id) AS gift_diamonds,
      (SELECT COUNT(*)::int FROM gifts g WHERE g.live_id = l.id) AS gift_rows,
      (SELECT COUNT(*)::int FROM chats c WHERE c.live_id = l.id) AS chat_rows,
      (SELECT COUNT(*)::int FROM live_viewers v WHERE v.live_id = l.id) AS viewer_rows
    FROM lives l ORDER BY id`);
  return rows;
}

const rowsAsJson = async (table: string) => (await q(`SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY id`)).rows.map((r: { row: Record<string, unknown> }) => r.row);

/** The error code and constraint Postgres answers a statement with (null: it succeeded). */
const errorCodeOf = (sql: string) =>
  q(sql).then(
    () => null,
    (error: { code?: string; constraint?: string }) => [error.code, error.constraint].filter(Boolean).join(' '),
  );

describe('the platform-channels migration on a populated database', () => {
  it('loses nothing: every table, account, live and total is identical, the accounts and lives TikTok', async () => {
    await seedOldSchema();
    const names = await tableNames();
    const untouched = names.filter((name) => name !== 'tiktok_accounts' && name !== 'lives');
    const contentsBefore = await tableContents(untouched);
    const accountsBefore = await rowsAsJson('tiktok_accounts');
    const livesBefore = await rowsAsJson('lives');
    const totalsBefore = await liveTotals();
    // The seed is what the test says it is (a bug here would make the comparison vacuous).
    expect(accountsBefore).toHaveLength(ACCOUNTS);
    expect(totalsBefore).toHaveLength(ACCOUNTS * LIVES_PER_ACCOUNT);
    expect(contentsBefore.gifts?.rows).toBeGreaterThan(1500);
    expect(contentsBefore.chats?.rows).toBeGreaterThan(5000);
    for (const live of totalsBefore) expect(live.diamonds).toBe(live.gift_diamonds);

    await database.migrate();

    expect(await tableNames()).toEqual(names);
    expect(await tableContents(untouched)).toEqual(contentsBefore);
    expect(await liveTotals()).toEqual(totalsBefore);
    // Accounts: every value kept, the TikTok user id under its new name, platform 'tiktok', no room id.
    const accountsAfter = await rowsAsJson('tiktok_accounts');
    expect(accountsAfter).toEqual(
      accountsBefore.map(({ tiktok_user_id: userId, ...rest }) => ({ ...rest, platform_user_id: userId, platform: 'tiktok', room_id: null })),
    );
    expect(accountsAfter.filter((a) => a.platform_user_id === null).map((a) => a.handle)).toEqual(['123456']);
    // Lives: every value kept, platform 'tiktok'.
    expect(await rowsAsJson('lives')).toEqual(livesBefore.map((live) => ({ ...live, platform: 'tiktok' })));
  });

  it('lets a Bilibili channel share a TikTok handle, user id and room id, and still refuses duplicates on one platform', async () => {
    // A Bilibili channel whose uid is the never-fetched TikTok account's handle, and whose uid string is
    // also a TikTok user id; its room id equals a TikTok live's room id.
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, platform, handle, platform_user_id, room_id, nickname, updated_at)
      VALUES ('bili_1', 'bilibili', '123456', '6700000000000000001', '7400000000000000001', '哔哩主播', now())`)).toBeNull();
    expect(await errorCodeOf(`INSERT INTO lives (account_id, platform, room_id, started_at) VALUES ('bili_1', 'bilibili', '7400000000000000001', now())`)).toBeNull();
    const { rows } = await q(`SELECT platform::text, handle, platform_user_id FROM tiktok_accounts WHERE handle = '123456' OR platform_user_id = '6700000000000000001' ORDER BY platform, handle`);
    expect(rows).toEqual([
      { platform: 'bilibili', handle: '123456', platform_user_id: '6700000000000000001' },
      { platform: 'tiktok', handle: '123456', platform_user_id: null },
      { platform: 'tiktok', handle: 'luna.streams', platform_user_id: '6700000000000000001' },
    ]);
    expect((await q(`SELECT COUNT(*)::int AS n FROM lives WHERE room_id = '7400000000000000001'`)).rows[0]).toEqual({ n: 2 });
    // Within one platform, handles, user ids, channel room ids and live room ids stay unique (23505).
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, handle, updated_at) VALUES ('dup_1', 'luna.streams', now())`)).toBe('23505 tiktok_accounts_platform_handle_key');
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, handle, platform_user_id, updated_at) VALUES ('dup_2', 'other', '6700000000000000002', now())`)).toBe(
      '23505 tiktok_accounts_platform_platform_user_id_key',
    );
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, platform, handle, updated_at) VALUES ('dup_3', 'bilibili', '123456', now())`)).toBe('23505 tiktok_accounts_platform_handle_key');
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, platform, handle, room_id, updated_at) VALUES ('dup_4', 'bilibili', '99', '7400000000000000001', now())`)).toBe(
      '23505 tiktok_accounts_platform_room_id_key',
    );
    expect(await errorCodeOf(`INSERT INTO lives (account_id, room_id, started_at) VALUES ('acc_2', '7400000000000000001', now())`)).toBe('23505 lives_platform_room_id_key');
    // An unknown platform is refused by the enum (22P02: invalid input value).
    expect(await errorCodeOf(`INSERT INTO tiktok_accounts (id, platform, handle, updated_at) VALUES ('tw_1', 'twitch', 'x', now())`)).toBe('22P02');
  });
});
