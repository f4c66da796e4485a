// PUT /api/account/display {timeZone, currency} — how the caller reads times and money (account
// settings). null puts either back to its default: the browser's zone, the language's currency.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { isTimeZone } from '@/lib/i18n/time';
import { CURRENCIES } from '@/lib/money/convert';

export const dynamic = 'force-dynamic';

const body = z.object({
  timeZone: z.string().refine(isTimeZone, { message: 'is not a time zone this server knows (e.g. Asia/Bangkok)' }).nullable(),
  currency: z.enum(CURRENCIES).nullable(),
});

export const PUT = route({ access: 'user', body, maxBodyBytes: 512 }, async ({ user, body }) => {
  await db.user.update({ where: { id: user.id }, data: { timeZone: body.timeZone, currency: body.currency } });
  return body;
});
