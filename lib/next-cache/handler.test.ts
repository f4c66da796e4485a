// The Postgres-backed Next.js cache handler: what Next stores comes back intact (Buffers, Maps, cache
// control), two handlers over one database (two web instances) see each other's writes and revalidations,
// and the cleanup job keeps the tables bounded. A database of this file's own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';
import { createLogger } from '@/lib/logger';
import { PgCacheHandler, type NextCacheState } from '@/lib/next-cache/handler';
import { MemoryCache } from '@/lib/next-cache/memory';
import { pruneNextCache } from '@/lib/next-cache/prune';
import { packEntry, unpackEntry } from '@/lib/next-cache/serialize';
import type { Queryable } from '@/lib/next-cache/store';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';

const CTX: CacheHandlerContext = { revalidatedTags: [], _requestHeaders: {} };
const PAGE_CTX = { kind: 'APP_PAGE', isFallback: false };
const TAGS = '_N_T_/layout,_N_T_/[locale]/layout,_N_T_/[locale]/profile/[username]/page,_N_T_/en/profile/luna';

function page(html: string) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    headers: { 'x-next-cache-tags': TAGS, 'content-type': 'text/html' },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
  };
}
const CACHE_CONTROL = { revalidate: 60, expire: 31_536_000 };

/** A pool that counts the values the database sent back (to see the process's copy being used). */
function countingPool(pool: pg.Pool): Queryable & { valuesSent: number } {
  const counting = {
    valuesSent: 0,
    async query<R extends object>(text: string, values?: unknown[]) {
      const result = await pool.query<R>(text, values);
      for (const row of result.rows) if ('value' in row && row.value) counting.valuesSent += 1;
      return result;
    },
  };
  return counting;
}

describe('the shared Next.js cache handler', () => {
  let own: OwnDatabase | undefined;
  const pools: pg.Pool[] = [];
  const logged: string[] = [];
  const log = createLogger('next-cache-test', { destination: { write: (line) => void logged.push(line) } });

  /** A web instance: its own pool and its own memory over the shared database. */
  function instance(buildId = 'build-1'): { handler: PgCacheHandler; db: ReturnType<typeof countingPool> } {
    if (!own) throw new Error('the database was not created');
    const pool = new pg.Pool({ connectionString: own.url, max: 2 });
    pools.push(pool);
    const db = countingPool(pool);
    const state: NextCacheState = { db, buildId: () => buildId, memory: new MemoryCache(10 * 1024 * 1024), log };
    return { handler: new PgCacheHandler(CTX, state), db };
  }

  beforeAll(async () => {
    own = await createOwnDatabase('nextcache');
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await own?.drop();
  });

  it('packs Buffers and Maps so that they come back as Buffers and Maps', async () => {
    const value = { ...page('<p>hi</p>'), nested: [{ body: Buffer.from('é') }] };
    const packed = await packEntry(value);
    const { value: back } = await unpackEntry(packed.bytes);
    expect(back).toEqual({ ...value, postponed: undefined });
    const restored = back as ReturnType<typeof page>;
    expect(Buffer.isBuffer(restored.rscData)).toBe(true);
    expect(restored.segmentData.get('/_tree')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(packed.bytes.byteLength).toBeLessThan(packed.jsonLength);
  });

  it('serves one instance’s render to another, with its cache control', async () => {
    const a = instance();
    const b = instance();
    await a.handler.set('/route-cache/APP_PAGE/h1/$/en/profile/luna', page('<p>first</p>'), { cacheControl: CACHE_CONTROL });
    const before = Date.now();
    const got = await b.handler.get('/route-cache/APP_PAGE/h1/$/en/profile/luna', PAGE_CTX);
    expect(got?.value).toMatchObject({ kind: 'APP_PAGE', html: '<p>first</p>', status: 200 });
    expect(got?.cacheControl).toEqual(CACHE_CONTROL);
    expect(Math.abs((got?.lastModified ?? 0) - before)).toBeLessThan(5000);
    const value = got?.value as ReturnType<typeof page>;
    expect(value.rscData).toEqual(Buffer.from('rsc:<p>first</p>'));
    expect(value.segmentData.get('/_tree')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await b.handler.get('/route-cache/APP_PAGE/h1/$/en/profile/other', PAGE_CTX)).toBeNull();
  });

  it('expires an entry on every instance when one revalidates a tag of it (revalidatePath)', async () => {
    const a = instance();
    const b = instance();
    const key = '/route-cache/APP_PAGE/h2/$/en/profile/luna';
    await a.handler.set(key, page('<p>old</p>'), { cacheControl: CACHE_CONTROL });
    expect(await b.handler.get(key, PAGE_CTX)).not.toBeNull();
    expect(await a.handler.get(key, PAGE_CTX)).not.toBeNull();

    await a.handler.revalidateTag(['_N_T_/en/profile/luna']);
    expect(await b.handler.get(key, PAGE_CTX)).toBeNull();
    expect(await a.handler.get(key, PAGE_CTX)).toBeNull();

    // B renders again; A, which still holds the old copy in memory, gets the new one.
    await b.handler.set(key, page('<p>new</p>'), { cacheControl: CACHE_CONTROL });
    expect((await a.handler.get(key, PAGE_CTX))?.value).toMatchObject({ html: '<p>new</p>' });
    // A tag the entry does not carry changes nothing.
    await a.handler.revalidateTag('_N_T_/en/profile/somebody-else');
    expect((await b.handler.get(key, PAGE_CTX))?.value).toMatchObject({ html: '<p>new</p>' });
  });

  it('sends an unchanged entry once per instance, then confirms the copy it holds', async () => {
    const a = instance();
    const b = instance();
    const key = '/route-cache/APP_PAGE/h3/$/en/top';
    await a.handler.set(key, page('<p>top</p>'), { cacheControl: CACHE_CONTROL });
    for (let i = 0; i < 3; i += 1) expect((await b.handler.get(key, PAGE_CTX))?.value).toMatchObject({ html: '<p>top</p>' });
    expect(b.db.valuesSent).toBe(1);
    // The writer holds what it wrote.
    expect((await a.handler.get(key, PAGE_CTX))?.value).toMatchObject({ html: '<p>top</p>' });
    expect(a.db.valuesSent).toBe(0);
  });

  it('marks entries stale, not gone, when a tag is revalidated with a cache profile', async () => {
    const a = instance();
    const b = instance();
    const key = '/route-cache/APP_PAGE/h4/$/en/profile/nova';
    await a.handler.set(key, { ...page('<p>nova</p>'), headers: { 'x-next-cache-tags': '_N_T_/en/profile/nova,profile-nova' } }, { cacheControl: CACHE_CONTROL });
    await a.handler.revalidateTag(['profile-nova'], { expire: 3600 });
    const got = await b.handler.get(key, PAGE_CTX);
    expect(got?.value).toMatchObject({ html: '<p>nova</p>' });
    // Older than its revalidate period: Next serves it once more and renders again in the background.
    expect(got?.lastModified).toBeLessThan(Date.now() - CACHE_CONTROL.revalidate * 1000);
    // expire 0: gone at once.
    await a.handler.revalidateTag(['profile-nova'], { expire: 0 });
    expect(await b.handler.get(key, PAGE_CTX)).toBeNull();
  });

  it('checks a fetch entry’s own tags and the soft tags of the page reading it', async () => {
    const a = instance();
    const b = instance();
    const fetchValue = { kind: 'FETCH', data: { headers: {}, body: 'eyJvayI6dHJ1ZX0=', url: 'https://example.test/x', status: 200 }, revalidate: 300, tags: ['rates'] };
    await a.handler.set('fetch-key-1', fetchValue, { fetchCache: true, tags: ['rates'] });
    await a.handler.set('fetch-key-2', fetchValue, { fetchCache: true, tags: ['rates'] });
    const softTags = ['_N_T_/en/checkout'];
    expect((await b.handler.get('fetch-key-1', { kind: 'FETCH', tags: ['rates'], softTags }))?.value).toEqual(fetchValue);
    await a.handler.revalidateTag('_N_T_/en/checkout');
    expect(await b.handler.get('fetch-key-1', { kind: 'FETCH', tags: ['rates'], softTags })).toBeNull();
    expect(await b.handler.get('fetch-key-2', { kind: 'FETCH', tags: ['rates'], softTags: [] })).not.toBeNull();
    await b.handler.revalidateTag('rates');
    expect(await a.handler.get('fetch-key-2', { kind: 'FETCH', tags: ['rates'], softTags: [] })).toBeNull();
  });

  it('keeps each build’s renders to itself', async () => {
    const oldBuild = instance('build-old');
    const newBuild = instance('build-new');
    await oldBuild.handler.set('/route-cache/APP_PAGE/h5/$/en', page('<p>old build</p>'), { cacheControl: CACHE_CONTROL });
    expect(await newBuild.handler.get('/route-cache/APP_PAGE/h5/$/en', PAGE_CTX)).toBeNull();
    expect(await oldBuild.handler.get('/route-cache/APP_PAGE/h5/$/en', PAGE_CTX)).not.toBeNull();
  });

  it('answers a miss, not an error, when the database cannot be reached', async () => {
    const pool = new pg.Pool({ connectionString: 'postgresql://nobody:nothing@127.0.0.1:9/none', connectionTimeoutMillis: 500 });
    pools.push(pool);
    const state: NextCacheState = { db: pool, buildId: () => 'build-1', memory: new MemoryCache(1024), log };
    const handler = new PgCacheHandler(CTX, state);
    await expect(handler.set('/route-cache/APP_PAGE/h6/$/en', page('<p>x</p>'), { cacheControl: CACHE_CONTROL })).resolves.toBeUndefined();
    await expect(handler.get('/route-cache/APP_PAGE/h6/$/en', PAGE_CTX)).resolves.toBeNull();
    await expect(handler.revalidateTag('_N_T_/en')).resolves.toBeUndefined();
    expect(logged.some((line) => line.includes('could not write an entry'))).toBe(true);
    expect(logged.some((line) => line.includes('Could not record a cache revalidation'))).toBe(true);
  });

  it('is bounded: the cleanup job drops expired, revalidated and over-budget entries and old tags', async () => {
    if (!own) throw new Error('the database was not created');
    const db = own.db;
    await db.$executeRaw`DELETE FROM next_cache_entries`;
    await db.$executeRaw`DELETE FROM next_cache_tags`;
    const a = instance('build-prune');
    for (const name of ['one', 'two', 'three', 'four', 'five']) {
      await a.handler.set(`/route-cache/APP_PAGE/p/$/en/profile/${name}`, { ...page(`<p>${name}</p>`), headers: { 'x-next-cache-tags': `_N_T_/en/profile/${name}` } }, { cacheControl: CACHE_CONTROL });
    }
    await db.$executeRaw`UPDATE next_cache_entries SET expires_at = now() - interval '1 second' WHERE key LIKE '%/one'`;
    await a.handler.revalidateTag('_N_T_/en/profile/two');
    // Written in order: "three" is the oldest left; a budget of two entries' bytes keeps four and five.
    await db.$executeRaw`UPDATE next_cache_entries SET updated_at = updated_at - interval '1 minute' WHERE key LIKE '%/three'`;
    const sizes = await db.$queryRaw<{ size: number }[]>`SELECT size FROM next_cache_entries WHERE key LIKE '%/four' OR key LIKE '%/five'`;
    const budget = sizes.reduce((sum, row) => sum + row.size, 0);
    await db.$executeRaw`INSERT INTO next_cache_tags (tag, expired_at, updated_at) VALUES ('ancient', now() - interval '2 days', now() - interval '2 days'), ('due-later', now() + interval '1 day', now() - interval '2 days')`;

    const result = await pruneNextCache(db, new Date(), budget);
    expect(result).toEqual({ expired: 1, revalidated: 1, overBudget: 1, tags: 1 });
    const left = await db.$queryRaw<{ key: string }[]>`SELECT key FROM next_cache_entries ORDER BY key`;
    expect(left.map((row) => row.key.split('/').pop())).toEqual(['five', 'four']);
    const tags = await db.$queryRaw<{ tag: string }[]>`SELECT tag FROM next_cache_tags ORDER BY tag`;
    expect(tags.map((row) => row.tag)).toEqual(['_N_T_/en/profile/two', 'due-later']);
  });
});
