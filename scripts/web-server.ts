// The production web server that `npm start` runs, and `npm run start:web` runs alone (one of several
// instances behind a proxy; PORT, WEB_HOST and the services' settings from the environment): Next.js's request handler (the same one `next start`
// uses) behind the shared cache of tools/infra/shared-cache.ts, which serves pages Next marks as shareable
// (`s-maxage`: profile pages, static pages, built assets) from memory for up to WEB_SHARED_CACHE_MS — what a CDN
// or a reverse proxy would do in front of a self-hosted Next app. `npm run dev` still runs `next dev`.
//
//   NODE_ENV=production node tools/node/run.mjs web scripts/web-server.ts --port 3000
//
// Deliberately without the react-server condition (the `web` profile): Next loads its own React builds.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { PEER_ADDRESS_HEADER } from '@/lib/client-ip';
import { metricsUrl } from '@/lib/metrics';
import { appUrl, EnvError, parseEnv, requireDatabaseUrl, requirePusherConfig, type Env } from '@/lib/env';
import { SharedCache } from '@/tools/infra/shared-cache';
import { loadRouteManifest, WebMetrics } from '@/tools/infra/web-metrics';

const say = (message: string) => process.stdout.write(`${message}\n`);

function listenAddress(server: http.Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') return String(address);
  if (address.address === '::' || address.address === '0.0.0.0') return `localhost:${address.port}`;
  return `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/**
 * This server starts no services: `npm start` passes it the embedded ones, and `npm run start:web` needs
 * them set. Every instance behind one proxy must share AUTH_SECRET (sessions, stored secrets).
 */
function checkStandaloneSettings(env: Env): void {
  requireDatabaseUrl(env);
  requirePusherConfig(env);
  if (!env.AUTH_SECRET) {
    throw new EnvError(['AUTH_SECRET is not set. Give every web instance and worker the same one (openssl rand -base64 32); `npm start` generates it into the data folder.']);
  }
  // next-auth builds its callback URLs from NEXTAUTH_URL; the launcher sets it, a lone instance takes APP_URL.
  process.env.NEXTAUTH_URL ??= appUrl(env);
}

async function main(): Promise<void> {
  const env = parseEnv();
  checkStandaloneSettings(env);
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : env.PORT;
  const started = performance.now();
  const dir = path.resolve(import.meta.dirname, '..');
  const app = next({ dev: false, dir, port });
  await app.prepare();
  const cache = new SharedCache({ ttlMs: env.WEB_SHARED_CACHE_MS });
  const handle = app.getRequestHandler();
  // Timed outside the cache, so cache hits count as the requests they answer.
  const metrics = env.WEB_METRICS_PORT ? new WebMetrics({ manifest: loadRouteManifest(path.join(dir, '.next')) }) : undefined;
  const cached = cache.wrap((req, res) => handle(req, res));
  const serve = metrics ? metrics.wrap(cached) : cached;
  const server = http.createServer((req, res) => {
    // The connection's own address, for per-IP rate limits; whatever a client sent under this name is replaced.
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    return serve(req, res);
  });
  // Node closes an idle keep-alive connection after 5 s; a client that sends its next request on it at
  // that instant gets ECONNRESET (seen in e2e: "socket hang up" on a GET). Idle connections stay open
  // longer than the usual proxy and client idle times (60 s), as load balancers recommend of upstreams.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Every interface unless WEB_HOST says otherwise (e.g. 127.0.0.1 behind a proxy on the same machine).
    if (env.WEB_HOST) server.listen(port, env.WEB_HOST, () => resolve());
    else server.listen(port, () => resolve());
  });
  // Metrics on their own port (METRICS_HOST, loopback by default), never on the app's public one.
  const metricsServer = env.WEB_METRICS_PORT ? await metrics?.serve(env.WEB_METRICS_PORT, env.METRICS_HOST) : undefined;
  if (metricsServer) say(`Metrics on ${metricsUrl(metricsServer)}`);
  say(`✓ Ready in ${Math.round(performance.now() - started)}ms on http://${listenAddress(server)} (Next.js production server${cache.enabled ? `, shared cache ${env.WEB_SHARED_CACHE_MS} ms` : ', shared cache off'})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: closing the web server…`);
    // close() stops accepting and ends idle keep-alive connections; busy ones end after their response.
    metricsServer?.close();
    server.close(() => void app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 4000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The web server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
