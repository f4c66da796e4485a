import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { readerFormat } from '@/lib/i18n/display';
import { formatCharged } from '@/lib/payments/receipt';
import { channelCheckoutPath, channelName } from '@/lib/platforms/naming';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('orders.title') };
}

const TONES: Record<string, string> = {
  PENDING: 'text-amber-300',
  PAID: 'text-accent-2',
  FULFILLED: 'text-emerald-400',
  FAILED: 'text-accent',
  CANCELED: 'text-muted',
  REFUNDED: 'text-muted',
};

export default async function OrdersPage() {
  const user = await requireUser('/account/orders');
  const [t, locale] = await Promise.all([getTranslations('account'), getLocale()]);
  // Dates in the reader's zone (saved, else the browser's); prices in the currency that was charged.
  const display = await readerFormat(locale);
  const price = (order: { currency: string; amountCents: number }) => formatCharged(order.amountCents, order.currency, locale);
  const statusLabel = (status: string) => {
    switch (status) {
      case 'PENDING':
        return t('orders.status.pending');
      case 'PAID':
        return t('orders.status.paid');
      case 'FULFILLED':
        return t('orders.status.fulfilled');
      case 'FAILED':
        return t('orders.status.failed');
      case 'CANCELED':
        return t('orders.status.canceled');
      case 'REFUNDED':
        return t('orders.status.refunded');
      default:
        return status;
    }
  };
  const orders = await db.order.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, include: { account: { select: { platform: true, handle: true, nickname: true } }, report: { select: { id: true } } }, take: 200 });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('orders.title')}</h1>
      {orders.length === 0 ? (
        <EmptyState title={t('orders.emptyTitle')}>
          {t.rich('orders.empty', {
            strong: (chunks) => <strong>{chunks}</strong>,
            link: (chunks) => (
              <Link href="/" className="text-accent-2 underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <Card>
          <ul className="flex flex-col divide-y divide-line">
            {orders.map((order) => (
              <li key={order.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-semibold">{t('orders.reportFor', { channel: channelName(order.account) })}</p>
                  <p className="text-xs text-muted">
                    {t('orders.meta', {
                      date: display.date(order.createdAt, 'dateTime'),
                      zone: display.zoneLabel,
                      price: price(order),
                      test: order.testMode ? 'yes' : 'no',
                    })}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <span className={`text-sm ${TONES[order.status] ?? ''}`}>{statusLabel(order.status)}</span>
                  {order.report && order.status !== 'REFUNDED' && (
                    <Link href={`/reports/${order.report.id}`} className="rounded-md bg-accent-strong px-3 py-1.5 text-sm font-semibold hover:opacity-90">
                      {t('orders.openReport')}
                    </Link>
                  )}
                  {order.status === 'PENDING' && (
                    <Link href={order.testMode ? `/checkout/test/${order.id}` : channelCheckoutPath(order.account)} className="text-sm text-accent-2 hover:underline">
                      {t('orders.payNow')}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
