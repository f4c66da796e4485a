// The SQL of the shared Next.js cache (next_cache_entries, next_cache_tags), on node-postgres directly: the
// handler runs inside Next's server, outside the app's bundles, where one small pool of its own is simpler
// than the Prisma client. Every time is the database's own (`now()`), so instances whose clocks differ
// still agree on whether an entry is older than a revalidation; a revalidation in the same millisecond as
// a write counts as later (one render too many rather than a stale page).
import type { CacheControl } from 'next/dist/server/lib/cache-control';

/** The longest an entry lives, in seconds: one day. Tags are kept as long, so none outlives what it may expire. */
export const MAX_ENTRY_AGE_SECONDS = 86_400;
/** What the entries may take together (their gzipped JSON), trimmed by the worker's next-cache-cleanup job. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** A larger entry is not shared (it is rendered again instead); a profile page takes some 30 kB. */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

export type Queryable = { query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }> };

export type StoredEntry = {
  /** When the entry was written, in ms since the epoch (database time); also its version. */
  version: number;
  cacheControl: CacheControl | undefined;
  /** Null when the caller already holds this version. */
  value: Buffer | null;
  /** A tag of the entry was revalidated (without a cache profile) after the entry was written. */
  expired: boolean;
  /** A tag of the entry was marked stale (revalidateTag with a profile) after the entry was written. */
  stale: boolean;
};

const VERSION = 'floor(extract(epoch FROM e.updated_at) * 1000)::bigint';

/**
 * The entry of `key` in this build, unless it has expired by time. `extraTags` are checked besides the
 * entry's own (a fetch's soft tags, which come with the read); `knownVersion` skips sending the value
 * when the caller already holds it.
 */
export async function readEntry(db: Queryable, buildId: string, key: string, extraTags: readonly string[], knownVersion = -1): Promise<StoredEntry | null> {
  const { rows } = await db.query<{ version: string; cache_control: CacheControl | null; value: Buffer | null; expired: boolean; stale: boolean }>(
    `SELECT ${VERSION} AS version, e.cache_control,
            CASE WHEN ${VERSION} = $4::bigint THEN NULL ELSE e.value END AS value,
            EXISTS (SELECT 1 FROM next_cache_tags t WHERE t.tag = ANY (e.tags || $3::text[]) AND t.expired_at >= e.updated_at AND t.expired_at <= now()) AS expired,
            EXISTS (SELECT 1 FROM next_cache_tags t WHERE t.tag = ANY (e.tags || $3::text[]) AND t.stale_at >= e.updated_at) AS stale
       FROM next_cache_entries e
      WHERE e.build_id = $1 AND e.key = $2 AND e.expires_at > now()`,
    [buildId, key, extraTags, knownVersion],
  );
  const row = rows[0];
  if (!row) return null;
  return { version: Number(row.version), cacheControl: row.cache_control ?? undefined, value: row.value, expired: row.expired, stale: row.stale };
}

export type EntryToWrite = { kind: string; value: Buffer; tags: readonly string[]; cacheControl: CacheControl | undefined };

/** Stores (or replaces) an entry; returns its version. It lives until its `expire`, or a day at most. */
export async function writeEntry(db: Queryable, buildId: string, key: string, entry: EntryToWrite): Promise<number> {
  const expire = entry.cacheControl?.expire;
  const lifetime = typeof expire === 'number' && expire > 0 ? Math.min(expire, MAX_ENTRY_AGE_SECONDS) : MAX_ENTRY_AGE_SECONDS;
  const { rows } = await db.query<{ version: string }>(
    `INSERT INTO next_cache_entries AS e (build_id, key, kind, value, size, tags, cache_control, updated_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::jsonb, now(), now() + make_interval(secs => $8::float8))
     ON CONFLICT (build_id, key) DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value, size = EXCLUDED.size, tags = EXCLUDED.tags,
       cache_control = EXCLUDED.cache_control, updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
     RETURNING ${VERSION} AS version`,
    [buildId, key, entry.kind, entry.value, entry.value.byteLength, [...entry.tags], entry.cacheControl ? JSON.stringify(entry.cacheControl) : null, lifetime],
  );
  return Number(rows[0]?.version ?? Date.now());
}

/**
 * Records a revalidation of `tags`, as Next's own file-system cache does in memory: without durations
 * (revalidatePath, revalidateTag without a profile) the entries written before now are expired at once;
 * with durations (a cache profile) they are stale now and expire after `expire` seconds.
 */
export async function revalidateTags(db: Queryable, tags: readonly string[], durations?: { expire?: number }): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  const markStale = durations !== undefined;
  const expireSeconds = durations?.expire ?? null;
  await db.query(
    `INSERT INTO next_cache_tags AS t (tag, stale_at, expired_at, updated_at)
     SELECT tag, CASE WHEN $2::boolean THEN now() END,
            CASE WHEN $3::float8 IS NOT NULL THEN now() + make_interval(secs => $3::float8) WHEN NOT $2::boolean THEN now() END,
            now()
       FROM unnest($1::text[]) AS tag
     ON CONFLICT (tag) DO UPDATE SET stale_at = coalesce(EXCLUDED.stale_at, t.stale_at),
       expired_at = coalesce(EXCLUDED.expired_at, t.expired_at), updated_at = EXCLUDED.updated_at`,
    [unique, markStale, expireSeconds],
  );
}
