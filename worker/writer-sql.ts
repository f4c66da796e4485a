// The statements of the batch writer, one function per table. Each inserts a whole batch through
// unnest() (one array parameter per column), skips rows it already has (unique keys on TikTok's message
// ids), and returns only what is needed to increase running totals — aggregated in SQL where the batch
// is large (likes, chats, joins), so tens of thousands of rows never travel back to Node.
//
// Every statement of a flush is a round trip, and its answer waits until the worker's event loop is free
// to read it (between packets being decoded): a flush sends as few as it can. BEGIN goes with the live
// locks, COMMIT with the lives' update, and chats, joins, follows and shares, viewer samples and likes go
// as one statement (writeMessages, from parts that also stand alone: insertChats…).
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
  const ids = liveIdList(liveIds);
  if (ids.length === 0) return undefined;
  await client.query(LOCK_LIVES_SQL('$1::bigint[]'), [plain(ids)]);
  const { rows } = await client.query<{ since: string | null }>(LIVE_WINDOW_SQL('$1::bigint[]'), [plain(ids)]);
  return windowStart(rows[0]?.since);
}

/**
 * BEGIN, then lockLives, in one round trip: the three statements go as one simple query (the ids are
 * digits, written into the text), and still run one after the other, each with its own snapshot, so the
 * window is read after the locks are held exactly as lockLives reads it. A batch's statements each wait
 * for the event loop to read their answer, and the worker's loop is busy decoding: a round trip fewer
 * per flush is time the flush does not wait.
 */
export async function beginAndLockLives(client: Client, liveIds: readonly string[]): Promise<number | undefined> {
  const ids = liveIdList(liveIds);
  if (ids.length === 0) {
    await client.query('BEGIN');
    return undefined;
  }
  const list = `'${plain(ids)}'::bigint[]`;
  const results: unknown = await client.query(`BEGIN; ${LOCK_LIVES_SQL(list)}; ${LIVE_WINDOW_SQL(list)}`);
  const last = Array.isArray(results) ? (results.at(-1) as pg.QueryResult<{ since: string | null }> | undefined) : undefined;
  if (!last) throw new Error('beginAndLockLives: the window query returned no result');
  return windowStart(last.rows[0]?.since);
}

const liveIdList = (liveIds: readonly string[]) => [...new Set(liveIds)].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
const LOCK_LIVES_SQL = (ids: string) =>
  `/*lockLives*/ SELECT pg_advisory_xact_lock(hashtextextended('live-events:' || k.id, 0)) FROM unnest(${ids}) WITH ORDINALITY AS k(id, n) ORDER BY k.n`;
const LIVE_WINDOW_SQL = (ids: string) => `/*liveWindow*/ SELECT (extract(epoch FROM min(started_at)) * 1000)::bigint::text AS since FROM lives WHERE id = ANY(${ids})`;
const windowStart = (start: string | null | undefined) => (start === null || start === undefined ? undefined : Number(start) - EVENT_WINDOW_MARGIN_MS);

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
export type SocialRow = { liveId: string; viewerId: string; msgId: string; kind: 'FOLLOW' | 'SHARE'; at: number };
export type JoinRow = { liveId: string; msgId: string };
export type SampleRow = { liveId: string; at: number; viewers: number; totalUsers: number };

/**
 * One table's insert as a part of a statement: a data-modifying CTE (`written`, its rows) and what to
 * count of it per live. The writer sends the parts of a batch (chats, joins, follows and shares, viewer
 * samples) as one statement (writeMessages); each also stands alone (insertChats…). Parameters are
 * numbered as they are added, so parts combine without clashing.
 */
type Part = { name: string; cte: string; kind?: string; sum?: string; peak?: string; counts?: (union: boolean) => string };
type Params = unknown[];
const param = (params: Params, value: unknown) => `$${params.push(value)}`;
const sinceOf = (params: Params, since: number | undefined) => (since === undefined ? undefined : ts(`${param(params, since)}::bigint`));

function chatsPart(params: Params, rows: ChatRow[], mode: Mode, since: number | undefined): Part {
  // Postgres text cannot hold NUL (hence the replaceAll below); TikTok never sends it, hostile test input does.
  const skip = skipExisting(mode, 'chats', 'live_id, msg_id', 'created_at', sinceOf(params, since));
  const p = (value: unknown) => param(params, value);
  return {
    name: 'chats',
    cte: `chats_written AS (
       INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
       SELECT i.live_id, i.account_id, i.viewer_id, i.msg_id, i.content, ${ts('i.created_ms')}
       FROM unnest(${p(plain(rows.map((c) => c.liveId)))}::bigint[], ${p(rows.map((c) => c.accountId))}::text[], ${p(plain(rows.map((c) => c.viewerId)))}::bigint[], ${p(rows.map((c) => c.msgId))}::text[],
         ${p(rows.map((c) => c.content.replaceAll('\u0000', '')))}::text[], ${p(plain(rows.map((c) => c.at)))}::bigint[]) AS i(live_id, account_id, viewer_id, msg_id, content, created_ms)
       ${skip.where} ${skip.conflict}
       RETURNING live_id
     )`,
  };
}

function socialsPart(params: Params, rows: SocialRow[], mode: Mode, since: number | undefined): Part {
  const skip = skipExisting(mode, 'social_events', 'live_id, msg_id', 'created_at', sinceOf(params, since));
  const p = (value: unknown) => param(params, value);
  return {
    name: 'socials',
    cte: `socials_written AS (
       INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
       SELECT i.live_id, i.viewer_id, i.msg_id, i.kind, ${ts('i.created_ms')}
       FROM unnest(${p(plain(rows.map((r) => r.liveId)))}::bigint[], ${p(plain(rows.map((r) => r.viewerId)))}::bigint[], ${p(rows.map((r) => r.msgId))}::text[], ${p(rows.map((r) => r.kind))}::social_kind[],
         ${p(plain(rows.map((r) => r.at)))}::bigint[]) AS i(live_id, viewer_id, msg_id, kind, created_ms)
       ${skip.where} ${skip.conflict}
       RETURNING live_id, kind
     )`,
    kind: 'kind::text',
  };
}

/** Joins: only their message id is kept (processed_messages), for idempotency. */
function joinsPart(params: Params, rows: JoinRow[], mode: Mode): Part {
  const skip = skipExisting(mode, 'processed_messages', 'live_id, msg_id');
  const p = (value: unknown) => param(params, value);
  return {
    name: 'joins',
    cte: `joins_written AS (
       INSERT INTO processed_messages (live_id, msg_id) SELECT * FROM unnest(${p(plain(rows.map((r) => r.liveId)))}::bigint[], ${p(plain(rows.map((r) => r.msgId)))}::bigint[]) AS i(live_id, msg_id)
       ${skip.where} ${skip.conflict} RETURNING live_id
     )`,
  };
}

function samplesPart(params: Params, rows: SampleRow[], mode: Mode): Part {
  const skip = skipExisting(mode, 'viewer_samples', 'live_id, at');
  const p = (value: unknown) => param(params, value);
  return {
    name: 'samples',
    cte: `samples_written AS (
       INSERT INTO viewer_samples (live_id, at, viewers, total_users)
       SELECT * FROM (
         SELECT u.live_id, ${ts('u.at_ms')} AS at, u.viewers, u.total_users
         FROM unnest(${p(plain(rows.map((x) => x.liveId)))}::bigint[], ${p(plain(rows.map((x) => x.at)))}::bigint[], ${p(plain(rows.map((x) => x.viewers)))}::int[], ${p(plain(rows.map((x) => x.totalUsers)))}::int[]) AS u(live_id, at_ms, viewers, total_users)
       ) i
       ${skip.where} ${skip.conflict} RETURNING live_id, viewers
     )`,
    sum: 'sum(viewers)::text',
    peak: 'max(viewers)',
  };
}

/** What a part counts per live, on its own (only its columns) or in a union of parts (every column). */
function countsOf(part: Part, union: boolean): string {
  if (part.counts) return part.counts(union);
  const columns = [
    ...(union ? [`'${part.name}' AS part`] : []),
    'live_id::text',
    ...(part.kind ? [`${part.kind} AS kind`] : union ? ['NULL::text AS kind'] : []),
    'count(*)::int AS n',
    ...(part.sum ? [`${part.sum} AS sum`] : union ? ['NULL::text AS sum'] : []),
    ...(part.peak ? [`${part.peak} AS peak`] : union ? ['NULL::int AS peak'] : []),
    ...(union ? ['NULL::int AS changed'] : []),
  ];
  return `SELECT ${columns.join(', ')} FROM ${part.name}_written GROUP BY live_id${part.kind ? ', kind' : ''}`;
}

async function runPart<T extends pg.QueryResultRow>(client: Client, tag: string, build: (params: Params) => Part): Promise<T[]> {
  const params: Params = [];
  const part = build(params);
  const { rows } = await client.query<T>(`/*${tag}*/ WITH ${part.cte} ${countsOf(part, false)}`, params);
  return rows;
}

/** Inserts chats; returns how many were new per live. */
export function insertChats(client: Client, rows: ChatRow[], mode: Mode, since?: number): Promise<{ live_id: string; n: number }[]> {
  return runPart(client, 'insertChats', (params) => chatsPart(params, rows, mode, since));
}

export function insertSocials(client: Client, rows: SocialRow[], mode: Mode, since?: number): Promise<{ live_id: string; kind: 'FOLLOW' | 'SHARE'; n: number }[]> {
  return runPart(client, 'insertSocials', (params) => socialsPart(params, rows, mode, since));
}

/** Counts message ids not seen before (joins): only their id is kept, for idempotency. */
export function countNewMessages(client: Client, rows: JoinRow[], mode: Mode): Promise<{ live_id: string; n: number }[]> {
  return runPart(client, 'countNewMessages', (params) => joinsPart(params, rows, mode));
}

export function insertSamples(client: Client, rows: SampleRow[], mode: Mode): Promise<{ live_id: string; n: number; sum: string; peak: number }[]> {
  return runPart(client, 'insertSamples', (params) => samplesPart(params, rows, mode));
}

export type MessageCounts = { part: 'chats' | 'socials' | 'joins' | 'samples' | 'likes'; live_id: string; kind: 'FOLLOW' | 'SHARE' | null; n: number; sum: string | null; peak: number | null; changed: number | null };

/**
 * A batch's chats, joins, follows and shares, and viewer samples in one statement (the parts that are not
 * empty), with what each added per live: one round trip instead of four. Each part writes its own table,
 * so sharing one snapshot changes nothing; the batch's lives are locked (lockLives) for all of them alike.
 */
export async function writeMessages(
  client: Client,
  batch: { chats: ChatRow[]; joins: JoinRow[]; socials: SocialRow[]; samples: SampleRow[]; likes: LikeRow[] },
  mode: Mode,
  since?: number,
): Promise<MessageCounts[]> {
  if (mode === 'safe' && batch.likes.length > 0) await lockLikeBuckets(client, batch.likes);
  const params: Params = [];
  const parts = [
    ...(batch.chats.length > 0 ? [chatsPart(params, batch.chats, mode, since)] : []),
    ...(batch.joins.length > 0 ? [joinsPart(params, batch.joins, mode)] : []),
    ...(batch.socials.length > 0 ? [socialsPart(params, batch.socials, mode, since)] : []),
    ...(batch.samples.length > 0 ? [samplesPart(params, batch.samples, mode)] : []),
    ...(batch.likes.length > 0 ? [likesPart(params, batch.likes)] : []),
  ];
  if (parts.length === 0) return [];
  const { rows } = await client.query<MessageCounts>(
    `/*writeMessages*/ WITH ${parts.map((part) => part.cte).join(',\n     ')}
     ${parts.map((part) => countsOf(part, true)).join('\n     UNION ALL ')}`,
    params,
  );
  likesCounted(rows.find((row) => row.part === 'likes'));
  return rows;
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
  if (mode === 'safe') await lockLikeBuckets(client, rows);
  const params: Params = [];
  const part = likesPart(params, rows);
  const { rows: result } = await client.query<{ n: number; changed: number }>(`/*storeLikes*/ WITH ${part.cte} ${part.counts?.(false) ?? ''}`, params);
  return likesCounted(result[0]);
}

/** One row per touched bucket, with its messages' ids and counts, in key order (lock order). */
function likeKeys(params: Params, rows: LikeRow[], name: string): string {
  const p = (value: unknown) => param(params, value);
  return `${name} AS (
       SELECT g.live_id, ${ts('g.minute_ms')} AS minute, g.viewer_id, g.ids, g.counts FROM (
         SELECT t.live_id, t.minute_ms, t.viewer_id, array_agg(t.msg_id) AS ids, array_agg(t.count) AS counts
         FROM unnest(${p(plain(rows.map((r) => r.liveId)))}::bigint[], ${p(plain(rows.map((r) => r.msgId)))}::bigint[], ${p(plain(rows.map((r) => r.viewerId)))}::bigint[],
           ${p(plain(rows.map((r) => r.minute)))}::bigint[], ${p(plain(rows.map((r) => r.count)))}::int[]) AS t(live_id, msg_id, viewer_id, minute_ms, count)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ) g
     )`;
}

/**
 * `safe` (another writer may be writing the same buckets): creates the missing buckets and locks every
 * touched one (in key order) before the likes are stored, so what that statement reads of them stays true
 * until this transaction ends.
 */
export async function lockLikeBuckets(client: Client, rows: LikeRow[]): Promise<void> {
  const params: Params = [];
  await client.query(
    `/*storeLikes*/ WITH ${likeKeys(params, rows, 'keys')}
     INSERT INTO like_buckets (live_id, minute, viewer_id, count) SELECT live_id, minute, viewer_id, 0 FROM keys
     ON CONFLICT (live_id, minute, viewer_id) DO UPDATE SET count = like_buckets.count`,
    params,
  );
}

/**
 * The likes as a part of a statement (see Part). Each bucket's ids are read once (a probe per bucket;
 * OFFSET 0 keeps it a probe, and keeps the lateral from being inlined into both of its uses). A bucket
 * whose id count after the upsert is not what was read plus what was added was changed by another writer
 * meanwhile: in `fast` mode the batch is then rolled back and redone in `safe` mode (in `safe` mode the
 * buckets are locked first, lockLikeBuckets, so this cannot happen).
 */
function likesPart(params: Params, rows: LikeRow[]): Part {
  return {
    name: 'likes',
    cte: `${likeKeys(params, rows, 'likes_keys')}, likes_merged AS (
       SELECT k.live_id, k.minute, k.viewer_id, coalesce(cardinality(e.known), 0) AS before, f.add, f.ids
       FROM likes_keys k
       CROSS JOIN LATERAL (
         SELECT (SELECT b.msg_ids FROM like_buckets b WHERE b.live_id = k.live_id AND b.minute = k.minute AND b.viewer_id = k.viewer_id OFFSET 0) AS known OFFSET 0
       ) e
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(u.count), 0)::int AS add, array_agg(u.id) AS ids
         FROM unnest(k.ids, k.counts) AS u(id, count) WHERE u.id <> ALL (coalesce(e.known, '{}'))
       ) f
       WHERE f.ids IS NOT NULL
     ), likes_written AS (
       INSERT INTO like_buckets (live_id, minute, viewer_id, count, msg_ids) SELECT live_id, minute, viewer_id, add, ids FROM likes_merged
       ON CONFLICT (live_id, minute, viewer_id) DO UPDATE SET count = like_buckets.count + EXCLUDED.count, msg_ids = like_buckets.msg_ids || EXCLUDED.msg_ids
       RETURNING live_id, minute, viewer_id, cardinality(msg_ids) AS after
     )`,
    counts: (union) =>
      `SELECT ${union ? `'likes' AS part, NULL::text AS live_id, NULL::text AS kind, ` : ''}coalesce(sum(cardinality(m.ids)), 0)::int AS n, ${union ? 'NULL::text AS sum, NULL::int AS peak, ' : ''}count(*) FILTER (WHERE s.after <> m.before + cardinality(m.ids))::int AS changed
     FROM likes_merged m JOIN likes_written s ON s.live_id = m.live_id AND s.minute = m.minute AND s.viewer_id = m.viewer_id`,
  };
}

/** How many like messages were new; throws when another writer changed the buckets meanwhile. */
function likesCounted(row: { n: number | null; changed: number | null } | undefined): number {
  if ((row?.changed ?? 0) > 0) throw new ConcurrentWriteError(`${row?.changed} like buckets changed while this batch was written`);
  return row?.n ?? 0;
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

/**
 * Adds a batch's increments to its lives. `commit`: COMMIT in the same round trip (one simple query; every
 * value is a number or a boolean, written into the text as array literals), the batch's last statement.
 */
export async function updateLives(client: Client, rows: LiveIncrement[], options: { commit?: boolean } = {}): Promise<void> {
  const columns = [
    plain(rows.map((x) => x.liveId)), plain(rows.map((x) => x.diamonds)), plain(rows.map((x) => x.gifts)), plain(rows.map((x) => x.likesTotal)), plain(rows.map((x) => x.comments)),
    plain(rows.map((x) => x.follows)), plain(rows.map((x) => x.shares)), plain(rows.map((x) => x.joins)), plain(rows.map((x) => x.peak)), plain(rows.map((x) => x.samples)),
    plain(rows.map((x) => x.viewerSum)), plain(rows.map((x) => x.firstAt)), plain(rows.map((x) => x.lastAt)), plain(rows.map((x) => x.giftsChanged)),
    plain(rows.map((x) => x.superChats)), plain(rows.map((x) => x.guards)),
  ];
  const types = ['bigint', 'bigint', 'int', 'bigint', 'int', 'int', 'int', 'int', 'int', 'int', 'bigint', 'bigint', 'bigint', 'boolean', 'int', 'int'];
  const sql = (param: (i: number) => string) => `/*updateLives*/ UPDATE lives SET
       diamonds = lives.diamonds + u.diamonds, gifts = lives.gifts + u.gifts, super_chats = lives.super_chats + u.super_chats, guards = lives.guards + u.guards,
       likes = GREATEST(lives.likes, u.likes_total),
       comments = lives.comments + u.comments, follows = lives.follows + u.follows, shares = lives.shares + u.shares, joins = lives.joins + u.joins,
       peak_viewers = GREATEST(lives.peak_viewers, u.peak), viewer_samples = lives.viewer_samples + u.samples, viewer_sum = lives.viewer_sum + u.viewer_sum,
       last_event_at = GREATEST(COALESCE(lives.last_event_at, ${ts('u.last_ms')}), ${ts('u.last_ms')}),
       -- A live joined late (or a recording without a start time) starts no later than its first event.
       started_at = LEAST(lives.started_at, ${ts('u.first_ms')}),
       -- A Bilibili gifter paid gold (silver gifts are free, worth 0): docs/bilibili-counting.md.
       unique_gifters = CASE WHEN u.gifts_changed THEN (SELECT count(*) FROM live_viewers lv WHERE lv.live_id = lives.id AND lv.gifts > 0 AND (lives.platform = 'tiktok' OR lv.diamonds > 0)) ELSE lives.unique_gifters END
     FROM unnest(${types.map((type, i) => `${param(i)}::${type}[]`).join(', ')})
       AS u(live_id, diamonds, gifts, likes_total, comments, follows, shares, joins, peak, samples, viewer_sum, first_ms, last_ms, gifts_changed, super_chats, guards)
     WHERE lives.id = u.live_id`;
  if (options.commit) await client.query(`${sql((i) => `'${columns[i]}'`)}; COMMIT`);
  else await client.query(sql((i) => `$${i + 1}`), columns);
}
