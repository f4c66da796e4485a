// After a payment: a receipt with the order, the amount and the report's link. An account made inside the
// checkout also gets a "set your password" link (7 days), so a buyer who forgets the password they typed
// there does not lose the report they paid for.
import 'server-only';
import { issueToken } from '@/lib/auth/tokens';
import type { Db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { renderMail } from '@/lib/mail/layout';
import { enqueueMail } from '@/lib/mail/outbox';

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export async function sendReceipt(db: Db, orderId: string): Promise<void> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { user: { select: { id: true, email: true, createdVia: true } }, account: { select: { handle: true } }, report: { select: { id: true } } } });
  if (!order?.report) return;
  const site = appUrl();
  const reportUrl = `${site}/reports/${order.report.id}`;
  // The first order of an account made in the checkout: offer to set a password it will remember.
  const firstOrder = (await db.order.count({ where: { userId: order.userId, status: 'FULFILLED' } })) <= 1;
  const setPassword = order.user.createdVia === 'checkout' && firstOrder ? `${site}/reset-password/${await issueToken(db, order.user.id, 'SET_PASSWORD', order.user.email)}` : null;
  await enqueueMail(db, {
    to: order.user.email,
    kind: 'receipt',
    userId: order.user.id,
    ...renderMail({
      subject: `Your LiveLens growth report for @${order.account.handle}`,
      heading: 'Thank you: your report is ready',
      paragraphs: [
        `Your growth report for @${order.account.handle} is ready. It stays in your account under Orders.`,
        ...(setPassword ? ['Your LiveLens account was made during the checkout. If you would rather choose a password now (or have forgotten the one you typed), use the second link below.'] : []),
      ],
      facts: [
        ['Order', order.id],
        ['Item', `Growth report for @${order.account.handle}`],
        ['Amount', `${formatMoney(order.amountCents, order.currency)}${order.testMode ? ' (test mode: nothing was charged)' : ''}`],
        ['Paid', (order.paidAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
      ],
      action: { label: 'Open the report', url: reportUrl },
      note: setPassword ? `Set your password: ${setPassword} (works once, for 7 days).` : 'Keep this message as your receipt.',
    }),
  });
}
