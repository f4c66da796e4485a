import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchProfile, MAX_PROFILE_PAGE_BYTES } from '@/lib/tiktok/fetch-profile';

function readFixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

const pages: Record<string, string> = {
  '/@luna.bakes': readFixture('normal-account.html'),
  '/@nova.quinn': readFixture('verified-large-account.html'),
  '/@pixelpip_': readFixture('zero-videos.html'),
  '/@ghost.account.x': readFixture('missing-user.html'),
  '/@quiet.corner': readFixture('private-account.html'),
  '/@retro.reels': readFixture('old-sigi-state.html'),
  '/@bot.checked': readFixture('captcha.html'),
};

// A huge page whose profile JSON comes first, as on the real site, followed by megabytes of markup.
const hugeProfilePage = readFixture('zero-videos.html').replaceAll('pixelpip_', 'huge.page').replace('</body>', `${'<div class="x"></div>'.repeat(400_000)}</body>`);
// A huge page whose profile JSON only starts beyond the cap.
const hugeLatePage = `<html><body>${'<p>padding</p>'.repeat(500_000)}${readFixture('zero-videos.html')}`;

function portOf(listening: http.Server): number {
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP server');
  return address.port;
}

type SeenRequest = { path: string; headers: http.IncomingHttpHeaders };
const seen: SeenRequest[] = [];
let server: http.Server;
let baseUrl: string;

function handleRequest(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  seen.push({ path: url.pathname + url.search, headers: request.headers });
  const page = pages[url.pathname];
  if (url.pathname === '/@luna.bakes' && !url.searchParams.has('lang')) {
    // TikTok often redirects to the same profile with tracking parameters added.
    response.writeHead(302, { location: '/@luna.bakes?lang=en' }).end();
  } else if (page !== undefined) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else if (url.pathname === '/@slow.loris') {
    // Never answers: the client's timeout has to end the request.
  } else if (url.pathname === '/@half.page') {
    // Sends the headers and part of the page, then stalls: the timeout must also cover the body.
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('<html><head><title>x</title>');
  } else if (url.pathname === '/@overloaded') {
    response.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
  } else if (url.pathname === '/@too.many') {
    response.writeHead(429, { 'retry-after': '60' }).end('slow down');
  } else if (url.pathname === '/@waf.blocked') {
    response.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Access Denied</h1>');
  } else if (url.pathname === '/@huge.page') {
    response.writeHead(200, { 'content-type': 'text/html' }).end(hugeProfilePage);
  } else if (url.pathname === '/@huge.late') {
    response.writeHead(200, { 'content-type': 'text/html' }).end(hugeLatePage);
  } else {
    response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  }
}

beforeAll(async () => {
  server = http.createServer(handleRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${portOf(server)}`;
});

afterAll(async () => {
  // The hanging routes keep their sockets open; close them so the server can stop.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = () => ({ baseUrl, timeoutMs: 5000 });

describe('fetchProfile against a local server serving saved pages', () => {
  it('fetches and parses a profile, following redirects and sending browser headers', async () => {
    const result = await fetchProfile('luna.bakes', options());
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.profile).toMatchObject({ handle: 'luna.bakes', tiktokUserId: '6838201945312470021', followers: BigInt(184203), hearts: BigInt(4821907) });

    const requests = seen.filter((r) => r.path.startsWith('/@luna.bakes'));
    expect(requests.map((r) => r.path)).toEqual(['/@luna.bakes', '/@luna.bakes?lang=en']);
    expect(requests[0]?.headers['user-agent']).toMatch(/^Mozilla\/5\.0 \(Windows NT 10\.0; Win64; x64\).*Chrome\/\d+/);
    expect(requests[0]?.headers['accept-language']).toBe('en-US,en;q=0.9');
    expect(requests[0]?.headers['accept']).toContain('text/html');
  });

  it('normalises the handle it is given and tolerates a trailing slash on the base URL', async () => {
    const result = await fetchProfile('@Nova.Quinn', { baseUrl: `${baseUrl}/`, timeoutMs: 5000 });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.profile.handle).toBe('nova.quinn');
    expect(result.profile.hearts).toBe(BigInt('13405000000'));
    expect(seen.some((r) => r.path === '/@nova.quinn')).toBe(true);
  });

  it('returns every page kind from the saved pages', async () => {
    const zero = await fetchProfile('pixelpip_', options());
    expect(zero.kind === 'ok' && zero.profile.videos).toBe(BigInt(0));
    const sigi = await fetchProfile('retro.reels', options());
    expect(sigi.kind === 'ok' && sigi.profile.followers).toBe(BigInt(40117));
    const hidden = await fetchProfile('quiet.corner', options());
    expect(hidden.kind).toBe('private');
    expect(hidden.kind === 'private' && hidden.profile?.followers).toBe(BigInt(1893));
    expect(await fetchProfile('ghost.account.x', options())).toEqual({ kind: 'not_found' });
    expect(await fetchProfile('bot.checked', options())).toEqual({ kind: 'blocked', reason: 'captcha or verification page' });
  });

  it('maps HTTP statuses: 404 to not_found, 503 and 429 to network with the status, 403 to blocked', async () => {
    expect(await fetchProfile('no.such.page', options())).toEqual({ kind: 'not_found' });
    expect(await fetchProfile('overloaded', options())).toEqual({ kind: 'network', reason: 'TikTok answered HTTP 503', status: 503 });
    expect(await fetchProfile('too.many', options())).toEqual({ kind: 'network', reason: 'TikTok answered HTTP 429', status: 429 });
    expect(await fetchProfile('waf.blocked', options())).toEqual({ kind: 'blocked', reason: 'TikTok answered HTTP 403' });
  });

  it('gives up after the timeout when the server never answers, or stalls mid-page', async () => {
    for (const handle of ['slow.loris', 'half.page']) {
      const started = performance.now();
      const result = await fetchProfile(handle, { baseUrl, timeoutMs: 300 });
      const elapsed = performance.now() - started;
      expect(result, handle).toEqual({ kind: 'network', reason: 'timed out after 300 ms' });
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(3000);
    }
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await fetchProfile('slow.loris', { baseUrl, timeoutMs: 5000, signal: controller.signal })).toEqual({ kind: 'network', reason: 'cancelled' });
  });

  it('reads at most about 5 MB of a page', async () => {
    expect(hugeProfilePage.length).toBeGreaterThan(MAX_PROFILE_PAGE_BYTES);
    const early = await fetchProfile('huge.page', options());
    expect(early.kind === 'ok' && early.profile).toMatchObject({ handle: 'huge.page', followers: BigInt(3), videos: BigInt(0) });

    const late = await fetchProfile('huge.late', options());
    expect(late).toEqual({ kind: 'blocked', reason: `no profile data in the page (page cut at ${MAX_PROFILE_PAGE_BYTES} bytes)` });
  });

  it('reports connection failures as network errors without throwing', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const refused = await fetchProfile('luna.bakes', { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5000 });
    expect(refused.kind).toBe('network');
    if (refused.kind === 'network') expect(refused.reason).toMatch(/ECONNREFUSED|fetch failed/);

    expect((await fetchProfile('luna.bakes', { baseUrl: 'not a url', timeoutMs: 5000 })).kind).toBe('network');
    expect((await fetchProfile('luna.bakes', { baseUrl, timeoutMs: -1 })).kind).toBe('network');
  });

  it('uses the injected fetch and never puts an invalid handle in the URL', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = (input) => {
      calls.push(input instanceof Request ? input.url : input.toString());
      return Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND www.tiktok.com') }));
    };
    const result = await fetchProfile('luna.bakes', { baseUrl: 'https://www.tiktok.com', timeoutMs: 1000, fetchImpl: fakeFetch });
    expect(result).toEqual({ kind: 'network', reason: 'fetch failed: getaddrinfo ENOTFOUND www.tiktok.com' });
    expect(calls).toEqual(['https://www.tiktok.com/@luna.bakes']);

    expect(await fetchProfile('../admin', { baseUrl: 'https://www.tiktok.com', timeoutMs: 1000, fetchImpl: fakeFetch })).toEqual({ kind: 'not_found' });
    expect(calls).toHaveLength(1);
  });
});
