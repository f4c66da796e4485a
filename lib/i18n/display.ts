// How the current reader sees times and money on pages rendered per request (the dashboard, account,
// reports, orders): their saved settings, else the cookies the browser sets (its own time zone, a
// currency picked while signed out), else UTC and their language's currency. Pages rendered once for
// everyone (/@handle, /about) cannot know the reader: their client components switch to the browser's
// zone after loading (components/site/display.tsx).
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { CURRENCY_COOKIE, displayOf, type Display, type DisplaySettings } from '@/lib/i18n/display-settings';
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/time';
import { defaultCurrencyFor, isCurrency } from '@/lib/money/convert';
import { exchangeRates } from '@/lib/money/rates';

/** The reader's settings with formatting helpers, for server components. */
export async function readerFormat(locale: string): Promise<Display> {
  return displayOf(await readerDisplay(locale));
}

/** Once per request however many layouts and pages ask (React's request cache). */
export const readerDisplay = cache(async (locale: string): Promise<DisplaySettings> => {
  const [user, jar] = await Promise.all([auth(), cookies()]);
  const saved = user ? await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true, currency: true } }) : null;
  return resolveDisplay(locale, saved, { timeZone: cookieValue(jar.get(TIME_ZONE_COOKIE)?.value), currency: cookieValue(jar.get(CURRENCY_COOKIE)?.value) });
});

/** A cookie's value as the browser wrote it ("Asia/Bangkok"), also when it was percent-encoded. */
function cookieValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The settings from what is saved and what the browser sent, in that order (exported for tests). */
export function resolveDisplay(
  locale: string,
  saved: { timeZone: string | null; currency: string | null } | null,
  sent: { timeZone?: string; currency?: string },
): DisplaySettings {
  const rates = exchangeRates();
  const timeZone = isTimeZone(saved?.timeZone) ? { zone: saved.timeZone, source: 'saved' as const } : isTimeZone(sent.timeZone) ? { zone: sent.timeZone, source: 'browser' as const } : { zone: DEFAULT_TIME_ZONE, source: 'default' as const };
  const currency = isCurrency(saved?.currency) ? saved.currency : isCurrency(sent.currency) ? sent.currency : defaultCurrencyFor(locale);
  return { locale, timeZone: timeZone.zone, timeZoneSource: timeZone.source, currency, rates };
}
