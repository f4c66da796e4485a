import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your orders' };

const STATUS: Record<string, { label: string; tone: string }> = {
  PENDING: { label: 'Awaiting payment', tone: 'text-amber-300' },
  PAID: { label: 'Paid, report in progress', tone: 'text-accent-2' },
  FULFILLED: { label: 'Report ready', tone: 'text-emerald-400' },
  FAILED: { label: 'Payment failed', tone: 'text-accent' },
  CANCELED: { label: 'Canceled', tone: 'text-muted' },
  REFUNDED: { label: 'Refunded', tone: 'text-muted' },
};

export default async function OrdersPage() {
  const user = await requireUser('/account/orders');
  const orders = await db.order.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, include: { account: { select: { handle: true } }, report: { select: { id: true } } }, take: 200 });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Your orders</h1>
      {orders.length === 0 ? (
        <EmptyState title="No orders yet">
          Open any account&rsquo;s page and press <strong>Buy growth report</strong>. <Link href="/" className="text-accent-2 underline">Look up an account</Link>
        </EmptyState>
      ) : (
        <Card>
          <ul className="flex flex-col divide-y divide-line">
            {orders.map((order) => {
              const status = STATUS[order.status] ?? { label: order.status, tone: '' };
              return (
                <li key={order.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-semibold">Growth report for @{order.account.handle}</p>
                    <p className="text-xs text-muted">
                      {order.createdAt.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC ·{' '}
                      {new Intl.NumberFormat('en-US', { style: 'currency', currency: order.currency.toUpperCase() }).format(order.amountCents / 100)}
                      {order.testMode && ' · test mode'}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <span className={`text-sm ${status.tone}`}>{status.label}</span>
                    {order.report && order.status !== 'REFUNDED' && (
                      <Link href={`/reports/${order.report.id}`} className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold hover:opacity-90">
                        Open report
                      </Link>
                    )}
                    {order.status === 'PENDING' && (
                      <Link href={order.testMode ? `/checkout/test/${order.id}` : `/checkout?handle=${order.account.handle}`} className="text-sm text-accent-2 hover:underline">
                        Pay now
                      </Link>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </div>
  );
}
