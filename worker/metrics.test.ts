// The metrics endpoint listens where METRICS_HOST says, and only there: by default loopback, so a worker
// on a shared host does not publish its figures to the network unless asked to. A scrape after a replay
// through the production chain (Postgres and soketi from the test setup) shows the pipeline's histograms
// moved by exactly the events written.
import type http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseEnv, requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { parseExposition, sampleValue, type Sample } from '@/lib/metrics';
import { createPusher } from '@/lib/realtime/server';
import { uniqueSuffix } from '@/tools/testing/factories';
import { Metrics, metricsUrl } from '@/worker/metrics';
import { runReplay } from '@/worker/replay-run';

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serveWith(source: Record<string, string>): Promise<{ server: http.Server; port: number }> {
  const env = parseEnv(source);
  const metrics = new Metrics();
  metrics.countEvent('gift');
  const server = await metrics.serve(0, env.METRICS_HOST);
  servers.push(server);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

async function reach(url: string): Promise<number | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return response.status;
  } catch (error) {
    return ((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).message;
  }
}

describe('worker metrics bind address', () => {
  it('listens on loopback by default', async () => {
    const { server, port } = await serveWith({});
    expect(metricsUrl(server)).toBe(`http://127.0.0.1:${port}/metrics`);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('livelens_worker_events_total{type="gift"} 1');
  });

  it('listens on METRICS_HOST and not elsewhere', async () => {
    // 127.0.0.2 is another loopback address on Linux: a listener bound to it alone refuses 127.0.0.1.
    const { server, port } = await serveWith({ METRICS_HOST: '127.0.0.2' });
    expect(metricsUrl(server)).toBe(`http://127.0.0.2:${port}/metrics`);
    expect(await reach(`http://127.0.0.2:${port}/metrics`)).toBe(200);
    expect(await reach(`http://127.0.0.1:${port}/metrics`)).toBe('ECONNREFUSED');
  });

  it('listens on every interface with 0.0.0.0', async () => {
    const { port } = await serveWith({ METRICS_HOST: '0.0.0.0' });
    expect(await reach(`http://127.0.0.1:${port}/metrics`)).toBe(200);
    expect(await reach(`http://127.0.0.2:${port}/metrics`)).toBe(200);
  });
});

async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseExposition(await response.text());
}

describe('worker metrics after work', () => {
  it('moves the store, batch, flush and publish histograms by what a replay wrote and published', async () => {
    const metrics = new Metrics();
    const server = await metrics.serve(0);
    servers.push(server);
    const url = metricsUrl(server);
    const before = await scrape(url);
    expect(sampleValue(before, 'livelens_worker_event_store_seconds_count')).toBe(0);
    // Default process metrics come with every scrape.
    expect(sampleValue(before, 'livelens_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(before.some((s) => s.name === 'livelens_nodejs_eventloop_lag_seconds')).toBe(true);

    const handle = `metrics.${uniqueSuffix()}`;
    const file = path.join(import.meta.dirname, 'fixtures', 'small-evening.jsonl');
    const result = await runReplay({ file, handle, speed: 'max', db, databaseUrl: requireDatabaseUrl(), pusher: createPusher(), metrics, log: createLogger('metrics-test') });
    const stored = (await db.gift.count({ where: { liveId: BigInt(result.totals.liveId) } })) + (await db.chat.count({ where: { liveId: BigInt(result.totals.liveId) } }));
    const after = await scrape(url);

    const written = sampleValue(after, 'livelens_worker_event_store_seconds_count');
    // One observation per committed event, and the batch sizes add up to the same number.
    expect(written).toBeGreaterThanOrEqual(stored);
    expect(sampleValue(after, 'livelens_worker_batch_size_sum')).toBe(written);
    expect(sampleValue(after, 'livelens_worker_event_store_seconds_bucket', { le: '+Inf' })).toBe(written);
    const flushes = sampleValue(after, 'livelens_worker_flush_seconds_count');
    expect(flushes).toBeGreaterThan(0);
    expect(sampleValue(after, 'livelens_worker_batch_size_count')).toBe(flushes);
    expect(sampleValue(after, 'livelens_worker_flush_seconds_sum')).toBeGreaterThan(0);
    // Buckets are cumulative: each le holds at least the one below it.
    const buckets = after.filter((s) => s.name === 'livelens_worker_flush_seconds_bucket').map((s) => s.value);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(sampleValue(after, 'livelens_worker_fanout_publish_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'livelens_worker_events_total', { type: 'gift' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'livelens_worker_events_total', { type: 'chat' })).toBe(await db.chat.count({ where: { liveId: BigInt(result.totals.liveId) } }));
  }, 60_000);

  it('counts rooms connected, reconnects and errors by a bounded kind', async () => {
    const metrics = new Metrics();
    metrics.roomConnected();
    metrics.roomConnected();
    metrics.roomReconnecting();
    metrics.countError('connect');
    metrics.observePublish(0.2, false);
    metrics.gauges = () => ({ queue_depth: 7, rooms: { live: 2 } });
    const samples = parseExposition(await metrics.render());
    expect(sampleValue(samples, 'livelens_worker_rooms_connected_total')).toBe(2);
    expect(sampleValue(samples, 'livelens_worker_reconnects_total')).toBe(1);
    expect(sampleValue(samples, 'livelens_worker_errors_total', { kind: 'publish' })).toBe(1);
    expect(sampleValue(samples, 'livelens_worker_fanout_publish_seconds_bucket', { outcome: 'failed', le: '0.25' })).toBe(1);
    expect(sampleValue(samples, 'livelens_worker_fanout_publish_seconds_bucket', { outcome: 'failed', le: '0.1' })).toBe(0);
    expect(sampleValue(samples, 'livelens_worker_queue_depth')).toBe(7);
    expect(sampleValue(samples, 'livelens_worker_rooms', { key: 'live' })).toBe(2);
  });
});
