// The production web server's metrics (scripts/web-server.ts): request durations as a histogram by
// method, route pattern and status class, plus the default process metrics, served on WEB_METRICS_PORT
// (bound to METRICS_HOST) — a port of its own, never the app's public one.
//
// The route label is the pattern Next routed the request to (`/[locale]/profile/[username]`), not the raw
// path, so the number of series stays bounded whatever paths clients send. Patterns come from the build's
// `.next/routes-manifest.json` (the static and dynamic routes with the regexes Next itself matches with).
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Histogram, type Registry } from 'prom-client';
import { createRegistry, serveMetrics } from '@/lib/metrics';

type ManifestRoute = { page: string; regex: string };
export type RouteManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] };

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The build's route manifest, or undefined when there is none (every request is then `unmatched`). */
export function loadRouteManifest(distDir: string): RouteManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as RouteManifest;
  } catch {
    return undefined;
  }
}

/** Maps a request path to its route pattern: static routes first, then dynamic ones in Next's order. */
export function routeMatcher(manifest: RouteManifest | undefined): (pathname: string) => string {
  const exact = new Map<string, string>();
  for (const route of manifest?.staticRoutes ?? []) exact.set(route.page, route.page);
  const dynamic = (manifest?.dynamicRoutes ?? []).map((route) => ({ page: route.page, re: new RegExp(route.regex) }));
  return (pathname) => {
    // Built assets and the image optimiser: one series each, before the locale catch-all can claim them.
    if (pathname.startsWith('/_next/')) return pathname.startsWith('/_next/image') ? '/_next/image' : '/_next/static';
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    const known = exact.get(trimmed);
    if (known) return known;
    for (const route of dynamic) if (route.re.test(trimmed)) return route.page;
    return 'unmatched';
  };
}

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export class WebMetrics {
  readonly registry: Registry;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly route: (pathname: string) => string;

  constructor(options: { manifest?: RouteManifest } = {}) {
    this.registry = createRegistry();
    this.route = routeMatcher(options.manifest);
    this.duration = new Histogram({
      name: 'livelens_web_request_duration_seconds',
      help: 'Time to answer one HTTP request, by method, route pattern and status class (aborted: the client left first).',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** `handler`, timed from the request's arrival to the response's end. */
  wrap(handler: RequestHandler): RequestHandler {
    return (req, res) => {
      const started = performance.now();
      res.once('close', () => {
        const pathname = (req.url ?? '/').split('?')[0] ?? '/';
        const method = METHODS.has(req.method ?? '') ? (req.method as string) : 'other';
        const status = res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted';
        this.duration.observe({ method, route: this.route(pathname), status }, (performance.now() - started) / 1000);
      });
      return handler(req, res);
    };
  }

  serve(port: number, host: string): Promise<http.Server> {
    return serveMetrics(this.registry, port, host);
  }
}
