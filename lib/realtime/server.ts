// The server side of realtime: one Pusher SDK client (hosted Pusher or soketi), publishing helpers
// that surface the errors soketi reports in a 200 response body, and a health probe.
import 'server-only';
import Pusher from 'pusher';
import { requirePusherConfig, type PusherServerConfig } from '@/lib/env';

import type { RealtimeEventName, RealtimeEvents, RealtimeMessage } from '@/lib/realtime/contract';

export type { RealtimeMessage };

/** A message outside the contract: health checks and tests of the realtime server itself. */
export type UntypedRealtimeMessage = { channel: string; name: string; data: unknown };

/** Pusher's limit on events per batch request (soketi is configured to match). */
export const MAX_BATCH = 10;

export function createPusher(config: PusherServerConfig = requirePusherConfig()): Pusher {
  const base = { appId: config.appId, key: config.key, secret: config.secret, useTLS: config.useTLS, timeout: 5000 };
  return config.host
    ? new Pusher({ ...base, host: config.host, port: config.port === undefined ? undefined : String(config.port) })
    : new Pusher({ ...base, cluster: config.cluster });
}

const globalForRealtime = globalThis as typeof globalThis & { livelensPusher?: Pusher };

export function getPusher(): Pusher {
  globalForRealtime.livelensPusher ??= createPusher();
  return globalForRealtime.livelensPusher;
}

export class RealtimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RealtimeError';
  }
}

// soketi answers some rejections (bad batch, payload too big) with HTTP 200 and {"error": "..."}.
async function assertAccepted(response: { status: number; text(): Promise<string> }): Promise<void> {
  const body = await response.text();
  if (response.status >= 400) throw new RealtimeError(`realtime server answered ${response.status}: ${body.slice(0, 200)}`);
  if (body.includes('"error"')) {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      throw new RealtimeError(`realtime server rejected the event: ${String(parsed.error)}`);
    }
  }
}

export async function publish<N extends RealtimeEventName>(channel: string, name: N, data: RealtimeEvents[N], pusher: Pusher = getPusher()): Promise<void> {
  await assertAccepted(await pusher.trigger(channel, name, data));
}

/** An event outside the contract (the realtime server's own checks and tests). */
export async function publishUntyped(channel: string, name: string, data: unknown, pusher: Pusher = getPusher()): Promise<void> {
  await assertAccepted(await pusher.trigger(channel, name, data));
}

/** Publishes many events in as few requests as Pusher allows (10 per batch). */
export async function publishBatch(messages: readonly (RealtimeMessage | UntypedRealtimeMessage)[], pusher: Pusher = getPusher()): Promise<void> {
  for (let i = 0; i < messages.length; i += MAX_BATCH) {
    const batch = messages.slice(i, i + MAX_BATCH).map((m) => ({ channel: m.channel, name: m.name, data: m.data }));
    await assertAccepted(await pusher.triggerBatch(batch));
  }
}

export type RealtimeCheck = { ok: boolean; latencyMs: number; error?: string };

/** Asks the realtime server for its channel list: proves it is up and our credentials are accepted. */
export async function checkRealtime(pusher: Pusher = getPusher()): Promise<RealtimeCheck> {
  const started = performance.now();
  try {
    const response = await pusher.get({ path: '/channels' });
    await assertAccepted(response);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describeError(error) };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Pusher.RequestError) return `${error.message} (status ${error.status ?? 'none'})`;
  return error instanceof Error ? error.message : String(error);
}
