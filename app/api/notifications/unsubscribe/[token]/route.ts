// POST /api/notifications/unsubscribe/{token} — turns a notification email channel off: the one-click
// unsubscribe of mail programs (List-Unsubscribe-Post) and the button of /unsubscribe/{token}.
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { unsubscribe } from '@/lib/notifications/unsubscribe';

export const dynamic = 'force-dynamic';

// Public from any origin: mail programs post it themselves; the signed token is the credential.
export const POST = route({ access: 'public', origin: 'any', params: z.object({ token: z.string().max(120) }) }, async ({ params }) => {
  const result = await unsubscribe(db, params.token);
  if (!result.ok) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid (it may belong to a channel that was deleted).');
  return { unsubscribed: true, channel: result.name };
});
