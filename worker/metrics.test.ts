// The metrics endpoint listens where METRICS_HOST says, and only there: by default loopback, so a worker
// on a shared host does not publish its figures to the network unless asked to.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { Metrics, metricsUrl } from '@/worker/metrics';

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
