// Fulfilment: a paid order gets its growth report, exactly once, whoever asks first (the webhook, a
// retry of it, or the success page confirming with Stripe). Safe to call any number of times.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db';
import { collectReportInput } from '@/lib/reports/collect';
import { generateReport } from '@/lib/reports/generate';

export type FulfilOutcome = 'fulfilled' | 'already_fulfilled' | 'refunded' | 'unknown_order';

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

export async function fulfilOrder(db: Db, orderId: string, payment: { paymentIntentId?: string | null }, now = new Date()): Promise<FulfilOutcome> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { report: { select: { id: true } } } });
  if (!order) return 'unknown_order';
  if (order.report || order.status === 'FULFILLED') return 'already_fulfilled';
  if (order.status === 'REFUNDED') return 'refunded';
  // The report is a snapshot of the account at purchase time, generated before the write transaction.
  const data = generateReport(await collectReportInput(db, order.accountId, now), now);
  try {
    await db.$transaction([
      db.report.create({ data: { orderId: order.id, userId: order.userId, accountId: order.accountId, data } }),
      db.order.update({
        where: { id: order.id, status: { not: 'REFUNDED' } },
        data: { status: 'FULFILLED', paidAt: order.paidAt ?? now, ...(payment.paymentIntentId ? { stripePaymentIntentId: payment.paymentIntentId } : {}) },
      }),
    ]);
    return 'fulfilled';
  } catch (error) {
    // Another caller fulfilled it a moment ago (the report's order id is unique), or it was refunded.
    if (isPrismaError(error, 'P2002')) return 'already_fulfilled';
    if (isPrismaError(error, 'P2025')) return 'refunded';
    throw error;
  }
}

function paymentIntentOf(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

/** The success page's server-side confirmation: asks Stripe about the session, fulfils if it is paid. */
export async function confirmCheckoutSession(db: Db, stripe: Stripe, orderId: string, sessionId: string): Promise<FulfilOutcome | 'not_paid' | 'mismatch'> {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const sessionOrder = session.metadata?.orderId ?? session.client_reference_id;
  if (sessionOrder !== orderId) return 'mismatch';
  if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') return 'not_paid';
  return fulfilOrder(db, orderId, { paymentIntentId: paymentIntentOf(session) });
}

export { paymentIntentOf };
