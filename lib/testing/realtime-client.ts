// A pusher-js client (the same SDK browsers use) connected to the test realtime server, with channel
// authorization going through the app's own POST /api/pusher/auth handler.
import PusherClient from 'pusher-js';
import type { Channel } from 'pusher-js';
import { POST as authorizeRoute } from '@/app/api/pusher/auth/route';

type AuthData = { auth: string; channel_data?: string; shared_secret?: string };

/** `extraAuthParams` go in the authorization request's body; `cookie` is sent as its Cookie header. */
export function createTestClient(extraAuthParams: Record<string, string> = {}, cookie?: string): PusherClient {
  return new PusherClient(process.env.PUSHER_KEY ?? '', {
    cluster: 'mt1',
    wsHost: '127.0.0.1',
    wsPort: Number(process.env.PUSHER_PORT),
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      endpoint: '/api/pusher/auth',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        const body = new URLSearchParams({ socket_id: socketId, channel_name: channelName, ...extraAuthParams });
        const request = new Request('http://localhost/api/pusher/auth', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body: body.toString(),
        });
        authorizeRoute(request, { params: Promise.resolve({}) })
          .then(async (response) => {
            if (!response.ok) {
              callback(Object.assign(new Error(`auth refused with ${response.status}`), { status: response.status }), null);
              return;
            }
            callback(null, (await response.json()) as AuthData);
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    },
  });
}

/** Subscribes and resolves once the server confirms, or rejects with the subscription error. */
export function subscribe(client: PusherClient, channelName: string): Promise<Channel> {
  return new Promise((resolve, reject) => {
    const channel = client.subscribe(channelName);
    channel.bind('pusher:subscription_succeeded', () => resolve(channel));
    channel.bind('pusher:subscription_error', (error: { error?: string; status?: number }) => {
      // pusher-js reports custom-handler failures as { type: 'AuthError', error: message }.
      const status = error.status ?? Number(/auth refused with (\d+)/.exec(error.error ?? '')?.[1]);
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
