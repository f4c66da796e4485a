// Fulfilment: a paid order gets its growth report, exactly once, whoever asks first (the webhook, a
// retry of it, or the success page confirming with Stripe). Safe to call any number of times.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db';
import { collectReportInput } from '@/lib/reports/collect';
import { generateReport } from '@/lib/reports/generate';
import { createLogger } from '@/lib/logger';
import { sendReceipt } from '@/lib/payments/receipt';

const log = createLogger('payments');

export type FulfilOutcome = 'fulfilled' | 'already_fulfilled' | 'refunded' | 'unknown_order';

type PaidSession = Pick<Stripe.Checkout.Session, 'id' | 'amount_total' | 'currency'>;

/**
 * Why a paid Checkout Session cannot pay for `order`, or null when it can. The order id in the session
 * (client_reference_id, metadata) is ours only in name: anyone with a Stripe account can make a session
 * that carries it. What makes it our payment is the session we created for this order, for its amount and
 * currency.
 */
export function sessionMismatch(order: { amountCents: number; currency: string; testMode: boolean; stripeSessionId: string | null }, session: PaidSession): string | null {
  if (order.testMode) return `a Stripe payment (${session.id}) arrived for a test-mode order`;
  if (order.stripeSessionId && order.stripeSessionId !== session.id) return `paid through checkout session ${session.id}, but the order's session is ${order.stripeSessionId}`;
  if (session.amount_total !== order.amountCents) return `paid ${session.amount_total ?? 'no'} in minor units, but the order costs ${order.amountCents}`;
  if ((session.currency ?? '').toLowerCase() !== order.currency.toLowerCase()) return `paid in ${session.currency ?? 'no currency'}, but the order is in ${order.currency}`;
  return null;
}

/**
 * Fulfils the order with a paid Checkout Session after checking that the session is the order's own
 * payment; a mismatch is recorded on the order (orders.problem) and nothing is fulfilled.
 */
export async function fulfilWithSession(db: Db, orderId: string, session: PaidSession & Pick<Stripe.Checkout.Session, 'payment_intent'>): Promise<FulfilOutcome | 'mismatch'> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, amountCents: true, currency: true, testMode: true, stripeSessionId: true, status: true } });
  if (!order) return 'unknown_order';
  const problem = sessionMismatch(order, session);
  if (problem) {
    await db.order.update({ where: { id: order.id }, data: { problem: problem.slice(0, 500) } });
    log.warn('a payment did not match its order; not fulfilled', { orderId, sessionId: session.id, problem });
    return 'mismatch';
  }
  return fulfilOrder(db, order.id, { paymentIntentId: paymentIntentOf(session) });
}

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
    await sendReceipt(db, order.id).catch((error: unknown) => log.warn('could not queue the receipt', { orderId: order.id, error }));
    return 'fulfilled';
  } catch (error) {
    // Another caller fulfilled it a moment ago (the report's order id is unique), or it was refunded.
    if (isPrismaError(error, 'P2002')) return 'already_fulfilled';
    if (isPrismaError(error, 'P2025')) return 'refunded';
    throw error;
  }
}

function paymentIntentOf(session: Pick<Stripe.Checkout.Session, 'payment_intent'>): string | null {
  const intent = session.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

/** The success page's server-side confirmation: asks Stripe about the session, fulfils if it is paid. */
export async function confirmCheckoutSession(db: Db, stripe: Stripe, orderId: string, sessionId: string): Promise<FulfilOutcome | 'not_paid' | 'mismatch'> {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const sessionOrder = session.metadata?.orderId ?? session.client_reference_id;
  if (sessionOrder !== orderId) return 'mismatch';
  if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') return 'not_paid';
  return fulfilWithSession(db, orderId, session);
}

export { paymentIntentOf };
