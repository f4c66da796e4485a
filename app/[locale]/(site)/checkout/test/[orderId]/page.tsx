import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card, Notice } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { getOwnOrder } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { TestPayButton } from './test-pay-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Test checkout' };

// Only without Stripe keys: a clearly marked stand-in for Stripe's checkout page.
export default async function TestCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser(`/checkout/test/${orderId}`);
  const order = await getOwnOrder(db, orderId, user.id).catch(() => null);
  if (!order || !order.testMode || getStripe()) notFound();
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: order.currency.toUpperCase() }).format(order.amountCents / 100);
  return (
    <div className="mx-auto max-w-md py-8">
      <Card title="Test checkout">
        <Notice tone="warn">TEST MODE — no money moves. This page stands in for Stripe Checkout because this LiveLens has no Stripe keys.</Notice>
        <p className="mt-4">
          Growth report for <strong>@{order.account.handle}</strong>
        </p>
        <p className="text-2xl font-bold">{amount}</p>
        <div className="mt-4">{order.status === 'PENDING' || order.status === 'CANCELED' ? <TestPayButton orderId={order.id} /> : <p className="text-muted">This order is {order.status.toLowerCase()}.</p>}</div>
      </Card>
    </div>
  );
}
