// The worker's metrics (prom-client), served on WORKER_METRICS_PORT when set (bound to METRICS_HOST) and
// summarised with each heartbeat for the web app. Histograms, so several workers' figures aggregate:
//   livelens_worker_event_store_seconds      an event's time from the room to a committed row
//   livelens_worker_flush_seconds            one batch's write to Postgres
//   livelens_worker_batch_size               events per batch written
//   livelens_worker_fanout_publish_seconds   one publish request to the realtime server
// Counters: events by type, errors by kind, rooms connected, reconnects; gauges: events per second by type,
// and whatever `gauges()` reports (queue depth, rooms live, …); plus the default process metrics.
import type http from 'node:http';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createRegistry, metricsUrl, serveMetrics } from '@/lib/metrics';

export { metricsUrl };

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const BATCH_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/** Error kinds are metric labels: kept to a short, fixed vocabulary (the message goes to the log). */
const errorKind = (kind: string) => kind.replace(/[^\w -]/g, '_').slice(0, 40);

export class Metrics {
  readonly registry: Registry;
  private readonly events = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly flushes: number[] = [];
  private flushCount = 0;
  private readonly window: { at: number; counts: Map<string, number> }[] = [];
  private readonly eventCounter: Counter<'type'>;
  private readonly eventChildren = new Map<string, { inc(): void }>();
  private readonly errorCounter: Counter<'kind'>;
  private readonly flushSeconds: Histogram;
  private readonly batchSize: Histogram;
  private readonly storeSeconds: Histogram;
  private readonly publishSeconds: Histogram<'outcome'>;
  private readonly roomsConnected: Counter;
  private readonly reconnects: Counter;
  private readonly eventRate: Gauge<'type'>;
  private readonly reported = new Map<string, Gauge<string>>();
  gauges: () => Record<string, number | Record<string, number>> = () => ({});

  constructor(labels: Record<string, string> = {}) {
    this.registry = createRegistry(labels);
    const registers = [this.registry];
    this.eventCounter = new Counter({ name: 'livelens_worker_events_total', help: 'Domain events handled, by type.', labelNames: ['type'], registers });
    this.errorCounter = new Counter({ name: 'livelens_worker_errors_total', help: 'Errors, by kind.', labelNames: ['kind'], registers });
    this.flushSeconds = new Histogram({ name: 'livelens_worker_flush_seconds', help: 'Time to write one batch to Postgres.', buckets: LATENCY_BUCKETS, registers });
    this.batchSize = new Histogram({ name: 'livelens_worker_batch_size', help: 'Events in one batch written to Postgres.', buckets: BATCH_BUCKETS, registers });
    this.storeSeconds = new Histogram({ name: 'livelens_worker_event_store_seconds', help: 'Time from an event arriving from its room to its row being committed.', buckets: LATENCY_BUCKETS, registers });
    this.publishSeconds = new Histogram({ name: 'livelens_worker_fanout_publish_seconds', help: 'Time of one publish request (up to 10 messages) to the realtime server, by outcome.', labelNames: ['outcome'], buckets: LATENCY_BUCKETS, registers });
    this.roomsConnected = new Counter({ name: 'livelens_worker_rooms_connected_total', help: 'Rooms that connected and went live (first connections and reconnections).', registers });
    this.reconnects = new Counter({ name: 'livelens_worker_reconnects_total', help: 'Connections dropped mid-live and retried.', registers });
    this.eventRate = new Gauge({ name: 'livelens_worker_events_per_second', help: 'Events per second over the last 10 seconds, by type.', labelNames: ['type'], registers });
  }

  countEvent(type: string): void {
    this.events.set(type, (this.events.get(type) ?? 0) + 1);
    let child = this.eventChildren.get(type);
    if (!child) this.eventChildren.set(type, (child = this.eventCounter.labels(type)));
    child.inc();
  }

  countError(kind: string): void {
    const label = errorKind(kind);
    this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
    this.errorCounter.inc({ kind: label });
  }

  observeFlush(seconds: number): void {
    this.flushes.push(seconds);
    if (this.flushes.length > 2000) this.flushes.shift();
    this.flushCount++;
    this.flushSeconds.observe(seconds);
  }

  /** A committed batch: its size, its write time and each event's wait since it was queued (performance.now() times). */
  observeCommit(batch: readonly { queuedAt: number }[], committedAt: number, flushMs: number): void {
    this.observeFlush(flushMs / 1000);
    this.batchSize.observe(batch.length);
    for (const item of batch) this.storeSeconds.observe(Math.max(0, committedAt - item.queuedAt) / 1000);
  }

  observePublish(seconds: number, ok: boolean): void {
    this.publishSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
    if (!ok) this.countError('publish');
  }

  roomConnected(): void {
    this.roomsConnected.inc();
  }

  roomReconnecting(): void {
    this.reconnects.inc();
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

  /** The heartbeat's summary (stored in the database for the web app's health page). */
  snapshot(): Record<string, unknown> {
    return {
      eventsTotal: Object.fromEntries(this.events),
      eventsPerSecond: this.rates(),
      errorsTotal: Object.fromEntries(this.errors),
      flush: { count: this.flushCount, p50: this.quantile(0.5), p99: this.quantile(0.99) },
      ...this.gauges(),
    };
  }

  /** Brings the sampled gauges up to date (before each scrape). */
  private refreshGauges(): void {
    this.eventRate.reset();
    for (const [type, rate] of Object.entries(this.rates())) this.eventRate.set({ type }, rate);
    for (const [name, value] of Object.entries(this.gauges())) {
      const metricName = `livelens_worker_${name.replace(/\W/g, '_')}`;
      let gauge = this.reported.get(metricName);
      if (!gauge) {
        gauge = new Gauge({ name: metricName, help: `Current ${name.replaceAll('_', ' ')}.`, labelNames: typeof value === 'number' ? [] : ['key'], registers: [this.registry] });
        this.reported.set(metricName, gauge);
      }
      gauge.reset();
      if (typeof value === 'number') gauge.set(value);
      else for (const [key, v] of Object.entries(value)) gauge.set({ key }, v);
    }
  }

  /** Prometheus text exposition of every metric. */
  async render(): Promise<string> {
    this.refreshGauges();
    return this.registry.metrics();
  }

  /** Serves GET /metrics on `host`:`port` (METRICS_HOST, loopback by default; `0` picks a free port). */
  serve(port: number, host = '127.0.0.1'): Promise<http.Server> {
    return serveMetrics(this.registry, port, host, () => this.refreshGauges());
  }
}
