// POST /api/checkout — starts paying for a growth report on a channel: `{ handle }` for a TikTok account,
// `{ platform: 'bilibili', uid }` for a Bilibili streamer (issue 20). A pending order, then Stripe Checkout
// (or the marked test-mode checkout without Stripe keys).
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { channelHandle, tiktokHandle } from '@/lib/platforms/channel';
import { bilibiliUidSchema } from '@/lib/platforms/channel-page';
import { bilibiliChannelPage } from '@/lib/platforms/bilibili/room-lookup';
import { channelName } from '@/lib/platforms/naming';
import { appUrl } from '@/lib/env';
import { createOrder, startCheckout } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { clientIp } from '@/lib/rate-limit';
import { handleSchema } from '@/lib/tiktok/handle';
import { lookupAccount } from '@/lib/stats/lookup';
import { revalidateProfilePage } from '@/lib/tiktok/profile-page-cache';

export const dynamic = 'force-dynamic';

const bodySchema = z.union([z.object({ handle: handleSchema }).strict(), z.object({ platform: z.literal('bilibili'), uid: bilibiliUidSchema }).strict()]);

/** The TikTok account's id, once its statistics are stored (the report is built from them). */
async function tiktokChannel(handle: string, ip: string): Promise<{ id: string; channel: string }> {
  const lookup = await lookupAccount(handle, { ip });
  if ((lookup.kind === 'ok' || lookup.kind === 'not_found') && lookup.fetched) revalidateProfilePage(handle);
  if (lookup.kind === 'not_found') throw new AppError('NOT_FOUND', `TikTok has no account @${handle}.`);
  if (lookup.kind !== 'ok' || !lookup.view.stats) throw new AppError('UNAVAILABLE', 'We could not load this account’s statistics right now; try again in a moment.');
  const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle), select: { id: true } });
  return { id: account.id, channel: `@${handle}` };
}

/** The Bilibili channel's id, its room facts refreshed when stale (a follower count is what the report needs). */
async function bilibiliChannel(uid: string, ip: string): Promise<{ id: string; channel: string }> {
  const outcome = await bilibiliChannelPage(db, uid, ip);
  if (outcome.kind === 'not_found') throw new AppError('NOT_FOUND', `Bilibili has no user with UID ${uid}. Check the link.`);
  if (outcome.kind === 'error') throw new AppError('UNAVAILABLE', outcome.message);
  const channel = await db.channel.findUniqueOrThrow({ where: channelHandle('bilibili', uid), select: { id: true, platform: true, handle: true, nickname: true, followers: true } });
  if (channel.followers === null) throw new AppError('UNAVAILABLE', 'We could not load this account’s statistics right now; try again in a moment.');
  return { id: channel.id, channel: channelName(channel) };
}

export const POST = route({ access: 'user', body: bodySchema, maxBodyBytes: 2048 }, async ({ user, body, request }) => {
  const ip = clientIp(request.headers);
  const found = 'handle' in body ? await tiktokChannel(body.handle, ip) : await bilibiliChannel(body.uid, ip);
  const stripe = getStripe();
  const order = await createOrder(db, user.id, found.id, !stripe);
  return startCheckout(db, order, { stripe, appUrl: appUrl(), email: user.email, channel: found.channel });
});
