// The success page follows the order to its report: it said "is being prepared" even once the report was ready.
import { QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { makeQueryClient } from '@/lib/query-client';
import { OrderProgress } from './order-progress';
import type { OrderState } from './use-order';

async function render(initial: OrderState, locale: Locale = 'en'): Promise<string> {
  const messages = await loadMessages(locale);
  // (.test.ts files have no JSX; the providers' props types want their children among them.)
  const intl = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const query = { client: makeQueryClient() } as ComponentProps<typeof QueryClientProvider>;
  const progress = createElement(OrderProgress, { orderId: 'order-1', channel: '@luna.bakes', initial });
  return renderToStaticMarkup(createElement(QueryClientProvider, query, createElement(NextIntlClientProvider, intl, progress)));
}

describe('OrderProgress', () => {
  it('says the report is ready and links to it when it is, without "being prepared"', async () => {
    const html = await render({ status: 'FULFILLED', reportId: 'report-1' });
    expect(html).toContain('Your growth report for @luna.bakes is ready.');
    expect(html).toContain('href="/reports/report-1"');
    expect(html).toContain('Open your report');
    expect(html).not.toContain('being prepared');
    const ru = await render({ status: 'FULFILLED', reportId: 'report-1' }, 'ru');
    expect(ru).toContain('Ваш отчёт о росте для @luna.bakes готов.');
  });

  it('says "being prepared" with the payment step while the report is not there, and neither for a failed payment', async () => {
    const waiting = await render({ status: 'PAID', reportId: null });
    expect(waiting).toContain('Your growth report for @luna.bakes is being prepared.');
    expect(waiting).toContain('Payment received. Writing your report…');
    expect(waiting).not.toContain('/reports/');
    const failed = await render({ status: 'FAILED', reportId: null });
    expect(failed).not.toContain('being prepared');
    expect(failed).toContain('The payment did not go through.');
  });
});
