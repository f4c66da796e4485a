// The shared cache in front of Next, over real HTTP: a node:http server whose handler stands in for Next's
// (it answers with the headers Next sends for cached, dynamic and static pages) and counts its calls.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_STATUS_HEADER, SharedCache, sharedLifetimeMs } from './shared-cache';

const ISR = 's-maxage=60, stale-while-revalidate=31535940';
const DYNAMIC = 'private, no-cache, no-store, max-age=0, must-revalidate';
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

type Origin = (req: IncomingMessage, res: ServerResponse, call: number) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(cache: SharedCache, origin: Origin) {
  const calls: string[] = [];
  const server = http.createServer(
    cache.wrap((req, res) => {
      calls.push(req.url ?? '');
      origin(req, res, calls.length);
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(base + path, init);
    return { status: res.status, body: await res.text(), cache: res.headers.get(CACHE_STATUS_HEADER), headers: res.headers };
  };
  return { calls, get };
}

/** A page the way Next sends a cached one: headers set one by one, the body in one end(). */
const page =
  (cacheControl: string, extra: Record<string, string> = {}): Origin =>
  (req, res, call) => {
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', cacheControl);
    res.setHeader('vary', NEXT_VARY);
    for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
    res.end(`<p>${req.url} render ${call}</p>`);
  };

describe('SharedCache', () => {
  it('serves a response Next marks s-maxage from memory: same status, body and headers, one call to Next', async () => {
    const { calls, get } = await serve(new SharedCache({ ttlMs: 1000 }), page(ISR));
    const first = await get('/@luna.streams');
    const second = await get('/@luna.streams');
    expect(first).toMatchObject({ status: 200, body: '<p>/@luna.streams render 1</p>', cache: 'MISS' });
    expect(second).toMatchObject({ status: 200, body: '<p>/@luna.streams render 1</p>', cache: 'HIT' });
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('cache-control')).toBe(ISR);
    expect(second.headers.get('content-length')).toBe(String(first.body.length));
    expect(second.headers.get('age')).toBe('0');
    expect(calls).toEqual(['/@luna.streams']);
  });

  it('keeps a response for the configured time at most, and never longer than its s-maxage', async () => {
    let now = 1_000_000;
    const cache = new SharedCache({ ttlMs: 5000, now: () => now });
    const { calls, get } = await serve(cache, (req, res, call) => page(req.url === '/short' ? 's-maxage=1' : ISR)(req, res, call));
    await get('/long');
    await get('/short');
    now += 1500;
    expect((await get('/short')).cache).toBe('MISS');
    expect((await get('/long')).cache).toBe('HIT');
    now += 4000;
    expect(await get('/long')).toMatchObject({ cache: 'MISS', body: '<p>/long render 4</p>' });
    expect(calls).toEqual(['/long', '/short', '/short', '/long']);
  });

  it.each([
    ['private, no-store (a dynamic page)', DYNAMIC, {}],
    ['no Cache-Control at all', '', {}],
    ['a Set-Cookie', ISR, { 'set-cookie': 'next-auth.csrf-token=abc; Path=/; HttpOnly' }],
    ['Vary: *', ISR, { vary: '*' }],
    ['max-age without public', 'max-age=60', {}],
  ])('does not store a response with %s', async (_name, cacheControl, extra) => {
    const { calls, get } = await serve(new SharedCache({ ttlMs: 1000 }), (req, res, call) => {
      if (cacheControl) res.setHeader('cache-control', cacheControl);
      else res.removeHeader('cache-control');
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      res.end(`render ${call}`);
    });
    expect(await get('/x')).toMatchObject({ body: 'render 1', cache: 'BYPASS' });
    expect(await get('/x')).toMatchObject({ body: 'render 2', cache: 'BYPASS' });
    expect(calls).toHaveLength(2);
  });

  it('does not store errors, redirects or not-found pages', async () => {
    const { calls, get } = await serve(new SharedCache({ ttlMs: 1000 }), (req, res, call) => {
      res.statusCode = req.url === '/gone' ? 404 : req.url === '/moved' ? 307 : 500;
      res.setHeader('cache-control', ISR);
      if (res.statusCode === 307) res.setHeader('location', '/');
      res.end(`render ${call}`);
    });
    for (const path of ['/gone', '/moved', '/broken']) {
      await get(path, { redirect: 'manual' });
      expect((await get(path, { redirect: 'manual' })).cache).toBe('BYPASS');
    }
    expect(calls).toHaveLength(6);
  });

  it('passes requests a shared cache may not answer straight to Next', async () => {
    const { calls, get } = await serve(new SharedCache({ ttlMs: 1000 }), page(ISR));
    await get('/p');
    expect((await get('/p', { headers: { authorization: 'Bearer x' } })).cache).toBe('BYPASS');
    expect((await get('/p', { headers: { 'cache-control': 'no-cache' } })).cache).toBe('BYPASS');
    expect((await get('/p', { headers: { pragma: 'no-cache' } })).cache).toBe('BYPASS');
    expect((await get('/p', { headers: { range: 'bytes=0-3' } })).cache).toBe('BYPASS');
    expect((await get('/p', { method: 'POST', body: 'x' })).cache).toBe('BYPASS');
    expect((await get('/p')).cache).toBe('HIT');
    expect(calls).toHaveLength(6);
  });

  it('keeps one variant per value of the headers the response varies on (RSC payload vs HTML)', async () => {
    const { calls, get } = await serve(new SharedCache({ ttlMs: 1000 }), (req, res, call) => {
      const rsc = req.headers.rsc === '1';
      res.setHeader('cache-control', ISR);
      res.setHeader('vary', NEXT_VARY);
      res.setHeader('content-type', rsc ? 'text/x-component' : 'text/html');
      res.end(`${rsc ? 'rsc' : 'html'} ${call}`);
    });
    expect((await get('/p')).body).toBe('html 1');
    expect((await get('/p', { headers: { rsc: '1' } })).body).toBe('rsc 2');
    expect(await get('/p')).toMatchObject({ body: 'html 1', cache: 'HIT' });
    const rsc = await get('/p', { headers: { rsc: '1' } });
    expect(rsc).toMatchObject({ body: 'rsc 2', cache: 'HIT' });
    expect(rsc.headers.get('content-type')).toBe('text/x-component');
    expect((await get('/p', { headers: { 'accept-encoding': 'br' } })).body).toBe('html 3');
    expect((await get('/p?page=2')).body).toBe('html 4');
    expect(calls).toHaveLength(4);
  });

  it('stores what was sent through writeHead(status, headers) and several writes, strings and bytes', async () => {
    const { get } = await serve(new SharedCache({ ttlMs: 1000 }), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=30', 'x-from': 'writeHead' });
      res.write('caf');
      res.write(Buffer.from('é, '));
      res.write('6869', 'hex');
      res.end(new Uint8Array([33]));
    });
    const first = await get('/w');
    const second = await get('/w');
    expect(first).toMatchObject({ body: 'café, hi!', cache: 'MISS' });
    expect(second).toMatchObject({ body: 'café, hi!', cache: 'HIT' });
    expect(second.headers.get('x-from')).toBe('writeHead');
    expect(second.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('does not keep bodies over the entry limit, and stays within its total budget', async () => {
    const cache = new SharedCache({ ttlMs: 10_000, maxEntryBytes: 1000, maxTotalBytes: 4000 });
    const { calls, get } = await serve(cache, (req, res) => {
      res.setHeader('cache-control', ISR);
      res.end('x'.repeat(req.url === '/big' ? 1001 : 900));
    });
    await get('/big');
    expect((await get('/big')).cache).toBe('MISS');
    expect(calls).toHaveLength(2);
    for (let i = 0; i < 10; i++) await get(`/small${i}`);
    expect(cache.bytes).toBeLessThanOrEqual(4000);
    expect(cache.size).toBeGreaterThan(0);
    // The newest page is still there, the oldest is gone.
    expect((await get('/small9')).cache).toBe('HIT');
    expect((await get('/small0')).cache).toBe('MISS');
  });

  it('is left out entirely when its time is 0', async () => {
    const cache = new SharedCache({ ttlMs: 0 });
    const { calls, get } = await serve(cache, page(ISR));
    expect((await get('/p')).cache).toBeNull();
    expect((await get('/p')).cache).toBeNull();
    expect(calls).toHaveLength(2);
  });
});

describe('sharedLifetimeMs', () => {
  it.each([
    [200, { 'cache-control': 's-maxage=60' }, 60_000],
    [200, { 'cache-control': 'public, max-age=31536000, immutable' }, 31_536_000_000],
    [200, { 'cache-control': 'public, s-maxage=5, max-age=60' }, 5000],
    [200, { 'cache-control': 'S-MAXAGE="10"' }, 10_000],
    [200, { 'cache-control': 's-maxage=0' }, 0],
    [200, { 'cache-control': 's-maxage=60, private' }, 0],
    [200, { 'cache-control': 'max-age=60' }, 0],
    [200, { 'cache-control': 's-maxage=60', 'set-cookie': ['a=b'] }, 0],
    [200, { 'cache-control': 's-maxage=60', vary: 'Accept-Encoding, *' }, 0],
    [404, { 'cache-control': 's-maxage=60' }, 0],
  ])('status %i with %j: %i ms', (status, headers, expected) => {
    expect(sharedLifetimeMs(status, headers)).toBe(expected);
  });
});
