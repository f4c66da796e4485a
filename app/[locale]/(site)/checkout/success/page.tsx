import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { confirmCheckoutSession } from '@/lib/payments/fulfil';
import { getOwnOrder } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { OrderProgress } from './order-progress';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Thank you' };
const log = createLogger('checkout');

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ order?: string; session_id?: string }> }) {
  const { order: orderId = '', session_id: sessionId } = await searchParams;
  const user = await requireUser(`/checkout/success?order=${encodeURIComponent(orderId)}${sessionId ? `&session_id=${encodeURIComponent(sessionId)}` : ''}`);
  const order = await getOwnOrder(db, orderId, user.id).catch(() => null);
  if (!order) notFound();
  const stripe = getStripe();
  // Do not wait for the webhook when Stripe can tell us now; fulfilment is idempotent either way.
  if (stripe && sessionId && order.status !== 'FULFILLED') {
    await confirmCheckoutSession(db, stripe, order.id, sessionId).catch((error: unknown) => log.warn('could not confirm the checkout with Stripe; waiting for the webhook', { orderId: order.id, error }));
  }
  return (
    <div className="mx-auto max-w-md py-8">
      <Card title="Thank you">
        <p className="text-muted">Your growth report for @{order.account.handle} is being prepared.</p>
        <div className="mt-4">
          <OrderProgress orderId={order.id} />
        </div>
      </Card>
    </div>
  );
}
