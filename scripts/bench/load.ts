// A small closed-loop HTTP load generator for the web benchmarks: `concurrency` connections, each
// sending its next request as soon as the previous answer arrives, for a fixed time. Keep-alive, like a
// browser or a proxy in front of the app.
import http from 'node:http';
import { percentile, round } from './lib';

export type LoadResult = { path: string; requests: number; errors: number; seconds: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; statuses: Record<string, number> };

export async function runLoad(baseUrl: string, path: string, options: { concurrency: number; seconds: number; warmupSeconds?: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const url = new URL(path, baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const request = () =>
    new Promise<number>((resolve) => {
      const req = http.get(url, { agent, headers: { 'accept-encoding': 'identity', ...options.headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      req.on('error', () => resolve(0));
      req.setTimeout(10_000, () => req.destroy());
    });

  const loop = async (until: number, record: boolean, latencies: number[], statuses: Map<number, number>) => {
    while (performance.now() < until) {
      const started = performance.now();
      const status = await request();
      if (!record) continue;
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };

  const workers = (until: number, record: boolean, latencies: number[], statuses: Map<number, number>) =>
    Promise.all(Array.from({ length: options.concurrency }, () => loop(until, record, latencies, statuses)));

  await workers(performance.now() + (options.warmupSeconds ?? 2) * 1000, false, [], new Map());
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await workers(started + options.seconds * 1000, true, latencies, statuses);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const errors = [...statuses].filter(([status]) => status < 200 || status >= 400).reduce((sum, [, n]) => sum + n, 0);
  return {
    path,
    requests: latencies.length,
    errors,
    seconds: round(seconds, 2),
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    statuses: Object.fromEntries([...statuses].map(([k, v]) => [String(k), v])),
  };
}
