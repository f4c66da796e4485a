// The partition_events migration on a populated database: a database is built with the migrations before
// it and filled with lives and their event rows across several months (one row older than the partitions
// the migration makes, which must land in the DEFAULT partition), then migrated. Nothing may change: every
// row of every event table is the same, every live's totals and row counts are identical, each row sits in
// its month's partition, the ids go on from their sequences, and deleting a live still takes its rows.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '@/tools/testing/migration-db';

const TARGET = '20261203120000_partition_events';

const TABLES = { gifts: 'live_id, dedupe_key', chats: 'live_id, msg_id', like_buckets: 'live_id, minute, viewer_id', viewer_samples: 'live_id, at', social_events: 'live_id, msg_id' } as const;

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(TARGET, 'partitions');
  client = database.client;
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

/** Totals of every live as the dashboard shows them, with its rows per event table and their sums. */
async function liveTotals(): Promise<unknown[]> {
  const { rows } = await client.query<Record<string, unknown>>(`SELECT l.id::text, l.diamonds::text, l.gifts, l.likes::text, l.comments, l.follows, l.shares, l.peak_viewers,
      (SELECT count(*) || '/' || coalesce(sum(g.diamonds), 0) FROM gifts g WHERE g.live_id = l.id) AS gift_rows,
      (SELECT count(*) FROM chats c WHERE c.live_id = l.id) AS chat_rows,
      (SELECT count(*) || '/' || coalesce(sum(b.count), 0) || '/' || coalesce(sum(cardinality(b.msg_ids)), 0) FROM like_buckets b WHERE b.live_id = l.id) AS like_rows,
      (SELECT count(*) || '/' || coalesce(max(s.viewers), 0) FROM viewer_samples s WHERE s.live_id = l.id) AS sample_rows,
      (SELECT count(*) FROM social_events e WHERE e.live_id = l.id) AS social_rows
    FROM lives l ORDER BY l.id`);
  return rows;
}

/** Every row of every event table, as text, in key order. */
async function tableContents(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t ORDER BY ${key}`);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

describe('the partition_events migration on a populated database', () => {
  it('partitions the event tables by month and keeps every row, total and key', async () => {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    await q(`INSERT INTO tiktok_accounts (id, handle, created_at, updated_at) VALUES ('a1', 'one.account', now(), now()), ('a2', 'two.account', now(), now())`);
    await q(`INSERT INTO viewers (id, tiktok_user_id, updated_at) SELECT n, '6' || n, now() FROM generate_series(1, 50) AS n`);
    // Lives this month, last month, three months ago, and one 30 months ago (older than any partition the
    // migration makes: its rows go to the DEFAULT partition).
    const months = [0, 1, 3, 30];
    for (const [i, back] of months.entries()) {
      const id = i + 1;
      const start = `date_trunc('month', now() AT TIME ZONE 'UTC') - interval '${back} months' + interval '2 days'`;
      await q(`INSERT INTO lives (id, account_id, room_id, started_at, ended_at, diamonds, gifts, likes, comments, follows, shares, peak_viewers)
        VALUES ($1, $2, $3, ${start}, ${start} + interval '2 hours', 0, 0, 0, 0, 0, 0, 0)`, [id, id % 2 === 0 ? 'a2' : 'a1', `70${id}`]);
      const at = `(${start} + n * interval '7 seconds')`;
      await q(`INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at)
        SELECT $1, $2, 1 + n % 50, CASE WHEN n % 3 = 0 THEN 's:' || n || ':5655:g' ELSE 'm:' || n END, n::text, '5655', 'Rose', 1 + n % 5, 1 + n % 4, (1 + n % 5) * (1 + n % 4), n % 3 = 0, n % 9 = 0, ${at}
        FROM generate_series(1, 300) AS n`, [id, id % 2 === 0 ? 'a2' : 'a1']);
      await q(`INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at) SELECT $1, 'a1', 1 + n % 50, n::text, 'hello ' || n, ${at} FROM generate_series(1, 500) AS n`, [id]);
      await q(`INSERT INTO like_buckets (live_id, viewer_id, minute, count, msg_ids)
        SELECT $1, 1 + n % 50, date_trunc('minute', ${at}), 15, ARRAY[n::bigint, (n + 100000)::bigint] FROM generate_series(1, 400) AS n`, [id]);
      await q(`INSERT INTO viewer_samples (live_id, at, viewers, total_users) SELECT $1, ${at}, 100 + n, 1000 + n FROM generate_series(1, 200) AS n`, [id]);
      await q(`INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
        SELECT $1, 1 + n % 50, n::text, (CASE n % 3 WHEN 0 THEN 'FOLLOW' WHEN 1 THEN 'SHARE' ELSE 'JOIN' END)::social_kind, ${at} FROM generate_series(1, 60) AS n`, [id]);
      await q(`INSERT INTO processed_messages (live_id, msg_id) SELECT $1, n FROM generate_series(1, 20) AS n`, [id]);
      await q(`UPDATE lives SET diamonds = (SELECT sum(diamonds) FROM gifts WHERE live_id = $1), gifts = 300, likes = 6000, comments = 500, follows = 20, shares = 20, peak_viewers = 300 WHERE id = $1`, [id]);
    }
    const totalsBefore = await liveTotals();
    const contentsBefore = await tableContents();
    const { rows: maxIds } = await client.query<{ chats: string }>(`SELECT max(id)::text AS chats FROM chats`);

    await database.migrate();

    expect(await liveTotals()).toEqual(totalsBefore);
    expect(await tableContents()).toEqual(contentsBefore);
    // Each table is partitioned, and each row sits in its month's partition (the oldest in DEFAULT).
    for (const [table, column] of [['gifts', 'created_at'], ['chats', 'created_at'], ['like_buckets', 'minute'], ['viewer_samples', 'at'], ['social_events', 'created_at']] as const) {
      const { rows: kind } = await q(`SELECT relkind::text AS kind FROM pg_class WHERE relname = $1`, [table]);
      expect(kind).toEqual([{ kind: 'p' }]);
      const { rows: misplaced } = await q(
        `SELECT tableoid::regclass::text AS partition, ${column} AS at FROM ${table}
         WHERE tableoid::regclass::text <> CASE WHEN ${column} < date_trunc('month', now() AT TIME ZONE 'UTC') - interval '24 months' THEN '${table}_default'
           ELSE '${table}_p' || to_char(${column}, 'YYYYMM') END`,
      );
      expect(misplaced, table).toEqual([]);
      const { rows: ahead } = await q(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = $1::regclass AND inhrelid::regclass::text = $2`,
        [table, `${table}_p${new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1)).toISOString().slice(0, 7).replace('-', '')}`]);
      expect(ahead, `${table}: two months ahead`).toEqual([{ n: 1 }]);
    }
    // New rows take ids after the old ones.
    const { rows: next } = await client.query<{ id: string }>(`INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at) VALUES (1, 'a1', 1, 'new', 'x', now()) RETURNING id::text`);
    expect(BigInt(next[0]?.id ?? 'missing')).toBeGreaterThan(BigInt(maxIds[0]?.chats ?? 'missing'));
    // The keys still refuse a copy with the same time, and the writer's ON CONFLICT targets exist.
    await expect(q(`INSERT INTO gifts SELECT * FROM gifts WHERE live_id = 1 LIMIT 1`)).rejects.toMatchObject({ code: '23505' });
    await q(`INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at) SELECT live_id, viewer_id, msg_id, kind, created_at FROM social_events WHERE live_id = 1 LIMIT 1 ON CONFLICT (live_id, msg_id, created_at) DO NOTHING`);
    await q(`INSERT INTO like_buckets (live_id, viewer_id, minute, count) SELECT live_id, viewer_id, minute, 0 FROM like_buckets WHERE live_id = 1 LIMIT 1 ON CONFLICT (live_id, minute, viewer_id) DO NOTHING`);
    // Deleting a live still deletes its rows in every table (foreign keys and the lives_delete_ingest_rows trigger).
    await q(`DELETE FROM lives WHERE id = 4`);
    const { rows: left } = await q(`SELECT (SELECT count(*) FROM gifts WHERE live_id = 4) + (SELECT count(*) FROM chats WHERE live_id = 4) + (SELECT count(*) FROM like_buckets WHERE live_id = 4)
      + (SELECT count(*) FROM viewer_samples WHERE live_id = 4) + (SELECT count(*) FROM social_events WHERE live_id = 4) + (SELECT count(*) FROM processed_messages WHERE live_id = 4) AS n`);
    expect(left).toEqual([{ n: '0' }]);
    // And a viewer's chats go with the viewer (viewers_delete_chats); their gifts by foreign key.
    await q(`DELETE FROM viewers WHERE id = 7`);
    const { rows: viewerRows } = await q(`SELECT (SELECT count(*) FROM chats WHERE viewer_id = 7) + (SELECT count(*) FROM gifts WHERE viewer_id = 7) AS n`);
    expect(viewerRows).toEqual([{ n: '0' }]);
  }, 180_000);
});
