// POST /api/pusher/auth — approves private channel subscriptions (pusher-js channel authorization) for
// the identity the connection signed in as (POST /api/pusher/user-auth).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { authorizeSubscription } from '@/lib/realtime/authorize';
import { realtimeCredential } from '@/lib/realtime/credential';

export const dynamic = 'force-dynamic';

const subscriptionBody = z.object({
  socket_id: z.string().max(50),
  channel_name: z.string().max(200),
  // Overlays (OBS browser sources) have no session: their URL token is the credential.
  token: z.string().max(100).optional(),
});

// Public: the credential (session cookie or overlay token) is checked by authorizeSubscription.
export const POST = route({ access: 'public', body: subscriptionBody, maxBodyBytes: 4096 }, async ({ request, body }) =>
  authorizeSubscription(db, { socketId: body.socket_id, channel: body.channel_name, credential: await realtimeCredential(db, request, body.token) }),
);
