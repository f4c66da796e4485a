// Next.js's incremental cache (ISR pages such as /@handle, cached route responses, fetch data) kept in
// Postgres, so that every web instance serves the same renders and a revalidatePath on one instance is seen
// by all (issue 17, item 3). next.config.ts names cache-handler.mjs, which loads this file; see docs/deploy.md.
//
// Each read is one query that also checks the entry's tags against the revalidations every instance has
// recorded, so an instance learns of another's revalidatePath on its next read of that page. The value is
// sent only when it differs from the copy this process already holds (an LRU of Next's
// `cacheMaxMemorySize`), so a page that did not change costs a small round trip, not its bytes.
//
// No `server-only` marker: Next imports this module with Node's own import(), outside its bundles, where
// that package throws. It is never imported by app code.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import type { CacheControl } from 'next/dist/server/lib/cache-control';
import type { OutgoingHttpHeaders } from 'node:http';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache';
import { getEnv } from '../env';
import { createLogger, type Logger } from '../logger';
import { MemoryCache } from './memory';
import { packEntry, unpackEntry } from './serialize';
import { MAX_ENTRY_BYTES, readEntry, revalidateTags, writeEntry, type Queryable } from './store';

// What the handler reads of Next's arguments (wider than Next's own types, whose `kind` is a const enum
// that plain strings cannot be written as).
type GetContext = { readonly kind: string; readonly tags?: string[]; readonly softTags?: string[] };
type SetContext = { readonly kind?: string; readonly fetchCache?: boolean; readonly tags?: string[]; readonly cacheControl?: CacheControl };
type CacheValue = { readonly kind: string; readonly headers?: OutgoingHttpHeaders };

/** Where the handler keeps things: the database, the build it serves, this process's copies of entries. */
export type NextCacheState = { db: Queryable | null; buildId: () => string; memory: MemoryCache; log: Logger; lastFailureLogAt?: number };

/** The header in which Next records a page's or route's cache tags (the `_N_T_/…` path tags included). */
const TAGS_HEADER = 'x-next-cache-tags';
/** Connections of each web instance for the cache, besides the Prisma pool. */
export const NEXT_CACHE_POOL_SIZE = 4;
const DEFAULT_MEMORY_BYTES = 50 * 1024 * 1024;
const FAILURE_LOG_INTERVAL_MS = 60_000;

const globalForCache = globalThis as typeof globalThis & { livelensNextCache?: Map<string, NextCacheState> };

function readBuildId(serverDistDir: string | undefined): () => string {
  let known: string | undefined;
  return () => {
    if (known) return known;
    try {
      known = fs.readFileSync(path.join(serverDistDir ?? '.next/server', '..', 'BUILD_ID'), 'utf8').trim();
      return known;
    } catch {
      // During `next build` the id may not be written yet; entries written then are not read at run time.
      return 'unbuilt';
    }
  };
}

/** One pool and one memory per process (Next makes a handler per request). */
function processState(ctx: CacheHandlerContext): NextCacheState {
  const key = ctx.serverDistDir ?? '';
  globalForCache.livelensNextCache ??= new Map();
  const existing = globalForCache.livelensNextCache.get(key);
  if (existing) return existing;
  const log = createLogger('next-cache');
  const url = getEnv().DATABASE_URL;
  let db: pg.Pool | null = null;
  if (url) {
    db = new pg.Pool({
      connectionString: url,
      max: NEXT_CACHE_POOL_SIZE,
      application_name: 'livelens-next-cache',
      // A cache that cannot answer quickly is a miss, not a stalled page. The query timeout is the
      // client's: a `statement_timeout` startup parameter would be refused by PgBouncer.
      connectionTimeoutMillis: 2000,
      query_timeout: 5000,
    });
    // An idle connection the server dropped must not crash the process; the pool replaces it.
    db.on('error', () => undefined);
  } else {
    log.error('DATABASE_URL is not set: pages are rendered on every request (this build was made with the shared cache).');
  }
  const state: NextCacheState = {
    db,
    buildId: readBuildId(ctx.serverDistDir),
    memory: new MemoryCache(ctx.maxMemoryCacheSize ?? DEFAULT_MEMORY_BYTES),
    log,
  };
  globalForCache.livelensNextCache.set(key, state);
  return state;
}

function tagsOf(data: CacheValue | null, ctx: SetContext): string[] {
  if (ctx.fetchCache) return ctx.tags ?? [];
  const header = data?.headers?.[TAGS_HEADER];
  if (typeof header !== 'string' || header === '') return [];
  return header.split(',');
}

/**
 * The `lastModified` that makes Next treat an entry as stale (served once more while it renders again in
 * the background): older than its revalidate period. Null when the entry has no period, so it must render now.
 */
function staleLastModified(kind: string, cacheControl: CacheControl | undefined): number | null {
  if (kind === 'FETCH') return 1;
  const revalidate = cacheControl?.revalidate;
  return typeof revalidate === 'number' ? Date.now() - revalidate * 1000 - 1 : null;
}

export class PgCacheHandler implements CacheHandler {
  private readonly state: NextCacheState;

  constructor(ctx: CacheHandlerContext, state: NextCacheState = processState(ctx)) {
    this.state = state;
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const { db, memory } = this.state;
    if (!db) return null;
    const extraTags = [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
    const buildId = this.state.buildId();
    const memoryKey = `${buildId}\u0000${key}`;
    const held = memory.get(memoryKey);
    try {
      const stored = await readEntry(db, buildId, key, extraTags, held?.version);
      if (!stored) {
        memory.delete(memoryKey);
        return null;
      }
      if (stored.expired) return null;
      let value: IncrementalCacheValue | null;
      if (stored.value) {
        const unpacked = await unpackEntry(stored.value);
        value = unpacked.value as IncrementalCacheValue | null;
        memory.set(memoryKey, { version: stored.version, value, bytes: unpacked.jsonLength });
      } else if (held) {
        value = held.value as IncrementalCacheValue | null;
      } else {
        return null;
      }
      const lastModified = stored.stale ? staleLastModified(ctx.kind, stored.cacheControl) : stored.version;
      if (lastModified === null) return null;
      return { lastModified, value, cacheControl: stored.cacheControl };
    } catch (error) {
      this.reportFailure('read', error);
      return null;
    }
  }

  async set(key: string, data: CacheValue | null, ctx: SetContext): Promise<void> {
    const { db, memory } = this.state;
    if (!db) return;
    const kind = data?.kind ?? (ctx.fetchCache ? 'FETCH' : (ctx.kind ?? 'EMPTY'));
    const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl;
    const buildId = this.state.buildId();
    const memoryKey = `${buildId}\u0000${key}`;
    try {
      const packed = await packEntry(data);
      if (packed.bytes.byteLength > MAX_ENTRY_BYTES) {
        memory.delete(memoryKey);
        this.state.log.warn('A cache entry is too large to share; it is rendered again instead.', { key, bytes: packed.bytes.byteLength });
        return;
      }
      const version = await writeEntry(db, buildId, key, { kind, value: packed.bytes, tags: tagsOf(data, ctx), cacheControl });
      memory.set(memoryKey, { version, value: data, bytes: packed.jsonLength });
    } catch (error) {
      memory.delete(memoryKey);
      this.reportFailure('write', error);
    }
  }

  async revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> {
    const { db } = this.state;
    if (!db) return;
    try {
      await revalidateTags(db, typeof tags === 'string' ? [tags] : tags, durations);
    } catch (error) {
      // The other instances keep their copy until it expires by time (the page's revalidate period).
      this.state.log.error('Could not record a cache revalidation; other web instances will not see it.', { tags, error: String(error) });
    }
  }

  resetRequestCache(): void {}

  /** A database outage would otherwise log on every request (a handler lives for one request: the time is the process's). */
  private reportFailure(operation: string, error: unknown): void {
    const now = Date.now();
    if (now - (this.state.lastFailureLogAt ?? 0) < FAILURE_LOG_INTERVAL_MS) return;
    this.state.lastFailureLogAt = now;
    this.state.log.warn(`The shared Next.js cache could not ${operation} an entry; the page is rendered instead.`, { error: error instanceof Error ? error.message : String(error) });
  }
}

export default PgCacheHandler;
