'use client';

// The line that goes with converted money ("≈ amounts in RUB are converted from US dollars at the rates
// of 28 November 2025"), and the zone times are shown in. Nothing when the reader's currency is USD.
import { useTranslations } from 'next-intl';
import { useDisplay } from '@/components/site/display';

export function MoneyNote({ className = 'text-xs text-muted' }: { className?: string }) {
  const t = useTranslations('language');
  const display = useDisplay();
  if (display.currency === 'USD') return null;
  return <p className={className}>{t('moneyNote', { currency: display.currency, date: display.ratesDate })}</p>;
}

export function TimesIn({ className = 'text-xs text-muted' }: { className?: string }) {
  const t = useTranslations('language');
  const display = useDisplay();
  return <span className={className}>{t('timesIn', { zone: display.zoneLabel })}</span>;
}
