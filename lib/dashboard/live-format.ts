// Display helpers for lives, shared by the server-rendered tables and the browser-drawn charts and chat.
// Everything is in the reader's language and time zone, passed in (a page's Display from
// lib/i18n/display.ts or useDisplay()), so the server and the browser render the same text.
import { dateTimeFormat, DEFAULT_TIME_ZONE, formatDate, isTimeZone } from '@/lib/i18n/time';
import { intlLocaleOf, MISSING_VALUE, numberFormat } from '@/lib/stats/format';

function timeFormat(locale: string, timeZone: string, seconds: boolean, zoneName: boolean): Intl.DateTimeFormat {
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    ...(zoneName ? { timeZoneName: 'short' } : {}),
    timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
  });
}

/**
 * The time of day of `value` in `timeZone`, in the language's form: "10:05 PM" (en), "22:05" (ru);
 * with `seconds` "10:05:09 PM"; with `zoneName` the zone's short name as well ("10:05 PM GMT+7",
 * "22:05 UTC"). "—" for a missing or bad value.
 */
export function formatLiveTime(value: Date | string | null | undefined, locale: string, timeZone: string, options: { seconds?: boolean; zoneName?: boolean } = {}): string {
  const { seconds = false, zoneName = false } = options;
  if (!seconds && !zoneName) return formatDate(value, 'time', locale, timeZone);
  if (value === null || value === undefined) return MISSING_VALUE;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return MISSING_VALUE;
  return timeFormat(locale, timeZone, seconds, zoneName).format(date);
}

function unit(locale: string, name: 'hour' | 'minute' | 'second', value: number): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/**
 * A duration in seconds in the language's short units: "45 sec", "12 min", "2 hr 5 min" in English,
 * "2 ч 5 мин" in Russian, "2小时5分钟" in Chinese. "—" when negative or not finite.
 */
export function formatDuration(seconds: number, locale = 'en'): string {
  if (!Number.isFinite(seconds) || seconds < 0) return MISSING_VALUE;
  if (seconds < 60) return unit(locale, 'second', Math.floor(seconds));
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(locale, 'minute', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return unit(locale, 'hour', hours);
  return new Intl.ListFormat(intlLocaleOf(locale), { type: 'unit', style: 'narrow' }).format([unit(locale, 'hour', hours), unit(locale, 'minute', rest)]);
}

/**
 * A number with `minDigits` to `maxDigits` decimals in the language's form ("1,234.5", "1 234,5"): hours
 * live, game points (gift multipliers make fractions). "—" when not finite.
 */
export function formatDecimal(value: number, locale: string, { minDigits = 0, maxDigits = 1 }: { minDigits?: number; maxDigits?: number } = {}): string {
  if (!Number.isFinite(value)) return MISSING_VALUE;
  return numberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits, signDisplay: 'negative' }).format(value);
}
