// The web server's request histogram, scraped from its own metrics port: labelled by the route pattern
// Next would route to (from a routes manifest built with Next's own route regexes) and the status class, so
// fifty different profile paths make one series. The app's handler is a stand-in for Next's request
// handler (a real Next server needs a production build, which unit tests do not make).
import http from 'node:http';
import { getRouteRegex } from 'next/dist/shared/lib/router/utils/route-regex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsUrl, parseExposition, sampleValue } from '@/lib/metrics';
import { routeMatcher, WebMetrics, type RouteManifest } from '@/tools/infra/web-metrics';

const route = (page: string) => ({ page, regex: getRouteRegex(page).re.source });
// The shape and order of `.next/routes-manifest.json`: static routes, then dynamic ones most specific first.
const MANIFEST: RouteManifest = {
  staticRoutes: [route('/api/health'), route('/api/stripe/webhook')],
  dynamicRoutes: [route('/api/accounts/[handle]'), route('/[locale]'), route('/[locale]/profile/[username]'), route('/[locale]/[...rest]')],
};

const servers: http.Server[] = [];
let appUrl = '';
let scrapeUrl = '';

beforeAll(async () => {
  const metrics = new WebMetrics({ manifest: MANIFEST });
  // Stand-in for Next's request handler: answers by path, one of them slowly.
  const app = http.createServer(
    metrics.wrap((req, res) => {
      const url = req.url ?? '/';
      if (url.startsWith('/api/health')) res.writeHead(200).end('ok');
      else if (url.startsWith('/api/stripe/webhook')) res.writeHead(req.method === 'POST' ? 400 : 405).end();
      else if (url.includes('/profile/slow')) setTimeout(() => res.writeHead(200).end('slow'), 120);
      else if (url.includes('/profile/')) res.writeHead(200).end('profile');
      else res.writeHead(404).end('not found');
    }),
  );
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  servers.push(app);
  const address = app.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  appUrl = `http://127.0.0.1:${address.port}`;
  const metricsServer = await metrics.serve(0, '127.0.0.1');
  servers.push(metricsServer);
  scrapeUrl = metricsUrl(metricsServer);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function scrape() {
  const response = await fetch(scrapeUrl);
  expect(response.status).toBe(200);
  return parseExposition(await response.text());
}

describe('web request metrics', () => {
  it('maps paths to route patterns with Next’s regexes, assets and unknown paths to fixed labels', () => {
    const match = routeMatcher(MANIFEST);
    expect(match('/api/health')).toBe('/api/health');
    expect(match('/api/health/')).toBe('/api/health');
    expect(match('/api/accounts/someone')).toBe('/api/accounts/[handle]');
    expect(match('/th/profile/someone')).toBe('/[locale]/profile/[username]');
    expect(match('/en/anything/else')).toBe('/[locale]/[...rest]');
    expect(match('/_next/static/chunks/app.js')).toBe('/_next/static');
    expect(match('/_next/image')).toBe('/_next/image');
    expect(routeMatcher(undefined)('/en')).toBe('unmatched');
  });

  it('moves the duration histogram by route pattern and status class, on the metrics port only', async () => {
    const before = await scrape();
    expect(sampleValue(before, 'livelens_web_request_duration_seconds_count')).toBe(0);
    expect(sampleValue(before, 'livelens_process_cpu_user_seconds_total')).toBeGreaterThan(0);

    for (let i = 0; i < 50; i++) expect((await fetch(`${appUrl}/en/profile/user${i}?ref=${i}`)).status).toBe(200);
    expect((await fetch(`${appUrl}/en/profile/slow`)).status).toBe(200);
    expect((await fetch(`${appUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${appUrl}/api/stripe/webhook`, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await fetch(`${appUrl}/_next/static/chunks/x.js`)).status).toBe(404);
    // The app's port does not serve the metrics.
    expect((await fetch(`${appUrl}/metrics`)).status).toBe(404);

    const after = await scrape();
    const name = 'livelens_web_request_duration_seconds_count';
    const profile = { method: 'GET', route: '/[locale]/profile/[username]', status: '2xx' };
    expect(sampleValue(after, name, profile)).toBe(51);
    expect(sampleValue(after, name, { route: '/api/health', status: '2xx' })).toBe(1);
    expect(sampleValue(after, name, { method: 'POST', route: '/api/stripe/webhook', status: '4xx' })).toBe(1);
    expect(sampleValue(after, name, { route: '/_next/static', status: '4xx' })).toBe(1);
    // /metrics on the app port is an ordinary (unknown) request to the app.
    expect(sampleValue(after, name, { route: '/[locale]', status: '4xx' })).toBe(1);
    // Fifty-one paths, one series; the slow one lies above 0.1 s, the others (on loopback) mostly below.
    expect(new Set(after.filter((s) => s.name === name).map((s) => s.labels.route)).size).toBe(5);
    const below = sampleValue(after, 'livelens_web_request_duration_seconds_bucket', { ...profile, le: '0.1' });
    expect(sampleValue(after, 'livelens_web_request_duration_seconds_bucket', { ...profile, le: '+Inf' }) - below).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'livelens_web_request_duration_seconds_sum', profile)).toBeGreaterThanOrEqual(0.12);
  });
});
