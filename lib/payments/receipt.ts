// After a payment: a receipt with the order, the amount and the report's link. An account made inside the
// checkout also gets a "set your password" link (7 days), so a buyer who forgets the password they typed
// there does not lose the report they paid for.
import { channelName } from '@/lib/platforms/naming';
import 'server-only';
import { issueToken } from '@/lib/auth/tokens';
import type { Db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { renderMail } from '@/lib/mail/layout';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailReader, READER_FIELDS } from '@/lib/mail/translate';
import { numberFormat } from '@/lib/stats/format';

/** An amount charged, in the currency it was charged in (never converted), in the reader's language. */
export function formatCharged(cents: number, currency: string, locale = 'en'): string {
  return numberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export async function sendReceipt(db: Db, orderId: string): Promise<void> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { user: { select: { id: true, email: true, createdVia: true, ...READER_FIELDS } }, account: { select: { platform: true, handle: true, nickname: true } }, report: { select: { id: true } } } });
  if (!order?.report) return;
  const site = appUrl();
  const reportUrl = `${site}/reports/${order.report.id}`;
  // The first order of an account made in the checkout: offer to set a password it will remember.
  const firstOrder = (await db.order.count({ where: { userId: order.userId, status: 'FULFILLED' } })) <= 1;
  const setPassword = order.user.createdVia === 'checkout' && firstOrder ? `${site}/reset-password/${await issueToken(db, order.user.id, 'SET_PASSWORD', order.user.email)}` : null;
  const { t, display } = await mailReader(order.user);
  const channel = channelName(order.account);
  const amount = formatCharged(order.amountCents, order.currency, display.locale);
  await enqueueMail(db, {
    to: order.user.email,
    kind: 'receipt',
    userId: order.user.id,
    ...renderMail({
      subject: t('receipt.subject', { channel }),
      heading: t('receipt.heading'),
      paragraphs: [t('receipt.body', { channel }), ...(setPassword ? [t('receipt.checkoutAccount')] : [])],
      facts: [
        [t('receipt.order'), order.id],
        [t('receipt.item'), t('receipt.itemValue', { channel })],
        [t('receipt.amount'), order.testMode ? t('receipt.testMode', { amount }) : amount],
        [t('receipt.paid'), `${display.date(order.paidAt ?? new Date(), 'dateTime')} (${display.zoneLabel})`],
      ],
      action: { label: t('receipt.action'), url: reportUrl },
      note: setPassword ? t('receipt.setPassword', { url: setPassword }) : t('receipt.keep'),
      labels: { orOpen: t('chrome.orOpen'), turnOff: t('chrome.turnOff') },
      lang: display.locale,
    }),
  });
}
