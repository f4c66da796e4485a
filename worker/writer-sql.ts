// The statements of the batch writer, one function per table. Each inserts a whole batch through
// unnest() (one array parameter per column), skips rows it already has (unique keys on TikTok's message
// ids), and returns only what is needed to increase running totals — aggregated in SQL where the batch
// is large (likes, chats, joins), so tens of thousands of rows never travel back to Node.
import type pg from 'pg';
import type { GiftKind } from '@/lib/live/events';
import type { ViewerRef } from '@/lib/live/events';
import { EVENT_WINDOW_MARGIN_MS } from '@/lib/live/event-window';

export type Client = Pick<pg.PoolClient, 'query'>;

/**
 * A Postgres array literal for numbers, booleans and digit-only ids, which need no quoting: `{1,2,3}`.
 * pg's own array serialiser quotes every element and runs two regular expressions over it, a
 * noticeable cost at tens of thousands of rows per flush. Text columns still go through pg.
 */
export const plain = (values: readonly (number | string | boolean)[]): string => `{${values.join(',')}}`;

/** SQL for epoch milliseconds (a bigint column of the input) as a timestamp(3) in UTC, as Prisma stores them. */
const ts = (column: string) => `timestamp 'epoch' + ${column} * interval '1 millisecond'`;

/**
 * How rows that may already exist are skipped. `fast`: a NOT EXISTS index probe per row, then a plain
 * insert — cheaper than ON CONFLICT (0.15 s against 0.24 s for 20,000 likes in a live with 3 million),
 * and exact while one writer owns the room. `safe`: ON CONFLICT DO NOTHING, for
 * the rare batch that raced another writer on the same room (a unique violation sends it back here).
 */
export type Mode = 'fast' | 'safe';

/** Text order of ids: rows are written in one order, so two writers lock them in the same order. */
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Upserts viewers and returns TikTok user id → our id for every one of them. Shared by the writer (which
 * skips viewers its cache knows) and the game manager (viewers of boards and comments).
 *
 * A viewer row is rewritten only when something about it changes: most viewers of a live were seen before
 * (in another live, or before this worker started) with the same names. Their ids come from a probe per
 * viewer (OFFSET 0 keeps it one), since an upsert that writes nothing returns nothing. A placeholder name
 * (`user123…`, or a name the caller only half knows) never replaces a stored real one.
 *
 * A handle names one TikTok user at a time, but users rename and a freed handle is taken by someone else
 * (a new user id under an old handle). A real handle written here is taken from any other viewer still
 * stored with it: otherwise both show "@kari_109", two gifter rows with one handle (issue 19). The other
 * viewer keeps its nickname; its new handle arrives with its next event.
 */
export async function upsertViewers(client: Client, viewers: readonly ViewerRef[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (viewers.length === 0) return ids;
  const input = [...viewers].sort((a, b) => cmp(a.userId, b.userId));
  // What each column becomes on a conflict: written to the row, and compared with it to decide whether
  // there is anything to write.
  const kept = (column: string) => `CASE WHEN EXCLUDED.placeholder AND NOT viewers.placeholder THEN viewers.${column} ELSE EXCLUDED.${column} END`;
  const next: [string, string][] = [
    ['handle', kept('handle')],
    ['nickname', kept('nickname')],
    ['avatar_url', 'COALESCE(EXCLUDED.avatar_url, viewers.avatar_url)'],
    ['placeholder', 'viewers.placeholder AND EXCLUDED.placeholder'],
  ];
  const { rows } = await client.query<{ id: string; tiktok_user_id: string; written: boolean }>(
    `/*upsertViewers*/ WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(tiktok_user_id, handle, nickname, avatar_url, placeholder)
     ), known AS (
       SELECT v.id, v.tiktok_user_id FROM input i CROSS JOIN LATERAL (SELECT v.id, v.tiktok_user_id FROM viewers v WHERE v.tiktok_user_id = i.tiktok_user_id OFFSET 0) v
     ), written AS (
       INSERT INTO viewers (tiktok_user_id, handle, nickname, avatar_url, placeholder, updated_at)
       SELECT *, now() FROM input
       ON CONFLICT (tiktok_user_id) DO UPDATE SET ${next.map(([column, value]) => `${column} = ${value}`).join(', ')}, updated_at = EXCLUDED.updated_at
       WHERE (${next.map(([column]) => `viewers.${column}`).join(', ')}) IS DISTINCT FROM (${next.map(([, value]) => value).join(', ')})
       RETURNING id, tiktok_user_id
     )
     SELECT id::text, tiktok_user_id, false AS written FROM known UNION ALL SELECT id::text, tiktok_user_id, true FROM written`,
    [input.map((v) => v.userId), input.map((v) => v.handle), input.map((v) => v.nickname), input.map((v) => v.avatarUrl), input.map((v) => v.placeholder)],
  );
  for (const row of rows) ids.set(row.tiktok_user_id, row.id);
  await takeHandles(client, viewers, new Set(rows.filter((row) => row.written).map((row) => row.tiktok_user_id)));
  // A viewer another writer stored after this statement's snapshot, with nothing to change: neither
  // probed nor returned. Rare (two workers on one viewer at the same moment); read it now.
  const missing = input.filter((v) => !ids.has(v.userId)).map((v) => v.userId);
  if (missing.length > 0) {
    const { rows: late } = await client.query<{ id: string; tiktok_user_id: string }>('SELECT id::text, tiktok_user_id FROM viewers WHERE tiktok_user_id = ANY($1::text[])', [missing]);
    for (const row of late) ids.set(row.tiktok_user_id, row.id);
  }
  return ids;
}

/**
 * Clears the handles just written (`written`: TikTok user ids whose row was inserted or changed) from every
 * other viewer that still has them. Unchanged rows claim nothing, so a batch of known viewers costs no
 * statement, and the common claim finds no other holder (an index probe per handle). Two viewers of one
 * batch with the same handle: the later one in the caller's order (the events' order) keeps it.
 */
async function takeHandles(client: Client, viewers: readonly ViewerRef[], written: ReadonlySet<string>): Promise<void> {
  const claims = new Map<string, string>();
  for (const v of viewers) if (!v.placeholder && v.handle) claims.set(v.handle, v.userId);
  const handles = [...claims.keys()].filter((h) => written.has(claims.get(h) ?? '')).sort(cmp);
  if (handles.length === 0) return;
  await client.query(
    `/*takeHandles*/ UPDATE viewers o SET handle = NULL, updated_at = now()
     FROM unnest($1::text[], $2::text[]) AS c(handle, tiktok_user_id)
     WHERE o.handle = c.handle AND o.tiktok_user_id <> c.tiktok_user_id`,
    [handles, handles.map((h) => claims.get(h) ?? '')],
  );
}

/** A `fast` statement found rows another writer changed meanwhile: the batch is rolled back and redone
 *  in `safe` mode, like a unique violation (code 23505, which the pipeline treats the same). */
export class ConcurrentWriteError extends Error {
  readonly code = '23505';
}

// `OFFSET 0` keeps the NOT EXISTS a per-row index probe. Without it Postgres may turn it into a hash or
// merge anti-join that reads every key the live already has: measured with 3 million message ids in one
// live, 1.3 s per 20,000-row batch instead of 0.15 s, and growing with the length of the live.
//
// The event tables are partitioned by time (migration partition_events), so their unique keys include the
// time column (`time`), and ON CONFLICT only sees a copy stored with the same time. The probe leaves the
// time out (an index probe in each partition): a copy timed differently (a message without TikTok's
// createTime is timed on arrival) is still skipped, in both modes. `safe` keeps ON CONFLICT for a copy
// another writer is storing at the same moment.
//
// Leaving the time out would make the probe look in every monthly partition, a cost that grows with months
// of history. `since` (a parameter: Postgres prunes at plan time) bounds it from below to the window of the
// batch's lives (lockLives: the earliest start among them, less EVENT_WINDOW_MARGIN_MS), so it reads only
// the partitions from that month on, and DEFAULT. No row of a live is timed before its start (see
// lib/live/event-window.ts), so the bound loses nothing. Without `since` the probe reads every partition.
const skipExisting = (mode: Mode, table: string, keys: string, time?: string, since?: string, alias = 'i') => ({
  where: `WHERE NOT EXISTS (SELECT 1 FROM ${table} x WHERE ${keys.split(',').map((k) => `x.${k.trim()} = ${alias}.${k.trim()}`).join(' AND ')}${since && time ? ` AND x.${time} >= ${since}` : ''} OFFSET 0)`,
  conflict: mode === 'fast' ? '' : `ON CONFLICT (${keys}${time ? `, ${time}` : ''}) DO NOTHING`,
});

/** SQL for the window start `since` passed as parameter `$n` (a timestamp), or undefined without one. */
const sinceParam = (since: number | undefined, n: number) => (since === undefined ? undefined : ts(`$${n}::bigint`));

/**
 * Serialises writers of the same lives and returns the earliest time their rows can have (epoch ms): the
 * earliest `started_at` among them, less EVENT_WINDOW_MARGIN_MS (the `since` of the event statements).
 *
 * Each live is locked for the rest of the transaction (a transaction-level advisory lock, in id order, so
 * two writers never wait on each other crosswise). One writer owns a room, so this never waits in normal
 * running; when two writers hold a room at once (a handover, a retried batch), the second one's probes run
 * after the first has committed and see its rows. Without it, a chat or follow without TikTok's createTime
 * (timed on arrival) could be stored twice: each writer's NOT EXISTS misses the other's uncommitted row,
 * and their times differ, so the unique key (live_id, msg_id, created_at) does not conflict either.
 *
 * `started_at` is read by a second statement, after the locks are held: a statement's snapshot is taken
 * when it starts, and the writer that held the lock may have lowered the start (an event timed before it).
 */
export async function lockLives(client: Client, liveIds: readonly string[]): Promise<number | undefined> {
  const ids = [...new Set(liveIds)].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  if (ids.length === 0) return undefined;
  await client.query(
    `/*lockLives*/ SELECT pg_advisory_xact_lock(hashtextextended('live-events:' || k.id, 0)) FROM unnest($1::bigint[]) WITH ORDINALITY AS k(id, n) ORDER BY k.n`,
    [plain(ids)],
  );
  const { rows } = await client.query<{ since: string | null }>(
    `/*liveWindow*/ SELECT (extract(epoch FROM min(started_at)) * 1000)::bigint::text AS since FROM lives WHERE id = ANY($1::bigint[])`,
    [plain(ids)],
  );
  const start = rows[0]?.since;
  return start === null || start === undefined ? undefined : Number(start) - EVENT_WINDOW_MARGIN_MS;
}

/** Times (`at`, `minute`, `firstSeen`…) are epoch milliseconds; the statements turn them into timestamps. */
export type GiftRow = { liveId: string; accountId: string; viewerId: string; dedupeKey: string; msgId: string; giftId: string; giftName: string; diamondCount: number; repeatCount: number; diamonds: number; streakable: boolean; timeoutClosed: boolean; at: number; imageUrl: string | null; kind: GiftKind };
export type StoredGift = { live_id: string; viewer_id: string; account_id: string; diamonds: number; old_diamonds: number; inserted: boolean; day: string; kind: GiftKind };

export async function upsertGiftTypes(client: Client, gifts: GiftRow[]): Promise<void> {
  const types = [...new Map(gifts.map((g) => [g.giftId, g])).values()].sort((a, b) => (a.giftId < b.giftId ? -1 : 1));
  if (types.length === 0) return;
  await client.query(
    `/*upsertGiftTypes*/ INSERT INTO gift_types (gift_id, name, diamond_count, image_url, streakable, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::boolean[])
     ON CONFLICT (gift_id) DO UPDATE SET name = EXCLUDED.name, diamond_count = EXCLUDED.diamond_count,
       image_url = COALESCE(EXCLUDED.image_url, gift_types.image_url), streakable = EXCLUDED.streakable, updated_at = EXCLUDED.updated_at
     WHERE (gift_types.name, gift_types.diamond_count, gift_types.image_url) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.diamond_count, EXCLUDED.image_url)`,
    [types.map((g) => g.giftId), types.map((g) => g.giftName), types.map((g) => g.diamondCount), types.map((g) => g.imageUrl), types.map((g) => g.streakable)],
  );
}

/**
 * One row per completed gift. A late end frame of a streak we closed on timeout corrects its row; the
 * old value (read in the same snapshot) lets the caller add only the difference.
 *
 * gifts is partitioned by created_at, so its unique key is (live_id, dedupe_key, created_at), and the
 * correction is timed at its end frame, later than the row it corrects: the row keeps its own time
 * (`old.created_at`), so the ON CONFLICT finds it. Two writers storing one streak at the same moment (one
 * closing it on timeout, the other with its end frame) would time it differently and both insert: each
 * key is locked first (in key order: the rows come sorted), so the second writer's statement sees the
 * first one's row.
 */
export async function insertGifts(client: Client, rows: GiftRow[], since?: number): Promise<StoredGift[]> {
  const window = since === undefined ? '' : ` AND g.created_at >= ${ts('$15::bigint')}`;
  await client.query(
    `/*lockGifts*/ SELECT pg_advisory_xact_lock(hashtextextended('gift:' || k.live_id || ':' || k.dedupe_key, 0))
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(live_id, dedupe_key, n) ORDER BY k.n`,
    [rows.map((r) => r.liveId), rows.map((r) => r.dedupeKey)],
  );
  const { rows: stored } = await client.query<StoredGift>(
    `/*insertGifts*/ WITH input AS (
       SELECT t.live_id, t.account_id, t.viewer_id, t.dedupe_key, t.msg_id, t.gift_id, t.gift_name, t.diamond_count, t.repeat_count, t.diamonds, t.streakable, t.timeout_closed,
         ${ts('t.created_ms')} AS created_at, t.kind
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[], $11::boolean[], $12::boolean[], $13::bigint[], $14::gift_kind[])
         AS t(live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_ms, kind)
     ), old AS (
       -- A probe per gift (OFFSET 0, see skipExisting), never a scan of every gift of the live, and only in
       -- the partitions from the window's start on ($15, see skipExisting) when the caller gives one.
       SELECT i.live_id, i.dedupe_key, g.diamonds, g.created_at FROM input i
       LEFT JOIN LATERAL (SELECT g.diamonds, g.created_at FROM gifts g WHERE g.live_id = i.live_id AND g.dedupe_key = i.dedupe_key${window} OFFSET 0) g ON true
     ), written AS (
       INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at, kind)
       SELECT i.live_id, i.account_id, i.viewer_id, i.dedupe_key, i.msg_id, i.gift_id, i.gift_name, i.diamond_count, i.repeat_count, i.diamonds, i.streakable, i.timeout_closed,
         COALESCE(o.created_at, i.created_at), i.kind
       FROM input i JOIN old o ON o.live_id = i.live_id AND o.dedupe_key = i.dedupe_key
       ON CONFLICT (live_id, dedupe_key, created_at) DO UPDATE SET repeat_count = EXCLUDED.repeat_count, diamonds = EXCLUDED.diamonds,
         msg_id = EXCLUDED.msg_id, timeout_closed = false
       WHERE gifts.timeout_closed AND NOT EXCLUDED.timeout_closed AND EXCLUDED.repeat_count > gifts.repeat_count
       RETURNING live_id, dedupe_key, viewer_id, account_id, diamonds, created_at, kind
     )
     -- Inserted unless the probe found the row (a partitioned table cannot return xmax). The probe is exact:
     -- no other writer can store these keys while this transaction holds their locks.
     SELECT w.live_id::text, w.viewer_id::text, w.account_id, w.diamonds, COALESCE(o.diamonds, 0) AS old_diamonds, o.created_at IS NULL AS inserted, to_char(w.created_at, 'YYYY-MM-DD') AS day, w.kind::text AS kind
     FROM written w LEFT JOIN old o ON o.live_id = w.live_id AND o.dedupe_key = w.dedupe_key`,
    [
      plain(rows.map((r) => r.liveId)), rows.map((r) => r.accountId), plain(rows.map((r) => r.viewerId)), rows.map((r) => r.dedupeKey), rows.map((r) => r.msgId),
      rows.map((r) => r.giftId), rows.map((r) => r.giftName), plain(rows.map((r) => r.diamondCount)), plain(rows.map((r) => r.repeatCount)), plain(rows.map((r) => r.diamonds)),
      plain(rows.map((r) => r.streakable)), plain(rows.map((r) => r.timeoutClosed)), plain(rows.map((r) => r.at)), rows.map((r) => r.kind),
      ...(since === undefined ? [] : [since]),
    ],
  );
  return stored;
}

export type GifterIncrement = { accountId: string; day: string; viewerId: string; diamonds: number; gifts: number };

export async function upsertGifterStats(client: Client, rows: GifterIncrement[]): Promise<void> {
  await client.query(
    `/*upsertGifterStats*/ INSERT INTO gifter_stats (account_id, day, viewer_id, diamonds, gifts)
     SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[], $5::int[])
     ON CONFLICT (account_id, day, viewer_id) DO UPDATE SET diamonds = gifter_stats.diamonds + EXCLUDED.diamonds, gifts = gifter_stats.gifts + EXCLUDED.gifts`,
    [rows.map((x) => x.accountId), rows.map((x) => x.day), plain(rows.map((x) => x.viewerId)), plain(rows.map((x) => x.diamonds)), plain(rows.map((x) => x.gifts))],
  );
}

export type ChatRow = { liveId: string; accountId: string; viewerId: string; msgId: string; content: string; at: number };

/** Inserts chats; returns how many were new per live. */
export async function insertChats(client: Client, rows: ChatRow[], mode: Mode, since?: number): Promise<{ live_id: string; n: number }[]> {
  const skip = skipExisting(mode, 'chats', 'live_id, msg_id', 'created_at', sinceParam(since, 7));
  const { rows: counts } = await client.query<{ live_id: string; n: number }>(
    `/*insertChats*/ WITH written AS (
       INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
       SELECT i.live_id, i.account_id, i.viewer_id, i.msg_id, i.content, ${ts('i.created_ms')}
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[]) AS i(live_id, account_id, viewer_id, msg_id, content, created_ms)
       ${skip.where} ${skip.conflict}
       RETURNING live_id
     )
     SELECT live_id::text, count(*)::int AS n FROM written GROUP BY live_id`,
    // Postgres text cannot hold NUL; TikTok never sends it, hostile test input does.
    [
      plain(rows.map((c) => c.liveId)), rows.map((c) => c.accountId), plain(rows.map((c) => c.viewerId)), rows.map((c) => c.msgId), rows.map((c) => c.content.replaceAll('\u0000', '')), plain(rows.map((c) => c.at)),
      ...(since === undefined ? [] : [since]),
    ],
  );
  return counts;
}

export type SocialRow = { liveId: string; viewerId: string; msgId: string; kind: 'FOLLOW' | 'SHARE'; at: number };

export async function insertSocials(client: Client, rows: SocialRow[], mode: Mode, since?: number): Promise<{ live_id: string; kind: 'FOLLOW' | 'SHARE'; n: number }[]> {
  const skip = skipExisting(mode, 'social_events', 'live_id, msg_id', 'created_at', sinceParam(since, 6));
  const { rows: counts } = await client.query<{ live_id: string; kind: 'FOLLOW' | 'SHARE'; n: number }>(
    `/*insertSocials*/ WITH written AS (
       INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
       SELECT i.live_id, i.viewer_id, i.msg_id, i.kind, ${ts('i.created_ms')}
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::social_kind[], $5::bigint[]) AS i(live_id, viewer_id, msg_id, kind, created_ms)
       ${skip.where} ${skip.conflict}
       RETURNING live_id, kind
     )
     SELECT live_id::text, kind, count(*)::int AS n FROM written GROUP BY live_id, kind`,
    [plain(rows.map((s) => s.liveId)), plain(rows.map((s) => s.viewerId)), rows.map((s) => s.msgId), rows.map((s) => s.kind), plain(rows.map((s) => s.at)), ...(since === undefined ? [] : [since])],
  );
  return counts;
}

/** Counts message ids not seen before (joins): only their id is kept, for idempotency. */
export async function countNewMessages(client: Client, rows: { liveId: string; msgId: string }[], mode: Mode): Promise<{ live_id: string; n: number }[]> {
  const skip = skipExisting(mode, 'processed_messages', 'live_id, msg_id');
  const { rows: counts } = await client.query<{ live_id: string; n: number }>(
    `/*countNewMessages*/ WITH fresh AS (
       INSERT INTO processed_messages (live_id, msg_id) SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS i(live_id, msg_id)
       ${skip.where} ${skip.conflict} RETURNING live_id
     )
     SELECT live_id::text, count(*)::int AS n FROM fresh GROUP BY live_id`,
    [plain(rows.map((r) => r.liveId)), plain(rows.map((r) => r.msgId))],
  );
  return counts;
}

export type LikeRow = { liveId: string; viewerId: string; msgId: string; minute: number; count: number };

/**
 * Likes: summed into per-viewer-per-minute buckets, each bucket keeping the message ids it has counted
 * (`msg_ids`), so a replayed or duplicated like is recognised inside its own bucket: a like message's
 * viewer and minute come from the message itself, so a copy always lands in the same bucket. Likes are
 * two thirds of all events, and a separate row per message id (as joins still have) cost an index probe,
 * a heap row and an index entry each; a bucket holds a few ids. Returns how many like messages were new.
 * (The minute is TikTok's createTime. A message without one is timed on arrival, so a copy of it that
 * arrives in another minute, after the normaliser's duplicate filter has forgotten it, counts again.)
 *
 * One statement reads each touched bucket once (a per-bucket probe) and writes the new ids and counts.
 * `safe` (another writer may be writing the same buckets) first creates the missing buckets and locks
 * all of them, so that what the statement reads stays true until this transaction commits.
 */
export async function storeLikes(client: Client, rows: LikeRow[], mode: Mode): Promise<number> {
  const params = [plain(rows.map((r) => r.liveId)), plain(rows.map((r) => r.msgId)), plain(rows.map((r) => r.viewerId)), plain(rows.map((r) => r.minute)), plain(rows.map((r) => r.count))];
  // One row per touched bucket, with its messages' ids and counts, in key order (lock order).
  const keys = `keys AS (
       SELECT g.live_id, ${ts('g.minute_ms')} AS minute, g.viewer_id, g.ids, g.counts FROM (
         SELECT t.live_id, t.minute_ms, t.viewer_id, array_agg(t.msg_id) AS ids, array_agg(t.count) AS counts
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::int[]) AS t(live_id, msg_id, viewer_id, minute_ms, count)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ) g
     )`;
  if (mode === 'safe') {
    // Creates the missing buckets and locks every touched one (in key order), so the statement below
    // reads buckets no other writer can change before this transaction ends.
    await client.query(
      `/*storeLikes*/ WITH ${keys}
       INSERT INTO like_buckets (live_id, minute, viewer_id, count) SELECT live_id, minute, viewer_id, 0 FROM keys
       ON CONFLICT (live_id, minute, viewer_id) DO UPDATE SET count = like_buckets.count`,
      params,
    );
  }
  // Each bucket's ids are read once (a probe per bucket; OFFSET 0 keeps it a probe, and keeps the lateral
  // from being inlined into both of its uses). A bucket whose id count after the upsert is not what was
  // read plus what was added was changed by another writer meanwhile: in `fast` mode the batch is then
  // rolled back and redone in `safe` mode (in `safe` mode the buckets are locked, so this cannot happen).
  const { rows: result } = await client.query<{ n: number; changed: number }>(
    `/*storeLikes*/ WITH ${keys}, merged AS (
       SELECT k.live_id, k.minute, k.viewer_id, coalesce(cardinality(e.known), 0) AS before, f.add, f.ids
       FROM keys k
       CROSS JOIN LATERAL (
         SELECT (SELECT b.msg_ids FROM like_buckets b WHERE b.live_id = k.live_id AND b.minute = k.minute AND b.viewer_id = k.viewer_id OFFSET 0) AS known OFFSET 0
       ) e
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(u.count), 0)::int AS add, array_agg(u.id) AS ids
         FROM unnest(k.ids, k.counts) AS u(id, count) WHERE u.id <> ALL (coalesce(e.known, '{}'))
       ) f
       WHERE f.ids IS NOT NULL
     ), stored AS (
       INSERT INTO like_buckets (live_id, minute, viewer_id, count, msg_ids) SELECT live_id, minute, viewer_id, add, ids FROM merged
       ON CONFLICT (live_id, minute, viewer_id) DO UPDATE SET count = like_buckets.count + EXCLUDED.count, msg_ids = like_buckets.msg_ids || EXCLUDED.msg_ids
       RETURNING live_id, minute, viewer_id, cardinality(msg_ids) AS after
     )
     SELECT coalesce(sum(cardinality(m.ids)), 0)::int AS n, count(*) FILTER (WHERE s.after <> m.before + cardinality(m.ids))::int AS changed
     FROM merged m JOIN stored s ON s.live_id = m.live_id AND s.minute = m.minute AND s.viewer_id = m.viewer_id`,
    params,
  );
  if ((result[0]?.changed ?? 0) > 0) throw new ConcurrentWriteError(`${result[0]?.changed} like buckets changed while this batch was written`);
  return result[0]?.n ?? 0;
}

export async function insertSamples(client: Client, rows: { liveId: string; at: number; viewers: number; totalUsers: number }[], mode: Mode): Promise<{ live_id: string; n: number; sum: string; peak: number }[]> {
  const skip = skipExisting(mode, 'viewer_samples', 'live_id, at');
  const { rows: counts } = await client.query<{ live_id: string; n: number; sum: string; peak: number }>(
    `/*insertSamples*/ WITH written AS (
       INSERT INTO viewer_samples (live_id, at, viewers, total_users)
       SELECT * FROM (
         SELECT u.live_id, ${ts('u.at_ms')} AS at, u.viewers, u.total_users FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[]) AS u(live_id, at_ms, viewers, total_users)
       ) i
       ${skip.where} ${skip.conflict} RETURNING live_id, viewers
     )
     SELECT live_id::text, count(*)::int AS n, sum(viewers)::text AS sum, max(viewers) AS peak FROM written GROUP BY live_id`,
    [plain(rows.map((x) => x.liveId)), plain(rows.map((x) => x.at)), plain(rows.map((x) => x.viewers)), plain(rows.map((x) => x.totalUsers))],
  );
  return counts;
}

export type PresenceRow = { liveId: string; viewerId: string; diamonds: number; gifts: number; follower: boolean; firstSeen: number };

/** Who was in which live (first seen), plus their gifts in it. Rows of viewers who only came back are
 *  left alone (no write), so a busy room costs an index probe per viewer, not an update. */
export async function upsertLiveViewers(client: Client, rows: PresenceRow[]): Promise<void> {
  await client.query(
    `/*upsertLiveViewers*/ INSERT INTO live_viewers (live_id, viewer_id, diamonds, gifts, is_follower, first_seen_at)
     SELECT u.live_id, u.viewer_id, u.diamonds, u.gifts, u.is_follower, ${ts('u.first_seen_ms')}
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::boolean[], $6::bigint[]) AS u(live_id, viewer_id, diamonds, gifts, is_follower, first_seen_ms)
     ON CONFLICT (live_id, viewer_id) DO UPDATE SET
       diamonds = live_viewers.diamonds + EXCLUDED.diamonds, gifts = live_viewers.gifts + EXCLUDED.gifts,
       is_follower = live_viewers.is_follower OR EXCLUDED.is_follower,
       first_seen_at = LEAST(live_viewers.first_seen_at, EXCLUDED.first_seen_at)
     WHERE EXCLUDED.gifts <> 0 OR EXCLUDED.diamonds <> 0 OR (EXCLUDED.is_follower AND NOT live_viewers.is_follower)
       OR EXCLUDED.first_seen_at < live_viewers.first_seen_at`,
    [plain(rows.map((x) => x.liveId)), plain(rows.map((x) => x.viewerId)), plain(rows.map((x) => x.diamonds)), plain(rows.map((x) => x.gifts)), plain(rows.map((x) => x.follower)), plain(rows.map((x) => x.firstSeen))],
  );
}

export type LiveIncrement = {
  liveId: string;
  diamonds: number;
  gifts: number;
  superChats: number;
  guards: number;
  likesTotal: number;
  comments: number;
  follows: number;
  shares: number;
  joins: number;
  peak: number;
  samples: number;
  viewerSum: number;
  firstAt: number;
  lastAt: number;
  giftsChanged: boolean;
};

export async function updateLives(client: Client, rows: LiveIncrement[]): Promise<void> {
  await client.query(
    `/*updateLives*/ UPDATE lives SET
       diamonds = lives.diamonds + u.diamonds, gifts = lives.gifts + u.gifts, super_chats = lives.super_chats + u.super_chats, guards = lives.guards + u.guards,
       likes = GREATEST(lives.likes, u.likes_total),
       comments = lives.comments + u.comments, follows = lives.follows + u.follows, shares = lives.shares + u.shares, joins = lives.joins + u.joins,
       peak_viewers = GREATEST(lives.peak_viewers, u.peak), viewer_samples = lives.viewer_samples + u.samples, viewer_sum = lives.viewer_sum + u.viewer_sum,
       last_event_at = GREATEST(COALESCE(lives.last_event_at, ${ts('u.last_ms')}), ${ts('u.last_ms')}),
       -- A live joined late (or a recording without a start time) starts no later than its first event.
       started_at = LEAST(lives.started_at, ${ts('u.first_ms')}),
       -- A Bilibili gifter paid gold (silver gifts are free, worth 0): docs/bilibili-counting.md.
       unique_gifters = CASE WHEN u.gifts_changed THEN (SELECT count(*) FROM live_viewers lv WHERE lv.live_id = lives.id AND lv.gifts > 0 AND (lives.platform = 'tiktok' OR lv.diamonds > 0)) ELSE lives.unique_gifters END
     FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::bigint[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::bigint[], $12::bigint[], $13::bigint[], $14::boolean[], $15::int[], $16::int[])
       AS u(live_id, diamonds, gifts, likes_total, comments, follows, shares, joins, peak, samples, viewer_sum, first_ms, last_ms, gifts_changed, super_chats, guards)
     WHERE lives.id = u.live_id`,
    [
      rows.map((x) => x.liveId), rows.map((x) => x.diamonds), rows.map((x) => x.gifts), rows.map((x) => x.likesTotal), rows.map((x) => x.comments),
      rows.map((x) => x.follows), rows.map((x) => x.shares), rows.map((x) => x.joins), rows.map((x) => x.peak), rows.map((x) => x.samples),
      rows.map((x) => x.viewerSum), rows.map((x) => x.firstAt), rows.map((x) => x.lastAt), rows.map((x) => x.giftsChanged),
      rows.map((x) => x.superChats), rows.map((x) => x.guards),
    ],
  );
}
