// POST /api/pusher/user-auth — signs a realtime connection in (pusher-js user authentication): one
// identity per connection, which the app can later disconnect (a revoked overlay, a removed member).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { issueIdentity } from '@/lib/realtime/authorize';
import { realtimeCredential } from '@/lib/realtime/credential';

export const dynamic = 'force-dynamic';

const signinBody = z.object({ socket_id: z.string().max(50), token: z.string().max(100).optional() });

// Public: the credential (session cookie or overlay token) is checked by issueIdentity.
export const POST = route({ access: 'public', body: signinBody, maxBodyBytes: 4096 }, async ({ request, body }) =>
  issueIdentity(db, body.socket_id, await realtimeCredential(db, request, body.token)),
);
