// The worker's metrics in Prometheus text format (served on WORKER_METRICS_PORT when set, and stored
// with each heartbeat for the web app): events by type, events per second, queue depth, flush latency,
// rooms by state, errors by kind, realtime publishing.
import http from 'node:http';

export class Metrics {
  private readonly events = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly flushes: number[] = [];
  private flushCount = 0;
  private flushSum = 0;
  private readonly window: { at: number; counts: Map<string, number> }[] = [];
  gauges: () => Record<string, number | Record<string, number>> = () => ({});

  countEvent(type: string): void {
    this.events.set(type, (this.events.get(type) ?? 0) + 1);
  }

  countError(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  observeFlush(seconds: number): void {
    this.flushes.push(seconds);
    if (this.flushes.length > 2000) this.flushes.shift();
    this.flushCount++;
    this.flushSum += seconds;
  }

  /** Events per second by type over the last ~10 seconds (sampled on each call). */
  rates(): Record<string, number> {
    const now = Date.now();
    this.window.push({ at: now, counts: new Map(this.events) });
    while (this.window.length > 2 && (this.window[1]?.at ?? now) < now - 10_000) this.window.shift();
    const first = this.window[0];
    const seconds = first ? (now - first.at) / 1000 : 0;
    const out: Record<string, number> = {};
    if (!first || seconds <= 0) return out;
    for (const [type, count] of this.events) out[type] = Math.round(((count - (first.counts.get(type) ?? 0)) / seconds) * 10) / 10;
    return out;
  }

  private quantile(q: number): number {
    if (this.flushes.length === 0) return 0;
    const sorted = [...this.flushes].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  }

  snapshot(): Record<string, unknown> {
    return {
      eventsTotal: Object.fromEntries(this.events),
      eventsPerSecond: this.rates(),
      errorsTotal: Object.fromEntries(this.errors),
      flush: { count: this.flushCount, p50: this.quantile(0.5), p99: this.quantile(0.99) },
      ...this.gauges(),
    };
  }

  render(): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    const label = (value: string) => value.replace(/["\\\n]/g, '_');
    family('livelens_worker_events_total', 'counter', 'Domain events handled, by type.');
    for (const [type, count] of this.events) lines.push(`livelens_worker_events_total{type="${label(type)}"} ${count}`);
    family('livelens_worker_events_per_second', 'gauge', 'Events per second over the last 10 seconds, by type.');
    for (const [type, rate] of Object.entries(this.rates())) lines.push(`livelens_worker_events_per_second{type="${label(type)}"} ${rate}`);
    family('livelens_worker_errors_total', 'counter', 'Errors, by kind.');
    for (const [kind, count] of this.errors) lines.push(`livelens_worker_errors_total{kind="${label(kind)}"} ${count}`);
    family('livelens_worker_flush_seconds', 'summary', 'Time to write one batch to Postgres.');
    for (const q of [0.5, 0.9, 0.99]) lines.push(`livelens_worker_flush_seconds{quantile="${q}"} ${this.quantile(q)}`);
    lines.push(`livelens_worker_flush_seconds_sum ${this.flushSum}`, `livelens_worker_flush_seconds_count ${this.flushCount}`);
    for (const [name, value] of Object.entries(this.gauges())) {
      family(`livelens_worker_${name}`, 'gauge', `Current ${name.replaceAll('_', ' ')}.`);
      if (typeof value === 'number') lines.push(`livelens_worker_${name} ${value}`);
      else for (const [key, v] of Object.entries(value)) lines.push(`livelens_worker_${name}{key="${label(key)}"} ${v}`);
    }
    return `${lines.join('\n')}\n`;
  }

  /** Serves GET /metrics on `host`:`port` (METRICS_HOST, loopback by default; `0` picks a free port). */
  serve(port: number, host = '127.0.0.1'): Promise<http.Server> {
    const server = http.createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end('Not found: try /metrics\n');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(this.render());
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }
}

/** The address a metrics server answers on, for the start-up log (IPv6 in brackets). */
export function metricsUrl(server: http.Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/metrics`;
}
