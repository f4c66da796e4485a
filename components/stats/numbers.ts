// Number forms the shared formatters (lib/stats/format.ts) do not cover, in the page's language.
import { numberFormat } from '@/lib/stats/format';

/** A number with exactly `digits` decimals in the language's form: "12.5", "12,5". */
export function formatDecimal(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A whole percentage (0–100, already rounded as wanted) in the language's form: "70%", "70 %". */
export function formatWholePercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}
