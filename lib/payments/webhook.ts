// Stripe events, after their signature was verified: each event id is handled once (retries and replays
// are recognised and skipped), events may arrive in any order, and the fulfilment they cause is itself
// idempotent. An event for an order we do not know is acknowledged and ignored.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db';
import { fulfilWithSession, sessionMismatch } from '@/lib/payments/fulfil';
import { createLogger } from '@/lib/logger';

const log = createLogger('stripe-webhook');

export type WebhookOutcome =
  | 'duplicate'
  | 'fulfilled'
  | 'already_fulfilled'
  | 'awaiting_payment'
  | 'payment_failed'
  | 'expired'
  | 'refunded'
  | 'unknown_order'
  | 'mismatch'
  | 'ignored';

/** Verifies the signature of a raw webhook body; throws Stripe's signature error when it does not match. */
export function verifyStripeEvent(stripe: Stripe, rawBody: string, signature: string | null, secret: string): Stripe.Event {
  return stripe.webhooks.constructEvent(rawBody, signature ?? '', secret);
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.orderId ?? session.client_reference_id ?? null;
}

async function applyEvent(db: Db, event: Stripe.Event): Promise<WebhookOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const orderId = orderIdOf(session);
      if (!orderId) return 'unknown_order';
      if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') {
        // A delayed payment method: the async_payment_succeeded event fulfils later (checked again then).
        const order = await db.order.findUnique({ where: { id: orderId } });
        if (!order) return 'unknown_order';
        if (sessionMismatch(order, session)) return 'awaiting_payment';
        await db.order.updateMany({ where: { id: orderId, status: 'PENDING', stripeSessionId: null }, data: { stripeSessionId: session.id } });
        return 'awaiting_payment';
      }
      return fulfilWithSession(db, orderId, session);
    }
    case 'checkout.session.async_payment_failed': {
      const orderId = orderIdOf(event.data.object);
      if (!orderId) return 'unknown_order';
      const updated = await db.order.updateMany({ where: { id: orderId, status: { in: ['PENDING', 'PAID'] } }, data: { status: 'FAILED' } });
      return updated.count > 0 ? 'payment_failed' : (await db.order.findUnique({ where: { id: orderId } })) ? 'ignored' : 'unknown_order';
    }
    case 'checkout.session.expired': {
      const orderId = orderIdOf(event.data.object);
      if (!orderId) return 'unknown_order';
      const updated = await db.order.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { status: 'CANCELED' } });
      return updated.count > 0 ? 'expired' : (await db.order.findUnique({ where: { id: orderId } })) ? 'ignored' : 'unknown_order';
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      // Partial refunds leave the report in place; a fully refunded payment takes it away.
      if (!charge.refunded) return 'ignored';
      const intent = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      const orderId = charge.metadata?.orderId;
      const where = intent ? { OR: [{ stripePaymentIntentId: intent }, ...(orderId ? [{ id: orderId }] : [])] } : orderId ? { id: orderId } : null;
      if (!where) return 'unknown_order';
      const updated = await db.order.updateMany({ where, data: { status: 'REFUNDED' } });
      return updated.count > 0 ? 'refunded' : 'unknown_order';
    }
    default:
      return 'ignored';
  }
}

export async function handleStripeEvent(db: Db, event: Stripe.Event): Promise<WebhookOutcome> {
  if (await db.processedStripeEvent.findUnique({ where: { id: event.id } })) return 'duplicate';
  // Handled first and marked after: if handling fails, Stripe retries and nothing was skipped.
  const outcome = await applyEvent(db, event);
  await db.processedStripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
  if (outcome === 'unknown_order') log.warn('Stripe event for an order we do not know', { id: event.id, type: event.type });
  return outcome;
}
