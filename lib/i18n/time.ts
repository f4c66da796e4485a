// Dates and times in the reader's time zone and language. Isomorphic: server pages, client components
// and e-mails format with the same functions, so the same instant reads the same everywhere.
import { intlLocaleOf } from '@/lib/stats/format';

export const DEFAULT_TIME_ZONE = 'UTC';
export const TIME_ZONE_COOKIE = 'livelens-tz';

/** Whether Intl knows `value` as an IANA time zone ("Asia/Bangkok", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone this runtime knows, for the settings picker ("UTC" first). */
export function timeZoneList(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

export type DateStyle = 'date' | 'dateLong' | 'dateTime' | 'dateTimeSeconds' | 'time' | 'dayMonth';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateLong: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  time: { hour: '2-digit', minute: '2-digit' },
  dayMonth: { month: 'short', day: 'numeric' },
};

const formats = new Map<string, Intl.DateTimeFormat>();
/** One Intl.DateTimeFormat per (language, options), made once: every date formatter shares this cache. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocaleOf(locale), options);
    formats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { ...STYLES[style], timeZone });
}

/** `value` (a Date or an ISO string) in `timeZone`, in the language's form; "—" for a missing or bad value. */
export function formatDate(value: Date | string | null | undefined, style: DateStyle, locale: string, timeZone: string): string {
  if (value === null || value === undefined) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  return dateFormat(locale, isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE, style).format(date);
}

/** The zone as people read it: "UTC", or "Asia/Bangkok (GMT+7)" with its offset at `at`. */
export function timeZoneLabel(timeZone: string, locale: string, at: Date = new Date()): string {
  if (timeZone === 'UTC') return 'UTC';
  const offset = dateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone.replace(/_/g, ' ')} (${offset})` : timeZone;
}
