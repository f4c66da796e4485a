// Number forms the shared formatters (lib/stats/format.ts) do not cover, in the page's language.
import { dateTimeFormat } from '@/lib/i18n/time';
import { numberFormat } from '@/lib/stats/format';

/** A number with exactly `digits` decimals in the language's form: "12.5", "12,5". */
export function formatDecimal(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A whole percentage (0–100, already rounded as wanted) in the language's form: "70%", "70 %". */
export function formatWholePercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A change in whole units with its sign ("+1,204", "−35", "0"); compact above 100,000 ("+1.2M"). */
export function formatSignedCount(value: number, locale: string): string {
  const rounded = Math.round(value);
  const compact = Math.abs(rounded) >= 100_000;
  return numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: compact ? 1 : 0, ...(compact ? { notation: 'compact' } : {}) }).format(rounded);
}

/** Two UTC calendar days ("YYYY-MM-DD") as one short range: "Nov 30 – Dec 6", "30 нояб. – 6 дек.". */
export function formatDayRange(from: string, to: string, locale: string): string {
  const format = dayFormat(locale);
  return from === to ? format.format(new Date(`${from}T00:00:00Z`)) : format.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

function dayFormat(locale: string): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
