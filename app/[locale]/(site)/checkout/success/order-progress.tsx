'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query-client';

type OrderState = { status: string; reportId: string | null };

const MESSAGES: Record<string, string> = {
  PENDING: 'Waiting for the payment confirmation from Stripe…',
  PAID: 'Payment received. Writing your report…',
  FAILED: 'The payment did not go through. Nothing was charged; you can try again from the account’s page.',
  CANCELED: 'The payment was canceled. Nothing was charged.',
  REFUNDED: 'This order was refunded.',
};

/** Polls the order until its report exists. */
export function OrderProgress({ orderId }: { orderId: string }) {
  const { data, error } = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => fetchJson<OrderState>(`/api/orders/${orderId}`),
    refetchInterval: (query) => (query.state.data?.reportId || ['FAILED', 'CANCELED', 'REFUNDED'].includes(query.state.data?.status ?? '') ? false : 1500),
  });
  if (error) return <p role="alert" className="text-accent">We could not check the order: {error.message}</p>;
  if (data?.reportId) {
    return (
      <Link href={`/reports/${data.reportId}`} className="block rounded-lg bg-accent px-4 py-2.5 text-center font-semibold hover:opacity-90">
        Open your report
      </Link>
    );
  }
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm">
      <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-accent-2 border-t-transparent" />
      {MESSAGES[data?.status ?? 'PENDING'] ?? 'Checking…'}
    </p>
  );
}
