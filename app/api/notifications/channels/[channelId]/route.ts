// PATCH /api/notifications/channels/{channelId} {name?, enabled?} — renames it, or turns it off and on.
// DELETE /api/notifications/channels/{channelId} — removes it (and what it had queued).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { callerLocale } from '@/lib/i18n/errors';
import { deleteChannel, updateChannel } from '@/lib/notifications/channels';

export const dynamic = 'force-dynamic';

const params = z.object({ channelId: z.string().min(1).max(64) });

export const PATCH = route({ access: 'member', params, body: z.object({ name: z.string().max(60).optional(), enabled: z.boolean().optional() }), maxBodyBytes: 1024 }, async ({ ws, params, body, request }) => ({
  channel: await updateChannel(db, ws, params.channelId, body, callerLocale(request)),
}));

export const DELETE = route({ access: 'member', params }, async ({ ws, params }) => {
  await deleteChannel(db, ws.workspaceId, params.channelId);
  return { deleted: true };
});
