import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { confirmCheckoutSession } from '@/lib/payments/fulfil';
import { getOwnOrder } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { OrderProgress } from './order-progress';
import { channelName } from '@/lib/platforms/naming';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('thanksTitle') };
}

const log = createLogger('checkout');

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ order?: string; session_id?: string }> }) {
  const { order: orderId = '', session_id: sessionId } = await searchParams;
  const user = await requireUser(`/checkout/success?order=${encodeURIComponent(orderId)}${sessionId ? `&session_id=${encodeURIComponent(sessionId)}` : ''}`);
  const found = await getOwnOrder(db, orderId, user.id).catch(() => null);
  if (!found) notFound();
  let order = found;
  const stripe = getStripe();
  // Do not wait for the webhook when Stripe can tell us now; fulfilment is idempotent either way.
  if (stripe && sessionId && order.status !== 'FULFILLED') {
    await confirmCheckoutSession(db, stripe, order.id, sessionId).catch((error: unknown) => log.warn('could not confirm the checkout with Stripe; waiting for the webhook', { orderId: order.id, error }));
    // Fulfilment writes the report before it returns: read the order again so a ready report shows as ready.
    order = await getOwnOrder(db, order.id, user.id);
  }
  const t = await getTranslations('checkout');
  return (
    <div className="mx-auto max-w-md py-8">
      <Card headingLevel={1} title={t('thanksTitle')}>
        <OrderProgress orderId={order.id} channel={channelName(order.account)} initial={{ status: order.status, reportId: order.report?.id ?? null }} />
      </Card>
    </div>
  );
}
