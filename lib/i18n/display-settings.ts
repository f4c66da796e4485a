// The shape of "how this reader sees times and money", shared by server pages (lib/i18n/display.ts)
// and client components (components/site/display.tsx).
import { formatDate, timeZoneLabel, type DateStyle } from '@/lib/i18n/time';
import type { Currency, ExchangeRates, MoneyView } from '@/lib/money/convert';

export const CURRENCY_COOKIE = 'livelens-currency';
export const DISPLAY_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export type DisplaySettings = {
  locale: string;
  timeZone: string;
  /** 'saved': the user's setting; 'browser': the browser's zone (cookie); 'default': not known yet (UTC). */
  timeZoneSource: 'saved' | 'browser' | 'default';
  currency: Currency;
  rates: ExchangeRates;
};

export function moneyViewOf(display: DisplaySettings): MoneyView {
  return { locale: display.locale, currency: display.currency, rates: display.rates };
}

export type Display = DisplaySettings & {
  money: MoneyView;
  /** `value` in the reader's zone and language. */
  date: (value: Date | string | null | undefined, style: DateStyle) => string;
  /** The reader's zone as people read it ("UTC", "Asia/Bangkok (GMT+7)"). */
  zoneLabel: string;
  /** The day the exchange rates are from, in the reader's language ("28 November 2025"). */
  ratesDate: string;
};

export function displayOf(settings: DisplaySettings): Display {
  return {
    ...settings,
    money: moneyViewOf(settings),
    date: (value, style) => formatDate(value, style, settings.locale, settings.timeZone),
    zoneLabel: timeZoneLabel(settings.timeZone, settings.locale),
    ratesDate: formatDate(`${settings.rates.date}T00:00:00Z`, 'dateLong', settings.locale, 'UTC'),
  };
}
