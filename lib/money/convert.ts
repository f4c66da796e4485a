// Money in the reader's currency. Every amount LiveLens computes is in US dollars (gift diamonds are
// worth USD_PER_DIAMOND, reports are priced in USD); other currencies are shown converted from USD at
// exchange rates that are configured and dated (lib/money/rates.ts), and always marked as converted.
// No server import here: client components format with the same code.

export const CURRENCIES = ['USD', 'EUR', 'RUB', 'THB', 'CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** Units of each currency one US dollar buys, and the day those rates are from (YYYY-MM-DD). */
export type ExchangeRates = { date: string; perUsd: Record<Currency, number> };

/**
 * The rates used when EXCHANGE_RATES is not set: approximate market rates per US dollar around the close
 * of Friday 28 November 2025, rounded (written from memory of that week's published rates, not fetched:
 * this machine reaches no rate service). Operators set EXCHANGE_RATES and EXCHANGE_RATES_DATE to their
 * own. Earnings are estimate ranges anyway; every converted figure is marked as converted.
 */
export const DEFAULT_EXCHANGE_RATES: ExchangeRates = {
  date: '2025-11-28',
  perUsd: { USD: 1, EUR: 0.8628, RUB: 78.23, THB: 32.26, CNY: 7.076 },
};

/** The currency a language's readers expect when they have not chosen one. */
export const DEFAULT_CURRENCY: Record<string, Currency> = { en: 'USD', ru: 'RUB', th: 'THB', 'zh-CN': 'CNY' };

export function defaultCurrencyFor(locale: string): Currency {
  return DEFAULT_CURRENCY[locale] ?? 'USD';
}

/** How a page shows money: the reader's language and currency, and the rates to convert with. */
export type MoneyView = { locale: string; currency: Currency; rates: ExchangeRates };

export function convertUsd(usd: number, view: Pick<MoneyView, 'currency' | 'rates'>): number {
  return usd * view.rates.perUsd[view.currency];
}

/**
 * Parses EXCHANGE_RATES ("EUR=0.86,RUB=78.2,THB=32.3,CNY=7.08", per US dollar); currencies it leaves
 * out keep their default. Throws a message naming the bad part.
 */
export function parseExchangeRates(text: string, date: string): ExchangeRates {
  const perUsd = { ...DEFAULT_EXCHANGE_RATES.perUsd };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [, letters, number] = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)$/.exec(part) ?? [];
    if (!letters || !number) throw new Error(`"${part}" is not CODE=rate (e.g. EUR=0.86)`);
    const code = letters.toUpperCase();
    const rate = Number(number);
    if (!isCurrency(code)) throw new Error(`${code} is not one of ${CURRENCIES.join(', ')}`);
    if (code === 'USD' && rate !== 1) throw new Error('USD is the base: its rate is 1');
    if (!(rate > 0)) throw new Error(`the rate for ${code} must be above 0`);
    perUsd[code] = rate;
  }
  return { date, perUsd };
}
