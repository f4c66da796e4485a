// Display helpers for the stats pages, reports and e-mails, in the reader's language (`locale`, one of
// lib/i18n/locales.ts; English when not given). The output depends only on the arguments, so a page
// rendered on the server and hydrated in a browser with another locale shows the same text.
//
// Counts are formatted from exact integers (bigint) rather than floats: TikTok counts can pass 2^53,
// and decimal rounding on doubles gets halves wrong (1,150 / 1,000 is 1.1499… as a double). Intl formats
// a bigint from its exact value, so compact forms ("1.2K", "1,2 тыс.", "1.2万") round halves up exactly.
import { convertUsd, type MoneyView } from '@/lib/money/convert';

export const MISSING_VALUE = '—';

/** The Intl locale for an app locale: English is shown as in the US (as before languages came). */
export function intlLocaleOf(locale: string): string {
  return locale === 'en' ? 'en-US' : locale;
}

const formats = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per (language, options), made once: every number formatter shares this cache. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(locale), options);
    formats.set(key, format);
  }
  return format;
}

// USD (or any currency) at or above this is shown compactly ("$12.3K"); below it in whole units,
// below 10 with cents.
const MONEY_COMPACT_FROM = 10_000;
const MONEY_CENTS_BELOW = 10;

function toExactInteger(value: number | bigint): bigint | null {
  if (typeof value === 'bigint') return value;
  return Number.isFinite(value) ? BigInt(Math.round(value)) : null;
}

/** A whole count with the language's grouping ("1,204", "1 204"); exact for bigint. "—" for null or non-finite. */
export function formatCount(value: number | bigint | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined) return MISSING_VALUE;
  const exact = toExactInteger(value);
  return exact === null ? MISSING_VALUE : numberFormat(locale, { maximumFractionDigits: 0 }).format(exact);
}

/**
 * A count in the language's compact form with at most one decimal: 999, 1.2K, 3.4M, 13.4B, 2T in
 * English; "1,2 тыс." in Russian; "1.2万" in Chinese. Halves round up, computed on the exact integer
 * (999,950 is "1M", not "1,000K"). Numbers are rounded to a whole count first. "—" for null or non-finite.
 */
export function formatCompact(value: number | bigint | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined) return MISSING_VALUE;
  const exact = toExactInteger(value);
  if (exact === null) return MISSING_VALUE;
  // English groups thousands of trillions ("9,007.2T", as before); other languages as CLDR says ("1000万").
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1, useGrouping: locale === 'en' ? 'always' : 'auto' }).format(exact);
}

/** An amount of `currency` in the language's form: cents below 10, whole units below 10,000, compact above. */
function formatAmount(amount: number, currency: string, locale: string): string {
  const money = (options: Intl.NumberFormatOptions) => numberFormat(locale, { style: 'currency', currency, ...options });
  if (amount === 0) return money({ maximumFractionDigits: 0 }).format(0);
  if (amount < 0.005) return `<${money({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(0.01)}`;
  if (amount < MONEY_CENTS_BELOW) return money({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  if (amount < MONEY_COMPACT_FROM) return money({ minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
  return money({ notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** An amount of `currency` (ISO code) by the rules above: "CN¥365.40", "¥1,234", "¥12.3K" in Chinese. "—" for negative or non-finite. */
export function formatCurrency(amount: number, currency: string, locale = 'en'): string {
  if (!Number.isFinite(amount) || amount < 0) return MISSING_VALUE;
  return formatAmount(amount, currency, locale);
}

/**
 * A USD amount: "$4.50" below $10, "$1,234" below $10,000, "$12.3K" above; "<$0.01" for a positive
 * amount that would show as zero. "—" for negative or non-finite amounts.
 */
export function formatUsd(amount: number, locale = 'en'): string {
  if (!Number.isFinite(amount) || amount < 0) return MISSING_VALUE;
  return formatAmount(amount, 'USD', locale);
}

/** A USD range as "$12–$25", or one figure when both ends display the same. */
export function formatUsdRange(range: { low: number; high: number }, locale = 'en'): string {
  return joinRange(formatUsd(range.low, locale), formatUsd(range.high, locale));
}

function joinRange(low: string, high: string): string {
  if (low === MISSING_VALUE || high === MISSING_VALUE) return MISSING_VALUE;
  return low === high ? low : `${low}–${high}`;
}

/**
 * A USD amount shown in the reader's currency (lib/money/convert.ts): as USD when that is the choice,
 * else converted at the view's dated rate and marked "≈" (the page says which rates, see MoneyNote).
 */
export function formatMoney(usd: number, view: MoneyView): string {
  if (!Number.isFinite(usd) || usd < 0) return MISSING_VALUE;
  if (view.currency === 'USD') return formatAmount(usd, 'USD', view.locale);
  return `≈${formatAmount(convertUsd(usd, view), view.currency, view.locale)}`;
}

/** A USD range in the reader's currency: "$12–$25", "≈1 000 ₽–≈2 000 ₽" collapses to one "≈" mark. */
export function formatMoneyRange(range: { low: number; high: number }, view: MoneyView): string {
  if (view.currency === 'USD') return formatUsdRange(range, view.locale);
  const low = formatMoney(range.low, view);
  const high = formatMoney(range.high, view);
  if (low === MISSING_VALUE || high === MISSING_VALUE) return MISSING_VALUE;
  return low === high ? low : `${low}–${high.replace(/^≈/, '')}`;
}

/** A percentage with one decimal in the language's form: "4.3%", "1,234.5%", "4,3 %". "—" for null or non-finite. */
export function formatPercent(value: number | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  // 'negative' so a tiny negative value shows as 0.0%, not -0.0%. The number is formatted as it is
  // (not divided by 100, which would round 10.25 down) and put in the language's percent pattern.
  const number = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' }).format(value);
  return percentPattern(locale).replace('{n}', number);
}

const patterns = new Map<string, string>();
/** "{n}%" in English, "{n} %" in Russian: the language's percent sign and spacing, from Intl. */
function percentPattern(locale: string): string {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const parts = numberFormat(locale, { style: 'percent' }).formatToParts(0.07);
    pattern = parts.map((part) => (part.type === 'integer' ? '{n}' : part.value)).join('');
    patterns.set(locale, pattern);
  }
  return pattern;
}
