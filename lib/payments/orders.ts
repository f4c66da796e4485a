// Orders for growth reports: created pending, paid through Stripe Checkout (or the marked test-mode
// checkout when no Stripe keys are set), fulfilled only by verified payment events.
import 'server-only';
import type Stripe from 'stripe';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { Order } from '@/lib/generated/prisma/client';

export type CheckoutStart = { orderId: string; url: string; testMode: boolean };

export async function createOrder(db: Db, userId: string, accountId: string, testMode: boolean): Promise<Order> {
  const env = getEnv();
  return db.order.create({ data: { userId, accountId, amountCents: env.REPORT_PRICE_CENTS, currency: env.REPORT_CURRENCY, testMode } });
}

/** Starts paying for `order`: a Stripe Checkout Session, or the local test-mode checkout page. */
/** `channel` names the report's channel as running text does (channelName: "@luna", a Bilibili nickname). */
export async function startCheckout(db: Db, order: Order, options: { stripe?: Stripe; appUrl: string; email?: string | null; channel: string }): Promise<CheckoutStart> {
  if (!options.stripe) return { orderId: order.id, url: `/checkout/test/${order.id}`, testMode: true };
  const session = await options.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: order.currency,
          unit_amount: order.amountCents,
          product_data: { name: `LiveLens growth report for ${options.channel}`, description: 'Statistics, comparison with similar accounts and a written growth guide.' },
        },
      },
    ],
    client_reference_id: order.id,
    metadata: { orderId: order.id },
    payment_intent_data: { metadata: { orderId: order.id } },
    customer_email: options.email ?? undefined,
    success_url: `${options.appUrl}/checkout/success?order=${order.id}&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${options.appUrl}/checkout/cancel?order=${order.id}`,
  });
  if (!session.url) throw new AppError('BAD_GATEWAY', 'Stripe did not return a checkout page; please try again.');
  await db.order.update({ where: { id: order.id }, data: { stripeSessionId: session.id } });
  return { orderId: order.id, url: session.url, testMode: false };
}

/** The order if it belongs to `userId`; otherwise (missing or someone else's) a 404, so ids cannot be probed. */
export async function getOwnOrder(db: Db, orderId: string, userId: string) {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { report: { select: { id: true } }, account: { select: { platform: true, handle: true, nickname: true } } } });
  if (!order || order.userId !== userId) throw new AppError('NOT_FOUND', 'No such order.');
  return order;
}

/** A pending order the buyer walked away from at Stripe. */
export async function cancelPendingOrder(db: Db, orderId: string, userId: string): Promise<void> {
  await db.order.updateMany({ where: { id: orderId, userId, status: 'PENDING' }, data: { status: 'CANCELED' } });
}
