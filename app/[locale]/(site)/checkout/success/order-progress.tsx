'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { orderPhase, useOrder, type OrderState } from './use-order';

type T = ReturnType<typeof useTranslations<'checkout'>>;

/** What an order's status means for the buyer; "Checking…" for a status without a message. */
function statusMessage(t: T, status: string): string {
  switch (status) {
    case 'PENDING':
      return t('statusPending');
    case 'PAID':
      return t('statusPaid');
    case 'FAILED':
      return t('statusFailed');
    case 'CANCELED':
      return t('statusCanceled');
    case 'REFUNDED':
      return t('statusRefunded');
    default:
      return t('checking');
  }
}

/**
 * The order's progress, from the state the server rendered to the report's link: the headline says
 * "being prepared" only while it is, and is announced when it changes.
 */
export function OrderProgress({ orderId, channel, initial }: { orderId: string; channel: string; initial: OrderState }) {
  const t = useTranslations('checkout');
  const { data = initial, error } = useOrder(orderId, initial);
  const phase = orderPhase(data);
  return (
    <div className="flex flex-col gap-4">
      <div role="status" aria-live="polite" className="flex flex-col gap-4">
        {phase === 'ready' && <p>{t('ready', { channel })}</p>}
        {phase === 'preparing' && <p className="text-muted">{t('preparing', { channel })}</p>}
        {phase === 'ready' && data.reportId !== null ? (
          <Link href={`/reports/${data.reportId}`} className="block rounded-lg bg-accent-strong px-4 py-2.5 text-center font-semibold hover:opacity-90">
            {t('openReport')}
          </Link>
        ) : (
          <p className="flex items-center gap-2 text-sm">
            {phase === 'preparing' && <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-accent-2 border-t-transparent" />}
            {statusMessage(t, data.status)}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="text-accent">
          {t('checkFailed', { message: error.message })}
        </p>
      )}
    </div>
  );
}
