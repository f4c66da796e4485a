// The embedded realtime server: soketi (a Pusher-protocol server) on loopback, run as a child process
// with generated app credentials. Production uses hosted Pusher or any compatible server instead.
import { createRequire } from 'node:module';
import { ManagedChild } from './child';
import { assertPortFree } from './ports';

export type SoketiOptions = {
  port: number;
  appId: string;
  key: string;
  secret: string;
  logFile: string;
  portVariable?: string;
};

const require = createRequire(import.meta.url);

/**
 * The path of soketi's server script. soketi is a dev dependency (`npm start`, `npm run dev` and the
 * tests run it embedded); a production install (`npm install --omit=dev`) has none of it, and then this
 * says what to do instead of Node's "Cannot find module".
 */
export function soketiEntry(resolve: (id: string) => string = require.resolve): string {
  try {
    return resolve('@soketi/soketi/bin/server.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'The embedded realtime server (soketi) is not installed: it is a development dependency, left out by `npm install --omit=dev`. ' +
        'Set PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET (and PUSHER_HOST for a server other than hosted Pusher) to use your realtime server, ' +
        'or run `npm install` to get the embedded one.',
    );
  }
}

/**
 * How long a realtime connection may stay without signing in before soketi closes it. Our clients sign
 * in as soon as they connect (one request to the app); one that never does lives at most this long, so
 * it cannot outlast a revocation by more than that.
 */
export const REALTIME_SIGNIN_TIMEOUT_MS = 5000;

export class EmbeddedSoketi {
  private child: ManagedChild | undefined;

  constructor(readonly options: SoketiOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get exited(): Promise<unknown> | undefined {
    return this.child?.exited;
  }

  async start(): Promise<void> {
    const { port, appId, key, secret, logFile } = this.options;
    // soketi binds its websocket/HTTP port, a metrics port and a cluster discovery port; pin all of them
    // to loopback ports derived from ours (their defaults bind 0.0.0.0).
    const metricsPort = port + 1;
    await assertPortFree(port, this.options.portVariable ?? 'SOKETI_PORT', 'the embedded realtime server (soketi)');
    await assertPortFree(metricsPort, this.options.portVariable ?? 'SOKETI_PORT', 'the embedded realtime server metrics (soketi)');
    const entry = soketiEntry();
    this.child = new ManagedChild({
      name: 'soketi',
      command: process.execPath,
      args: [entry, 'start'],
      logFile,
      env: {
        ...process.env,
        SOKETI_DEFAULT_APP_ID: appId,
        SOKETI_DEFAULT_APP_KEY: key,
        SOKETI_DEFAULT_APP_SECRET: secret,
        SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES: 'false',
        // Every connection must sign in (Pusher user authentication) so the app can end it when its
        // access ends (lib/realtime/identity.ts); one that does not is closed after the timeout.
        SOKETI_DEFAULT_APP_USER_AUTHENTICATION: 'true',
        SOKETI_USER_AUTHENTICATION_TIMEOUT: String(REALTIME_SIGNIN_TIMEOUT_MS),
        SOKETI_HOST: '127.0.0.1',
        SOKETI_PORT: String(port),
        SOKETI_METRICS_ENABLED: 'false',
        SOKETI_METRICS_HOST: '127.0.0.1',
        SOKETI_METRICS_SERVER_PORT: String(metricsPort),
        SOKETI_CLUSTER_PORT: String(port + 2),
        SOKETI_DEBUG: '0',
        // Payloads up to 100 KB, batches up to 10 events: Pusher's own limits, so code that works here
        // also works against hosted Pusher.
        SOKETI_EVENT_MAX_SIZE_IN_KB: '100',
        SOKETI_EVENT_MAX_BATCH_SIZE: '10',
      },
    });
    await this.waitUntilReady();
  }

  private async waitUntilReady(timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child?.running) {
        throw new Error(`soketi exited while starting. Its last output (full log: ${this.options.logFile}):\n${this.child?.tail() ?? ''}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${this.options.port}/ready`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await this.stop();
    throw new Error(`soketi did not become ready within ${timeoutMs / 1000} s; see ${this.options.logFile}.`);
  }

  async stop(timeoutMs = 5000): Promise<void> {
    // soketi's graceful shutdown waits for clients to leave; a few seconds is plenty on loopback.
    await this.child?.stop('SIGTERM', timeoutMs);
    this.child = undefined;
  }
}
