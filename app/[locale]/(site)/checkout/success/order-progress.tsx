'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { fetchJson } from '@/lib/query-client';

type OrderState = { status: string; reportId: string | null };

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

/** Polls the order until its report exists. */
export function OrderProgress({ orderId }: { orderId: string }) {
  const t = useTranslations('checkout');
  const { data, error } = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => fetchJson<OrderState>(`/api/orders/${orderId}`),
    refetchInterval: (query) => (query.state.data?.reportId || ['FAILED', 'CANCELED', 'REFUNDED'].includes(query.state.data?.status ?? '') ? false : 1500),
  });
  if (error) return <p role="alert" className="text-accent">{t('checkFailed', { message: error.message })}</p>;
  if (data?.reportId) {
    return (
      <Link href={`/reports/${data.reportId}`} className="block rounded-lg bg-accent-strong px-4 py-2.5 text-center font-semibold hover:opacity-90">
        {t('openReport')}
      </Link>
    );
  }
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm">
      <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-accent-2 border-t-transparent" />
      {statusMessage(t, data?.status ?? 'PENDING')}
    </p>
  );
}
