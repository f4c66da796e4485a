// POST /api/notifications/channels/{channelId}/test — sends a test message now and says what happened.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { callerLocale } from '@/lib/i18n/errors';
import { requireChannel } from '@/lib/notifications/channels';
import { translateDeliveryError } from '@/lib/notifications/delivery-errors';
import { sendTestMessage } from '@/lib/notifications/dispatch';
import { consumeRateLimit } from '@/lib/rate-limit';
import { AppError, waitText } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'member', params: z.object({ channelId: z.string().min(1).max(64) }) }, async ({ ws, params, request }) => {
  const channel = await requireChannel(db, ws.workspaceId, params.channelId);
  const limit = await consumeRateLimit(db, { name: 'notify-test', limit: 10, windowSeconds: 600 }, channel.id);
  if (!limit.ok) throw new AppError('RATE_LIMITED', `Ten tests in ten minutes is the limit; try again in ${waitText(limit.retryAfterSeconds)}.`);
  const result = await sendTestMessage(db, channel.id, ws.name);
  return { ...result, error: result.error === null ? null : translateDeliveryError(result.error, callerLocale(request)) };
});
