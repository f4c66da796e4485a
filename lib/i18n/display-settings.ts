// The shape of "how this reader sees times and money", shared by server pages (lib/i18n/display.ts)
// and client components (components/site/display.tsx).
import { DEFAULT_TIME_ZONE, formatDate, isTimeZone, timeZoneLabel, type DateStyle } from '@/lib/i18n/time';
import { defaultCurrencyFor, isCurrency, type Currency, type ExchangeRates, type MoneyView } from '@/lib/money/convert';

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

/**
 * The settings from what is saved on the account and what the browser sent (its zone, a currency cookie),
 * in that order, else UTC and the language's currency. Pages (lib/i18n/display.ts), mail (no browser:
 * `sent` is empty) and pages rendered for everyone (no account: `saved` is null) all decide with this.
 */
export function resolveDisplay(
  locale: string,
  saved: { timeZone: string | null; currency: string | null } | null,
  sent: { timeZone?: string; currency?: string },
  rates: ExchangeRates,
): DisplaySettings {
  const timeZone = isTimeZone(saved?.timeZone) ? { zone: saved.timeZone, source: 'saved' as const } : isTimeZone(sent.timeZone) ? { zone: sent.timeZone, source: 'browser' as const } : { zone: DEFAULT_TIME_ZONE, source: 'default' as const };
  const currency = isCurrency(saved?.currency) ? saved.currency : isCurrency(sent.currency) ? sent.currency : defaultCurrencyFor(locale);
  return { locale, timeZone: timeZone.zone, timeZoneSource: timeZone.source, currency, rates };
}

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
