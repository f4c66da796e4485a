import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, Notice } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { getOwnOrder } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';
import { intlLocaleOf } from '@/lib/stats/format';
import { TestPayButton } from './test-pay-button';
import { channelName } from '@/lib/platforms/naming';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('testTitle') };
}

// Only without Stripe keys: a clearly marked stand-in for Stripe's checkout page.
export default async function TestCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireUser(`/checkout/test/${orderId}`);
  const order = await getOwnOrder(db, orderId, user.id).catch(() => null);
  if (!order || !order.testMode || getStripe()) notFound();
  const [t, locale] = await Promise.all([getTranslations('checkout'), getLocale()]);
  // In the order's own currency: what would be charged, not converted.
  const amount = new Intl.NumberFormat(intlLocaleOf(locale), { style: 'currency', currency: order.currency.toUpperCase() }).format(order.amountCents / 100);
  return (
    <div className="mx-auto max-w-md py-8">
      <Card headingLevel={1} title={t('testTitle')}>
        <Notice tone="warn">{t('testNotice')}</Notice>
        <p className="mt-4">{t.rich('reportFor', { channel: channelName(order.account), strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p className="text-2xl font-bold">{amount}</p>
        <div className="mt-4">{order.status === 'PENDING' || order.status === 'CANCELED' ? <TestPayButton orderId={order.id} /> : <p className="text-muted">{t('orderIs', { status: order.status.toLowerCase() })}</p>}</div>
      </Card>
    </div>
  );
}
