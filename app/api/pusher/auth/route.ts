// POST /api/pusher/auth — approves private channel subscriptions (pusher-js channel authorization).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { userIdFromRequest } from '@/lib/auth/session';
import { authorizeSubscription } from '@/lib/realtime/authorize';

export const dynamic = 'force-dynamic';

const subscriptionBody = z.object({
  socket_id: z.string().max(50),
  channel_name: z.string().max(200),
  // Overlays (OBS browser sources) have no session: their URL token is the credential.
  token: z.string().max(100).optional(),
});

export const POST = route({ body: subscriptionBody, maxBodyBytes: 4096 }, async ({ request, body }) => {
  // Overlays authorise with their token; the dashboard with the signed-in user's session cookie.
  const userId = body.token ? null : await userIdFromRequest(request);
  return authorizeSubscription({ socketId: body.socket_id, channel: body.channel_name, overlayToken: body.token, userId: userId ?? undefined });
});
