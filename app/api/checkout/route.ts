// POST /api/checkout — starts paying for a growth report on {handle}: a pending order, then Stripe
// Checkout (or the marked test-mode checkout without Stripe keys).
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { tiktokHandle } from '@/lib/platforms/channel';
import { appUrl } from '@/lib/env';
import { createOrder, startCheckout } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { clientIp } from '@/lib/rate-limit';
import { handleSchema } from '@/lib/tiktok/handle';
import { lookupAccount } from '@/lib/stats/lookup';
import { revalidateProfilePage } from '@/lib/tiktok/profile-page-cache';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'user', body: z.object({ handle: handleSchema }), maxBodyBytes: 2048 }, async ({ user, body, request }) => {
  // The report is built from stored statistics: make sure there are some.
  const lookup = await lookupAccount(body.handle, { ip: clientIp(request.headers) });
  if ((lookup.kind === 'ok' || lookup.kind === 'not_found') && lookup.fetched) revalidateProfilePage(body.handle);
  if (lookup.kind === 'not_found') throw new AppError('NOT_FOUND', `TikTok has no account @${body.handle}.`);
  if (lookup.kind !== 'ok' || !lookup.view.stats) throw new AppError('UNAVAILABLE', 'We could not load this account’s statistics right now; try again in a moment.');
  const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(body.handle), select: { id: true } });
  const stripe = getStripe();
  const order = await createOrder(db, user.id, account.id, !stripe);
  return startCheckout(db, order, { stripe, appUrl: appUrl(), email: user.email, handle: body.handle });
});
