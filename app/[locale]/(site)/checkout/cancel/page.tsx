import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { cancelPendingOrder, getOwnOrder } from '@/lib/payments/orders';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Payment canceled' };

export default async function CheckoutCancelPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const { order: orderId = '' } = await searchParams;
  const user = await requireUser(`/checkout/cancel?order=${encodeURIComponent(orderId)}`);
  await cancelPendingOrder(db, orderId, user.id);
  const order = await getOwnOrder(db, orderId, user.id).catch(() => null);
  return (
    <div className="mx-auto max-w-md py-8">
      <Card title="Payment canceled">
        <p className="text-muted">Nothing was charged.</p>
        {order && (
          <Link href={`/checkout?handle=${order.account.handle}`} className="mt-4 inline-block rounded-lg bg-accent px-4 py-2 font-semibold hover:opacity-90">
            Try again
          </Link>
        )}
      </Card>
    </div>
  );
}
