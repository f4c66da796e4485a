'use client';
// Subscribes a page to its private channels with pusher-js and reports the connection state, so the page
// can say when live updates stop and fall back to polling. The connection first signs in
// (POST /api/pusher/user-auth: the session cookie for the dashboard, the overlay token for overlays) and
// only then asks for its channels (POST /api/pusher/auth). When the server ends the connection (access
// revoked, or the realtime server restarting) it reconnects after a pause; a refused sign-in is final
// for this mount ('denied').
import PusherClient from 'pusher-js';
import { useEffect, useRef, useState } from 'react';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import type { RealtimeEventName, RealtimeHandlers } from '@/lib/realtime/contract';

export type RealtimeState = 'connecting' | 'connected' | 'unavailable' | 'denied';
export type { RealtimeHandlers };

const isEventName = (name: string, handlers: RealtimeHandlers): name is RealtimeEventName => name in handlers;

const RECONNECT_MS = [1_000, 3_000, 10_000, 30_000];

type AuthData = { auth: string; channel_data?: string; shared_secret?: string };

async function postForm(url: string, fields: Record<string, string>): Promise<{ status: number; data: AuthData | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), credentials: 'same-origin' });
  return { status: response.status, data: response.ok ? ((await response.json()) as AuthData) : null };
}

export function useRealtime(config: PublicRealtimeConfig, channelNames: readonly string[], handlers: RealtimeHandlers, authParams?: Record<string, string>): RealtimeState {
  const [state, setState] = useState<RealtimeState>('connecting');
  const [generation, setGeneration] = useState(0);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const paramsKey = JSON.stringify(authParams ?? {});
  const channelsKey = JSON.stringify(channelNames);

  useEffect(() => {
    const params = JSON.parse(paramsKey) as Record<string, string>;
    const names = JSON.parse(channelsKey) as string[];
    let closing = false;
    let denied = false;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    const client: PusherClient = new PusherClient(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost,
      wsPort: config.wsPort,
      wssPort: config.wsPort,
      forceTLS: config.forceTLS,
      enabledTransports: ['ws', 'wss'],
      disableStats: true,
      userAuthentication: {
        endpoint: '/api/pusher/user-auth',
        transport: 'ajax',
        customHandler: ({ socketId }, callback) => {
          postForm('/api/pusher/user-auth', { socket_id: socketId, ...params })
            .then(({ status, data }) => {
              if (!data) {
                if (status === 401 || status === 403 || status === 404) {
                  denied = true;
                  setState('denied');
                }
                callback(new Error(`sign-in refused with ${status}`), null);
                return;
              }
              callback(null, data as { auth: string; user_data: string });
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
        },
      },
      channelAuthorization: {
        endpoint: '/api/pusher/auth',
        transport: 'ajax',
        customHandler: ({ socketId, channelName }, callback) => {
          // Channels are approved for the connection's identity, so they wait for the sign-in.
          Promise.resolve(client.user.signinDonePromise)
            .then(() => {
              if (!client.user.user_data) throw new Error('not signed in');
              return postForm('/api/pusher/auth', { socket_id: socketId, channel_name: channelName, ...params });
            })
            .then(({ status, data }) => (data ? callback(null, data) : callback(new Error(`subscription refused with ${status}`), null)))
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
        },
      },
    });
    client.signin();
    const channels = names.map((name) => client.subscribe(name));
    const subscribed = new Set<string>();
    for (const channel of channels) {
      channel.bind('pusher:subscription_error', () => {
        if (closing) return;
        denied = true;
        setState('denied');
      });
      channel.bind('pusher:subscription_succeeded', () => {
        subscribed.add(channel.name);
        if (subscribed.size === channels.length && !denied) setState('connected');
      });
      channel.bind_global((event: string, data: unknown) => {
        const current = latest.current;
        if (event.startsWith('pusher:') || !isEventName(event, current)) return;
        // The server publishes through the same contract (lib/realtime/contract.ts), so the data has its
        // event's type; a handler receives it as that.
        (current[event] as ((payload: unknown, channel: string) => void) | undefined)?.(data, channel.name);
      });
    }
    client.connection.bind('state_change', ({ current }: { current: string }) => {
      if (denied || closing) return;
      if (current === 'connected') setState(subscribed.size === channels.length ? 'connected' : 'connecting');
      else if (current === 'connecting' || current === 'initialized') setState('connecting');
      else {
        setState('unavailable');
        subscribed.clear();
        // 'disconnected' without our asking: the server ended the connection. Start afresh a bit later.
        if (current === 'disconnected') reconnectTimer = setTimeout(() => setGeneration((n) => n + 1), RECONNECT_MS[Math.min(generation, RECONNECT_MS.length - 1)]);
      }
    });
    return () => {
      closing = true;
      clearTimeout(reconnectTimer);
      for (const channel of channels) channel.unbind_all();
      client.disconnect();
    };
  }, [config.key, config.cluster, config.wsHost, config.wsPort, config.forceTLS, channelsKey, paramsKey, generation]);
  return state;
}
