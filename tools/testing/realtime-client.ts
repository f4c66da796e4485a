// A pusher-js client (the same SDK browsers use) connected to the test realtime server. It signs in
// through the app's own POST /api/pusher/user-auth handler and has its channels approved by
// POST /api/pusher/auth, exactly as lib/realtime/use-channel.ts does in the browser.
import PusherClient from 'pusher-js';
import type { Channel } from 'pusher-js';
import { POST as authorizeRoute } from '@/app/api/pusher/auth/route';
import { POST as userAuthRoute } from '@/app/api/pusher/user-auth/route';

type AuthData = { auth: string; channel_data?: string; shared_secret?: string };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function callRoute(handler: Handler, path: string, fields: Record<string, string>, cookie?: string): Promise<{ status: number; data: unknown }> {
  const request = new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, data: response.ok ? await response.json() : null };
}

const refused = (what: string, status: number) => Object.assign(new Error(`${what} refused with ${status}`), { status });

/** `extraAuthParams` go in both authorisation requests' bodies; `cookie` is sent as their Cookie header. */
export function createTestClient(extraAuthParams: Record<string, string> = {}, cookie?: string): PusherClient {
  const client: PusherClient = new PusherClient(process.env.PUSHER_KEY ?? '', {
    cluster: 'mt1',
    wsHost: '127.0.0.1',
    wsPort: Number(process.env.PUSHER_PORT),
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    userAuthentication: {
      endpoint: '/api/pusher/user-auth',
      transport: 'ajax',
      customHandler: ({ socketId }, callback) => {
        callRoute(userAuthRoute, '/api/pusher/user-auth', { socket_id: socketId, ...extraAuthParams }, cookie)
          .then(({ status, data }) => (data ? callback(null, data as { auth: string; user_data: string }) : callback(refused('sign-in', status), null)))
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    },
    channelAuthorization: {
      endpoint: '/api/pusher/auth',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        Promise.resolve(client.user.signinDonePromise)
          .then(async () => {
            if (!client.user.user_data) throw refused('auth (not signed in)', 403);
            const { status, data } = await callRoute(authorizeRoute, '/api/pusher/auth', { socket_id: socketId, channel_name: channelName, ...extraAuthParams }, cookie);
            if (!data) throw refused('auth', status);
            callback(null, data as AuthData);
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    },
  });
  client.signin();
  return client;
}

/** Subscribes and resolves once the server confirms, or rejects with the subscription error. */
export function subscribe(client: PusherClient, channelName: string): Promise<Channel> {
  return new Promise((resolve, reject) => {
    const channel = client.subscribe(channelName);
    channel.bind('pusher:subscription_succeeded', () => resolve(channel));
    channel.bind('pusher:subscription_error', (error: { error?: string; status?: number }) => {
      // pusher-js reports custom-handler failures as { type: 'AuthError', error: message }.
      const status = error.status ?? Number(/refused with (\d+)/.exec(error.error ?? '')?.[1]);
      reject(Object.assign(new Error(`subscription to ${channelName} failed: ${error.error ?? 'unknown error'}`), { status }));
    });
  });
}

/** Resolves with the data of the next `event` on `channel`. */
export function nextEvent<T = unknown>(channel: Channel, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" event within ${timeoutMs} ms`)), timeoutMs);
    channel.bind(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** Resolves with the time it took for the server to end the client's connection (rejects after `timeoutMs`). */
export function connectionEnded(client: PusherClient, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (client.connection.state === 'disconnected' || client.connection.state === 'failed') {
      resolve(0);
      return;
    }
    const timer = setTimeout(() => reject(new Error(`the connection was still ${client.connection.state} after ${timeoutMs} ms`)), timeoutMs);
    client.connection.bind('state_change', ({ current }: { current: string }) => {
      if (current === 'disconnected' || current === 'failed' || current === 'unavailable') {
        clearTimeout(timer);
        resolve(Date.now() - started);
      }
    });
  });
}

/** A session cookie for `userId`, as next-auth sets it, backed by a real server-side session row. */
export async function sessionCookie(userId: string): Promise<string> {
  const [{ encode }, { db }, { createSession }] = await Promise.all([import('next-auth/jwt'), import('@/lib/db'), import('@/lib/auth/sessions')]);
  const sid = await createSession(db, userId, 'vitest');
  return `next-auth.session-token=${await encode({ token: { uid: userId, sid, sub: userId }, secret: process.env.AUTH_SECRET ?? '' })}`;
}
