'use client';

// Subscribes a page to one private channel with pusher-js and reports the connection state, so the page
// can say when live updates stop and fall back to polling. Private channels are approved by
// POST /api/pusher/auth (the session for the dashboard, the overlay token for overlays).
import PusherClient from 'pusher-js';
import { useEffect, useRef, useState } from 'react';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';

export type RealtimeState = 'connecting' | 'connected' | 'unavailable' | 'denied';

export type ChannelHandlers = Record<string, (data: never) => void>;

export function useRealtimeChannel(config: PublicRealtimeConfig, channelName: string, handlers: ChannelHandlers, authParams?: Record<string, string>): RealtimeState {
  const [state, setState] = useState<RealtimeState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const paramsKey = JSON.stringify(authParams ?? {});
  useEffect(() => {
    const params: Record<string, string> = JSON.parse(paramsKey);
    const client = new PusherClient(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost,
      wsPort: config.wsPort,
      wssPort: config.wsPort,
      forceTLS: config.forceTLS,
      enabledTransports: ['ws', 'wss'],
      disableStats: true,
      channelAuthorization: { endpoint: '/api/pusher/auth', transport: 'ajax', params },
    });
    const channel = client.subscribe(channelName);
    let denied = false;
    channel.bind('pusher:subscription_error', () => {
      denied = true;
      setState('denied');
    });
    channel.bind('pusher:subscription_succeeded', () => setState('connected'));
    client.connection.bind('state_change', ({ current }: { current: string }) => {
      if (denied) return;
      if (current === 'connected') setState(channel.subscribed ? 'connected' : 'connecting');
      else if (current === 'connecting' || current === 'initialized') setState('connecting');
      else setState('unavailable');
    });
    channel.bind_global((event: string, data: unknown) => {
      if (event.startsWith('pusher:')) return;
      const handler = latest.current[event];
      if (handler) (handler as (payload: unknown) => void)(data);
    });
    return () => {
      channel.unbind_all();
      client.unsubscribe(channelName);
      client.disconnect();
    };
  }, [config.key, config.cluster, config.wsHost, config.wsPort, config.forceTLS, channelName, paramsKey]);
  return state;
}
