// Prometheus metrics shared by the worker (worker/metrics.ts) and the production web server
// (scripts/web-server.ts): a prom-client registry with the default process metrics (CPU, memory, heap,
// event-loop lag, GC, open handles), and a small HTTP server that answers GET /metrics on its own port,
// bound to METRICS_HOST — never on the web app's public port. Latencies are histograms, not summaries,
// so the figures of several replicas add up in Prometheus (`histogram_quantile(sum by (le) (rate(…)))`).
import http from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry with the default process metrics, each series labelled with `labels` (e.g. the worker's id). */
export function createRegistry(labels: Record<string, string> = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry, prefix: 'livelens_' });
  return registry;
}

/** Serves GET /metrics from `registry` on `host`:`port` (`0` picks a free port). */
export function serveMetrics(registry: Registry, port: number, host: string, before?: () => void): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end('Not found: try /metrics\n');
      return;
    }
    before?.();
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(`Could not collect metrics: ${(error as Error).message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** The address a metrics server answers on, for the start-up log (IPv6 in brackets). */
export function metricsUrl(server: http.Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/metrics`;
}

export type Sample = { name: string; labels: Record<string, string>; value: number };

/** Parses Prometheus text exposition into samples (for tests and tools that read a scrape). */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match?.[1] || match[3] === undefined) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (pair[1]) labels[pair[1]] = (pair[2] ?? '').replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`. */
export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
