// Synthetic history for `npm run bench:dashboard`: a year of lives with millions of stored events, written
// straight into Postgres with set-based SQL (INSERT … SELECT over generate_series), then the rollups the
// worker keeps (lives running totals, live_viewers, gifter_stats) derived from those raw rows with the
// same meaning as worker/writer.ts and worker/writer-sql.ts give them.
//
// Shape: one big streamer (a live every day for 365 days, about 85% of the events) and nine smaller ones
// (60 lives each). Viewers are drawn with a skew towards each streamer's regulars, gifters with a
// heavier one (a few whales who also send the expensive gifts and the longest streaks), gift values
// from the seed catalogue's weights. Random values come from a hash of (live, row, salt), so the same
// --events gives the same data on every run.
import type pg from 'pg';
import { createRandom } from '@/lib/seed/random';
import { GIFT_CATALOG, giftWeight } from '@/lib/seed/catalog';
import { EVENT_TABLES as PARTITIONED, monthStart, partitionName } from '@/worker/jobs/event-partitions';

export type GeneratedData = {
  bigAccountId: string;
  userId: string;
  workspaceId: string;
  /** Rows per table after generation. */
  rows: Record<string, number>;
  /** Bytes per table, indexes included. */
  bytes: Record<string, number>;
  /** gifts + chats + like_buckets + viewer_samples + social_events. */
  storedEvents: number;
  sampleEverySeconds: number;
  seconds: { base: number; events: number; indexes: number; rollups: number; vacuum: number; total: number };
};

export const EVENT_TABLES = ['gifts', 'chats', 'like_buckets', 'viewer_samples', 'social_events'] as const;
const ROLLUP_TABLES = ['live_viewers', 'gifter_stats'] as const;
const REPORTED_TABLES = ['channels', 'viewers', 'lives', ...EVENT_TABLES, ...ROLLUP_TABLES] as const;

export const BENCH_USER_ID = 'bench-user';
export const BENCH_WORKSPACE_ID = 'bench-workspace';
const BIG_LIVES = 365;
const SMALL_ACCOUNTS = 9;
const SMALL_LIVES = 60;
const BIG_SHARE = 0.85;
// Shares of a live's events (viewer samples aside, which follow the live's length).
const MIX = { chats: 0.42, likes: 0.4, gifts: 0.12, socials: 0.06 };
// Rows per chunk of lives, so progress shows and no statement runs for minutes.
const CHUNK_EVENTS = 500_000;
// TikTok-like 19-digit ids: message ids, viewers' user ids, room ids.
const MSG_BASE = 7_300_000_000_000_000_000n;
const VIEWER_UID_BASE = 6_800_000_000_000_000_000n;
const ROOM_BASE = 7_400_000_000_000_000_000n;
// Like buckets pick (minute, viewer) pairs through slot × LIKE_PRIME mod audience: distinct slots give
// distinct viewers as long as the audience is not a multiple of this prime.
const LIKE_PRIME = 7919;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const CHAT_LINES = [
  'hello!! 👋', 'love this song', 'first time here', 'can you say hi to me?', 'where are you from?', '🔥🔥🔥', 'lol', 'W stream',
  'greetings from Brazil 🇧🇷', 'saludos desde México', 'привет из Москвы', 'こんばんは', 'what mic is that?', 'tap tap tap ❤️',
  '10k likes let’s go', 'play it again pls', 'good night everyone', 'what is your favourite game?', 'happy birthday!!', 'ok',
];
const CHAT_TAILS = ['😂', '❤️', 'haha', 'pls', 'from Manila', 'again', '!!!', 'fr', 'bestie', 'omg', 'queen 👑', 'lets gooo'];

type AccountPlan = { id: string; handle: string; nickname: string; viewerOffset: number; audience: number; gifterPool: number };
type LivePlan = { account: AccountPlan; roomId: string; title: string; startedAt: number; minutes: number; weight: number; big: boolean; peakBase: number };
type LiveCounts = { samples: number; chats: number; gifts: number; likes: number; socials: number };

const notMultipleOfPrime = (n: number) => (n % LIKE_PRIME === 0 ? n + 1 : n);
const iso = (ms: number) => new Date(ms).toISOString();

function planAccounts(events: number): AccountPlan[] {
  const bigAudience = notMultipleOfPrime(Math.min(120_000, Math.max(5_000, Math.round(events / 80))));
  const smallAudience = notMultipleOfPrime(Math.round(bigAudience / 10));
  const accounts: AccountPlan[] = [{ id: 'bench-account-00', handle: 'bench.bigstreamer', nickname: 'Big Streamer', viewerOffset: 0, audience: bigAudience, gifterPool: Math.round(bigAudience / 8) }];
  for (let a = 1; a <= SMALL_ACCOUNTS; a++) {
    // Small audiences overlap the big one's tail and each other, as fans follow several streamers.
    const viewerOffset = Math.round(bigAudience * 0.5) + (a - 1) * Math.round(smallAudience * 0.8);
    accounts.push({ id: `bench-account-${String(a).padStart(2, '0')}`, handle: `bench.streamer${a}`, nickname: `Streamer ${a}`, viewerOffset, audience: smallAudience, gifterPool: Math.round(smallAudience / 8) });
  }
  return accounts;
}

function planLives(accounts: AccountPlan[], now: Date): LivePlan[] {
  const random = createRandom(20261122);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lives: LivePlan[] = [];
  const [big, ...small] = accounts;
  if (!big) throw new Error('no accounts planned');
  // Lives start on whole minutes and end before midnight UTC, so none is still running and each one's
  // gifts fall on one UTC day of gifter_stats.
  for (let day = BIG_LIVES; day >= 1; day--) {
    const startedAt = today - day * DAY_MS + 14 * 3_600_000 + random.int(0, 120) * MINUTE_MS;
    lives.push({ account: big, roomId: '', title: `Daily stream #${BIG_LIVES - day + 1}`, startedAt, minutes: random.int(150, 240), weight: 0.6 + 0.8 * random.next(), big: true, peakBase: random.int(3_000, 9_000) });
  }
  small.forEach((account, a) => {
    for (let k = 0; k < SMALL_LIVES; k++) {
      const day = 2 + a + 6 * k;
      const startedAt = today - day * DAY_MS + 17 * 3_600_000 + random.int(0, 180) * MINUTE_MS;
      lives.push({ account, roomId: '', title: `Live with @${account.handle}`, startedAt, minutes: random.int(45, 120), weight: 0.6 + 0.8 * random.next(), big: false, peakBase: random.int(150, 800) });
    }
  });
  lives.sort((x, y) => x.startedAt - y.startedAt);
  lives.forEach((live, i) => (live.roomId = String(ROOM_BASE + BigInt(i + 1))));
  return lives;
}

/** Viewer samples every 10 s at full scale; sparser when they would be more than 8% of a small run. */
function sampleInterval(lives: LivePlan[], events: number): number {
  const at10s = lives.reduce((sum, l) => sum + (l.minutes * 60) / 10, 0);
  return Math.max(10, Math.ceil((10 * at10s) / (0.08 * events)));
}

function countEvents(lives: LivePlan[], events: number, sampleEvery: number): LiveCounts[] {
  const samples = lives.map((l) => Math.floor((l.minutes * 60) / sampleEvery));
  const rest = Math.max(0, events - samples.reduce((a, b) => a + b, 0));
  const weightOf = (big: boolean) => lives.filter((l) => l.big === big).reduce((sum, l) => sum + l.weight, 0);
  const bigWeight = weightOf(true);
  const smallWeight = weightOf(false);
  return lives.map((live, i) => {
    const n = Math.round((rest * (live.big ? BIG_SHARE * live.weight / bigWeight : (1 - BIG_SHARE) * live.weight / smallWeight)));
    const gifts = Math.round(n * MIX.gifts);
    const socials = Math.round(n * MIX.socials);
    // At most one bucket per viewer per minute.
    const likes = Math.min(Math.round(n * MIX.likes), live.minutes * live.account.audience);
    return { samples: samples[i] ?? 0, gifts, socials, likes, chats: Math.max(0, n - gifts - socials - likes) };
  });
}

// $1, $2: the chunk's first and last live id. bench_u(key, salt) is a uniform number in [0, 1).
const INSERT_GIFTS = `
  INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at)
  SELECT x.live_id, x.account_id, x.viewer_id,
         CASE WHEN c.streakable THEN 's:' || (${VIEWER_UID_BASE} + x.viewer_id) || ':' || c.gift_id || ':' || x.msg_id ELSE 'm:' || x.msg_id END,
         x.msg_id::text, c.gift_id, c.name, c.diamond_count, r.repeat_count, c.diamond_count * r.repeat_count, c.streakable,
         c.streakable AND x.u_timeout < 0.01, x.created_at
  FROM (
    SELECT p.live_id, p.account_id, ${MSG_BASE} + k.key AS msg_id, p.viewer_offset + 1 + g.rank AS viewer_id,
           g.rank < greatest(1, p.gifter_pool / 100) AS whale,
           bench_u(k.key, 22) AS u_type, bench_u(k.key, 23) AS u_repeat, bench_u(k.key, 24) AS u_timeout,
           p.started_at + bench_u(k.key, 25) * p.minutes * interval '1 minute' AS created_at
    FROM bench_plan p
    CROSS JOIN LATERAL generate_series(1, p.n_gifts) i
    CROSS JOIN LATERAL (SELECT p.live_id * 10000000 + 2000000 + i AS key) k
    CROSS JOIN LATERAL (SELECT floor(p.gifter_pool * power(bench_u(k.key, 21), 3))::int AS rank) g
    WHERE p.live_id BETWEEN $1 AND $2
  ) x
  -- Whales (the top 1% of the gifter pool) lean to the expensive end of the catalogue.
  CROSS JOIN LATERAL (SELECT CASE WHEN x.whale THEN sqrt(x.u_type) ELSE x.u_type END AS u) t
  JOIN bench_gift_catalogue c ON t.u >= c.lo AND t.u < c.hi
  CROSS JOIN LATERAL (
    SELECT CASE WHEN c.streakable THEN least(999, 1 + floor(-ln(1 - x.u_repeat) * CASE WHEN x.whale THEN 15 ELSE 3 END))::int ELSE 1 END AS repeat_count
  ) r`;

const INSERT_CHATS = `
  INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
  SELECT p.live_id, p.account_id, p.viewer_offset + 1 + floor(p.audience * power(bench_u(k.key, 11), 2))::int, (${MSG_BASE} + k.key)::text,
         ($3::text[])[1 + floor(bench_u(k.key, 12) * cardinality($3::text[]))::int]
           || CASE WHEN bench_u(k.key, 13) < 0.4 THEN ' ' || ($4::text[])[1 + floor(bench_u(k.key, 14) * cardinality($4::text[]))::int] ELSE '' END,
         p.started_at + bench_u(k.key, 15) * p.minutes * interval '1 minute'
  FROM bench_plan p
  CROSS JOIN LATERAL generate_series(1, p.n_chats) i
  CROSS JOIN LATERAL (SELECT p.live_id * 10000000 + i AS key) k
  WHERE p.live_id BETWEEN $1 AND $2`;

const INSERT_SOCIALS = `
  INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
  SELECT p.live_id, p.viewer_offset + 1 + floor(p.audience * power(bench_u(k.key, 31), 1.5))::int, (${MSG_BASE} + k.key)::text,
         (CASE WHEN bench_u(k.key, 32) < 0.7 THEN 'FOLLOW' ELSE 'SHARE' END)::social_kind,
         p.started_at + bench_u(k.key, 33) * p.minutes * interval '1 minute'
  FROM bench_plan p
  CROSS JOIN LATERAL generate_series(1, p.n_socials) i
  CROSS JOIN LATERAL (SELECT p.live_id * 10000000 + 4000000 + i AS key) k
  WHERE p.live_id BETWEEN $1 AND $2`;

// A curve that rises to the live's peak half-way and falls again, with ±8% noise.
const INSERT_SAMPLES = `
  INSERT INTO viewer_samples (live_id, at, viewers, total_users)
  SELECT p.live_id, p.started_at + s * p.sample_every * interval '1 second',
         greatest(1, floor(p.peak_base * (0.35 + 0.65 * sin(pi() * s / greatest(1, p.n_samples - 1)))
           * (0.92 + 0.16 * bench_u(p.live_id * 10000000 + 6000000 + s, 41))))::int,
         floor(p.peak_base * (0.5 + 2.5 * s / greatest(1, p.n_samples)))::int
  FROM bench_plan p
  CROSS JOIN LATERAL generate_series(0, p.n_samples - 1) s
  WHERE p.live_id BETWEEN $1 AND $2`;

// Each minute's likers are distinct (slot × prime mod audience); the same slots map to the same viewers
// for 15 minutes at a time, so likers keep tapping for a while.
const INSERT_LIKES = `
  INSERT INTO like_buckets (live_id, minute, viewer_id, count)
  SELECT p.live_id, p.started_at + q.m * interval '1 minute',
         p.viewer_offset + 1 + (q.slot * ${LIKE_PRIME} + (q.m / 15) * 104729 + p.live_id * 31) % p.audience,
         least(300, 1 + floor(-ln(1 - bench_u(p.live_id * 10000000 + 8000000 + i, 51)) * 8))::int
  FROM bench_plan p
  CROSS JOIN LATERAL generate_series(0, p.n_likes - 1) i
  CROSS JOIN LATERAL (SELECT i % p.minutes AS m, i / p.minutes AS slot) q
  WHERE p.live_id BETWEEN $1 AND $2`;

// Rollups, as the worker keeps them: a live_viewers row for everyone seen in the live (gifts, chat,
// likes, follows and shares), with their gifts in it; is_follower is TikTok's flag on the sender (here
// every fourth viewer, and anyone who followed during the live).
const DERIVE_LIVE_VIEWERS = `
  INSERT INTO live_viewers (live_id, viewer_id, diamonds, gifts, is_follower, first_seen_at)
  SELECT live_id, viewer_id, sum(diamonds), sum(gifts)::int, bool_or(follower OR viewer_id % 4 = 0), min(at)
  FROM (
    SELECT live_id, viewer_id, diamonds::bigint AS diamonds, 1 AS gifts, false AS follower, created_at AS at FROM gifts WHERE live_id BETWEEN $1 AND $2
    UNION ALL SELECT live_id, viewer_id, 0, 0, false, created_at FROM chats WHERE live_id BETWEEN $1 AND $2
    UNION ALL SELECT live_id, viewer_id, 0, 0, kind = 'FOLLOW', created_at FROM social_events WHERE live_id BETWEEN $1 AND $2
    UNION ALL SELECT live_id, viewer_id, 0, 0, false, minute FROM like_buckets WHERE live_id BETWEEN $1 AND $2
  ) e
  GROUP BY live_id, viewer_id
  ORDER BY live_id, viewer_id`;

// gifter_stats days are the UTC day of TikTok's message time, as in insertGifts (to_char of created_at).
const DERIVE_GIFTER_STATS = `
  INSERT INTO gifter_stats (account_id, day, viewer_id, diamonds, gifts)
  SELECT account_id, created_at::date, viewer_id, sum(diamonds), count(*)::int FROM gifts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

// The running totals of updateLives. likes: the worker keeps TikTok's room total (never less than what
// it stored); here every like was stored, so it is the sum of the buckets. joins: each viewer's join
// message, counted once (join messages leave no row of their own).
const DERIVE_LIVE_TOTALS = `
  WITH g AS (SELECT live_id, sum(diamonds) AS diamonds, count(*) AS gifts, max(created_at) AS last FROM gifts GROUP BY live_id),
  c AS (SELECT live_id, count(*) AS comments, max(created_at) AS last FROM chats GROUP BY live_id),
  o AS (SELECT live_id, count(*) FILTER (WHERE kind = 'FOLLOW') AS follows, count(*) FILTER (WHERE kind = 'SHARE') AS shares, max(created_at) AS last FROM social_events GROUP BY live_id),
  k AS (SELECT live_id, sum(count) AS likes, max(minute) AS last FROM like_buckets GROUP BY live_id),
  s AS (SELECT live_id, count(*) AS samples, sum(viewers) AS viewer_sum, max(viewers) AS peak, max(at) AS last FROM viewer_samples GROUP BY live_id),
  v AS (SELECT live_id, count(*) AS joins, count(*) FILTER (WHERE gifts > 0) AS unique_gifters FROM live_viewers GROUP BY live_id)
  UPDATE lives l SET
    diamonds = COALESCE(g.diamonds, 0), gifts = COALESCE(g.gifts, 0), likes = COALESCE(k.likes, 0), comments = COALESCE(c.comments, 0),
    follows = COALESCE(o.follows, 0), shares = COALESCE(o.shares, 0), joins = COALESCE(v.joins, 0), unique_gifters = COALESCE(v.unique_gifters, 0),
    peak_viewers = COALESCE(s.peak, 0), viewer_samples = COALESCE(s.samples, 0), viewer_sum = COALESCE(s.viewer_sum, 0),
    last_event_at = GREATEST(g.last, c.last, o.last, k.last, s.last)
  FROM lives x
  LEFT JOIN g ON g.live_id = x.id LEFT JOIN c ON c.live_id = x.id LEFT JOIN o ON o.live_id = x.id
  LEFT JOIN k ON k.live_id = x.id LEFT JOIN s ON s.live_id = x.id LEFT JOIN v ON v.live_id = x.id
  WHERE l.id = x.id`;

type IndexDefinition = { name: string; table: string; definition: string };

/** Secondary indexes of the bulk tables are dropped for the load and rebuilt after it (sorted builds
 *  are far cheaper than millions of random inserts); primary keys stay. */
async function dropSecondaryIndexes(client: pg.Client, tables: readonly string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
  // The event tables are partitioned (migration partition_events): the definition of an index on one says
  // `ON ONLY`, which would rebuild it on the parent alone; without it, it is built on every partition.
  return rows.map((index) => ({ ...index, definition: index.definition.replace(' ON ONLY ', ' ON ') }));
}

/**
 * The monthly partitions of the event tables for every month of the generated history (the migration
 * made this month and two ahead), as the worker's event-partitions job would have made them month by
 * month: without them every older row would sit in the DEFAULT partition, unlike any running install.
 */
async function createHistoryPartitions(client: pg.Client, lives: LivePlan[], now: Date): Promise<number> {
  const first = Math.min(...lives.map((l) => l.startedAt));
  let created = 0;
  for (let month = monthStart(new Date(first)); month < monthStart(now); month = monthStart(month, 1)) {
    for (const table of Object.keys(PARTITIONED) as (keyof typeof PARTITIONED)[]) {
      const name = client.escapeIdentifier(partitionName(table, month));
      await client.query(`CREATE TABLE ${name} PARTITION OF ${client.escapeIdentifier(table)} FOR VALUES FROM ('${iso(month.getTime())}') TO ('${iso(monthStart(month, 1).getTime())}')`);
      created += 1;
    }
  }
  return created;
}

async function insertBaseRows(client: pg.Client, accounts: AccountPlan[], lives: LivePlan[], counts: LiveCounts[], sampleEvery: number, now: Date): Promise<void> {
  const viewers = Math.max(...accounts.map((a) => a.viewerOffset + a.audience));
  await client.query(
    `INSERT INTO channels (id, handle, nickname, platform_user_id, verified, last_fetched_at, last_fetch_status, updated_at)
     SELECT id, handle, nickname, (7000000000000000000 + n)::text, n = 1, $4::timestamp, 'ok', $4::timestamp
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS a(id, handle, nickname, n)`,
    [accounts.map((a) => a.id), accounts.map((a) => a.handle), accounts.map((a) => a.nickname), iso(now.getTime())],
  );
  await client.query(
    `INSERT INTO viewers (id, tiktok_user_id, handle, nickname, first_seen_at, updated_at)
     SELECT v, (${VIEWER_UID_BASE} + v)::text, 'fan.' || v, 'Fan ' || v, $2::timestamp, $2::timestamp FROM generate_series(1, $1::int) v`,
    [viewers, iso(now.getTime() - 400 * DAY_MS)],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('viewers', 'id'), $1)`, [viewers]);
  // The dashboard user who manages every account (requireOwnLive is part of the live page).
  await client.query(`INSERT INTO users (id, email, password_hash, name, updated_at) VALUES ($1, 'bench@livelens.invalid', 'x', 'Bench', now())`, [BENCH_USER_ID]);
  // …through a workspace of theirs that watches every account (the dashboard reads are per workspace).
  await client.query(`INSERT INTO workspaces (id, name, personal, updated_at) VALUES ($1, 'Bench', true, now())`, [BENCH_WORKSPACE_ID]);
  await client.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [BENCH_WORKSPACE_ID, BENCH_USER_ID]);
  await client.query(`INSERT INTO workspace_accounts (workspace_id, account_id, verified_at) SELECT $1, id, now() FROM channels`, [BENCH_WORKSPACE_ID]);

  // The catalogue with each gift's slice of [0, 1), sized by its weight.
  const total = GIFT_CATALOG.reduce((sum, g) => sum + giftWeight(g), 0);
  let lo = 0;
  const ranges = GIFT_CATALOG.map((g, i) => {
    const hi = i === GIFT_CATALOG.length - 1 ? 1.000001 : lo + giftWeight(g) / total;
    const range = { ...g, lo, hi };
    lo = hi;
    return range;
  });
  await client.query(
    `INSERT INTO gift_types (gift_id, name, diamond_count, streakable) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[])`,
    [GIFT_CATALOG.map((g) => g.giftId), GIFT_CATALOG.map((g) => g.name), GIFT_CATALOG.map((g) => g.diamondCount), GIFT_CATALOG.map((g) => g.streakable)],
  );
  await client.query(
    `CREATE UNLOGGED TABLE bench_gift_catalogue AS
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::float8[], $6::float8[]) AS c(gift_id, name, diamond_count, streakable, lo, hi)`,
    [ranges.map((g) => g.giftId), ranges.map((g) => g.name), ranges.map((g) => g.diamondCount), ranges.map((g) => g.streakable), ranges.map((g) => g.lo), ranges.map((g) => g.hi)],
  );

  // Lives in start order, so their ids (and the rows of each chunk) follow time as they would in production.
  const { rows: inserted } = await client.query<{ id: string; room_id: string }>(
    `INSERT INTO lives (account_id, room_id, title, started_at, ended_at, end_reason, created_at)
     SELECT account_id, room_id, title, started_at, ended_at, 'stream_end', started_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::timestamp(3)[]) WITH ORDINALITY AS l(account_id, room_id, title, started_at, ended_at, n)
     ORDER BY n
     RETURNING id::text, room_id`,
    [lives.map((l) => l.account.id), lives.map((l) => l.roomId), lives.map((l) => l.title), lives.map((l) => iso(l.startedAt)), lives.map((l) => iso(l.startedAt + l.minutes * MINUTE_MS))],
  );
  const ids = new Map(inserted.map((r) => [r.room_id, r.id]));
  await client.query(
    `CREATE UNLOGGED TABLE bench_plan AS
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::timestamp(3)[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[])
       AS p(live_id, account_id, viewer_offset, audience, gifter_pool, started_at, minutes, sample_every, n_samples, n_chats, n_gifts, n_likes, n_socials, peak_base)`,
    [
      lives.map((l) => ids.get(l.roomId)), lives.map((l) => l.account.id), lives.map((l) => l.account.viewerOffset), lives.map((l) => l.account.audience),
      lives.map((l) => l.account.gifterPool), lives.map((l) => iso(l.startedAt)), lives.map((l) => l.minutes), lives.map(() => sampleEvery),
      counts.map((c) => c.samples), counts.map((c) => c.chats), counts.map((c) => c.gifts), counts.map((c) => c.likes), counts.map((c) => c.socials), lives.map((l) => l.peakBase),
    ],
  );
  await client.query('ALTER TABLE bench_plan ADD PRIMARY KEY (live_id)');
}

/** Lives in id order, cut into ranges of about CHUNK_EVENTS events each. */
async function planChunks(client: pg.Client): Promise<{ first: string; last: string; events: number }[]> {
  // Sorted by the bigint column: an ORDER BY on the text alias would put live 10 before live 9.
  const { rows } = await client.query<{ id: string; n: number }>(
    'SELECT live_id::text AS id, (n_samples + n_chats + n_gifts + n_likes + n_socials)::int AS n FROM bench_plan ORDER BY live_id',
  );
  const chunks: { first: string; last: string; events: number }[] = [];
  let current: { first: string; last: string; events: number } | undefined;
  for (const row of rows) {
    current ??= { first: row.id, last: row.id, events: 0 };
    current.last = row.id;
    current.events += row.n;
    if (current.events >= CHUNK_EVENTS) {
      chunks.push(current);
      current = undefined;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

async function countRows(client: pg.Client): Promise<{ rows: Record<string, number>; bytes: Record<string, number> }> {
  const rows: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  for (const table of REPORTED_TABLES) {
    const ident = client.escapeIdentifier(table);
    // A partitioned table has no storage of its own: its size is its partitions'. pg_partition_tree lists
    // nothing for a table that is not partitioned, which is its own size.
    const { rows: result } = await client.query<{ n: string; size: string }>(
      `SELECT (SELECT count(*) FROM ${ident})::text AS n, COALESCE((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('${ident}')), pg_total_relation_size('${ident}'))::text AS size`,
    );
    rows[table] = Number(result[0]?.n ?? 0);
    bytes[table] = Number(result[0]?.size ?? 0);
  }
  return { rows, bytes };
}


/**
 * Fills a fresh, migrated database with about `events` stored event rows and their rollups. Runs on one
 * connection as the database owner: foreign-key triggers are off for the load (session_replication_role
 * = replica; every reference is valid by construction), autovacuum is paused and checkpoints spaced out,
 * and the server's settings are put back before it returns, followed by VACUUM ANALYZE and a CHECKPOINT
 * so measurements start from a settled database.
 */
export async function generateDashboardData(client: pg.Client, options: { events: number; now: Date; say: (message: string) => void }): Promise<GeneratedData> {
  const { events, now, say } = options;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const phase = { base: 0, events: 0, indexes: 0, rollups: 0, vacuum: 0 };
  let mark = 0;
  const endPhase = (name: keyof typeof phase) => {
    phase[name] = seconds() - mark;
    mark = seconds();
  };

  await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
  await client.query('ALTER SYSTEM SET autovacuum = off');
  await client.query('SELECT pg_reload_conf()');
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(
    `CREATE FUNCTION bench_u(key bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS 'SELECT ((hashint8extended(key, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0'`,
  );

  const accounts = planAccounts(events);
  const lives = planLives(accounts, now);
  const sampleEvery = sampleInterval(lives, events);
  const counts = countEvents(lives, events, sampleEvery);
  const bigAccount = accounts[0];
  if (!bigAccount) throw new Error('no accounts planned');
  await insertBaseRows(client, accounts, lives, counts, sampleEvery, now);
  const partitions = await createHistoryPartitions(client, lives, now);
  const dropped = await dropSecondaryIndexes(client, [...EVENT_TABLES, ...ROLLUP_TABLES]);
  endPhase('base');
  say(`${accounts.length} accounts, ${lives.length} lives, viewer samples every ${sampleEvery} s; ${partitions} monthly partitions; dropped ${dropped.length} secondary indexes for the load`);

  const chunks = await planChunks(client);
  const planned = chunks.reduce((sum, c) => sum + c.events, 0);
  let done = 0;
  for (const chunk of chunks) {
    const range = [chunk.first, chunk.last];
    await client.query(INSERT_SAMPLES, range);
    await client.query(INSERT_CHATS, [...range, CHAT_LINES, CHAT_TAILS]);
    await client.query(INSERT_GIFTS, range);
    await client.query(INSERT_LIKES, range);
    await client.query(INSERT_SOCIALS, range);
    done += chunk.events;
    say(`events ${done.toLocaleString('en-US')} / ${planned.toLocaleString('en-US')} (${Math.round((done / planned) * 100)}%), ${Math.round(seconds())} s`);
  }
  endPhase('events');

  for (const index of dropped.filter((i) => (EVENT_TABLES as readonly string[]).includes(i.table))) {
    const t = performance.now();
    await client.query(index.definition);
    say(`index ${index.name} rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  endPhase('indexes');

  for (const chunk of chunks) await client.query(DERIVE_LIVE_VIEWERS, [chunk.first, chunk.last]);
  say(`live_viewers derived, ${Math.round(seconds())} s`);
  await client.query(DERIVE_GIFTER_STATS);
  for (const index of dropped.filter((i) => (ROLLUP_TABLES as readonly string[]).includes(i.table))) await client.query(index.definition);
  await client.query(DERIVE_LIVE_TOTALS);
  say(`gifter_stats and lives totals derived, ${Math.round(seconds())} s`);
  endPhase('rollups');

  await client.query('DROP TABLE bench_plan');
  await client.query('DROP TABLE bench_gift_catalogue');
  await client.query('DROP FUNCTION bench_u(bigint, bigint)');
  await client.query('RESET session_replication_role');
  await client.query('ALTER SYSTEM RESET max_wal_size');
  await client.query('ALTER SYSTEM RESET autovacuum');
  await client.query('SELECT pg_reload_conf()');
  await client.query('VACUUM (ANALYZE)');
  await client.query('CHECKPOINT');
  endPhase('vacuum');
  say(`vacuumed, analysed and checkpointed, ${Math.round(seconds())} s`);

  const { rows, bytes } = await countRows(client);
  const storedEvents = EVENT_TABLES.reduce((sum, t) => sum + (rows[t] ?? 0), 0);
  const round1 = (value: number) => Math.round(value * 10) / 10;
  return {
    bigAccountId: bigAccount.id,
    userId: BENCH_USER_ID,
    workspaceId: BENCH_WORKSPACE_ID,
    rows,
    bytes,
    storedEvents,
    sampleEverySeconds: sampleEvery,
    seconds: { base: round1(phase.base), events: round1(phase.events), indexes: round1(phase.indexes), rollups: round1(phase.rollups), vacuum: round1(phase.vacuum), total: round1(seconds()) },
  };
}
