// What a browser needs to connect to the realtime server. Computed on the server at request time and
// passed down as props, so the production build does not bake in the (generated) soketi credentials.
import 'server-only';
import { getEnv, requirePusherConfig } from '@/lib/env';

import type { PublicRealtimeConfig } from '@/lib/realtime/channels';

export type { PublicRealtimeConfig };

export function getPublicRealtimeConfig(): PublicRealtimeConfig {
  const env = getEnv();
  const server = requirePusherConfig(env);
  const host = env.PUSHER_PUBLIC_HOST ?? server.host;
  if (!host) return { key: server.key, cluster: server.cluster, forceTLS: true };
  return {
    key: server.key,
    cluster: server.cluster,
    wsHost: host,
    wsPort: env.PUSHER_PUBLIC_PORT ?? server.port,
    forceTLS: server.useTLS,
  };
}
