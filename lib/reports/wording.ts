// Number and time wording for the report, in the reader's language and time zone. No message keys
// here (guide-text.ts and pdf.ts write the sentences); these are the figures they put in them.
import { formatDate } from '@/lib/i18n/time';
import { numberFormat } from '@/lib/stats/format';

const HOUR_MS = 3_600_000;

/** "1.4", "12", "1,234.5" ("1,4", "1 234,5" in Russian): at most one decimal, none when it would be ".0". */
export function formatDecimal(value: number, locale = 'en'): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/**
 * `value` rounded to one decimal, as a sentence shows it: a message's plural picks its form from the
 * shown figure, so 1.02 reads "1 video", not "1 videos", and 1.5 reads "1.5 videos".
 */
export function shownQuantity(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 + 0 : 0;
}

/** A span of days as a sentence says it: whole days, at least 1. */
export function shownDays(days: number): number {
  return Math.max(1, Math.round(Number.isFinite(days) ? days : 0));
}

/**
 * The hour that starts at `hourUtc` (0–23, UTC) as the reader's clock shows it, on the day of `at` (the
 * report's date, so a zone's summer or winter offset is the one of that day). The stored hour is a UTC
 * bucket; a zone with a fractional offset shows it as it is there: 23:00 UTC is 06:00–07:00 in
 * Asia/Bangkok and 04:30–05:30 in Asia/Kolkata.
 */
export function localHourRange(hourUtc: number, at: string, locale: string, timeZone: string): { from: string; to: string } {
  const day = new Date(at);
  const base = Number.isNaN(day.getTime()) ? new Date(0) : day;
  const start = Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), hourUtc);
  return { from: formatDate(new Date(start), 'time', locale, timeZone), to: formatDate(new Date(start + HOUR_MS), 'time', locale, timeZone) };
}

/** A rule of thumb's percentage as people write it: "1%", "40%" ("40 %" in Russian), no ".0". */
export function formatRulePercent(value: number, locale = 'en'): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}
