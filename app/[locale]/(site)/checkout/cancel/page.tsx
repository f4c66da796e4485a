import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { cancelPendingOrder, getOwnOrder } from '@/lib/payments/orders';
import { channelCheckoutPath } from '@/lib/platforms/naming';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('canceledTitle') };
}

export default async function CheckoutCancelPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const { order: orderId = '' } = await searchParams;
  const user = await requireUser(`/checkout/cancel?order=${encodeURIComponent(orderId)}`);
  await cancelPendingOrder(db, orderId, user.id);
  const [order, t] = await Promise.all([getOwnOrder(db, orderId, user.id).catch(() => null), getTranslations('checkout')]);
  return (
    <div className="mx-auto max-w-md py-8">
      <Card headingLevel={1} title={t('canceledTitle')}>
        <p className="text-muted">{t('nothingCharged')}</p>
        {order && (
          <Link href={channelCheckoutPath(order.account)} className="mt-4 inline-block rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90">
            {t('tryAgain')}
          </Link>
        )}
      </Card>
    </div>
  );
}
