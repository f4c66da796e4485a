// GET /api/notifications/channels — the current workspace's notification channels (secrets masked).
// POST /api/notifications/channels {kind, …} — adds one (email to a member, Discord, Telegram, webhook).
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { callerLocale } from '@/lib/i18n/errors';
import { channelInputSchema, createChannel, listChannels } from '@/lib/notifications/channels';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws, request }) => ({ channels: await listChannels(db, ws.workspaceId, callerLocale(request)) }));

export const POST = route({ access: 'member', body: channelInputSchema, maxBodyBytes: 4096 }, async ({ ws, body }) => Response.json({ channel: await createChannel(db, ws, body) }, { status: 201 }));
