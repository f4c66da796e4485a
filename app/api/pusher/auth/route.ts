// POST /api/pusher/auth — approves private channel subscriptions (pusher-js channel authorization).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { authorizeSubscription } from '@/lib/realtime/authorize';

export const dynamic = 'force-dynamic';

const subscriptionBody = z.object({
  socket_id: z.string().max(50),
  channel_name: z.string().max(200),
  // Overlays (OBS browser sources) have no session: their URL token is the credential.
  token: z.string().max(100).optional(),
});

export const POST = route({ body: subscriptionBody, maxBodyBytes: 4096 }, async ({ body }) =>
  authorizeSubscription({ socketId: body.socket_id, channel: body.channel_name, overlayToken: body.token }),
);
