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
import { CURRENCY_COOKIE, displayOf, resolveDisplay, type Display, type DisplaySettings } from '@/lib/i18n/display-settings';
import { rememberBrowserZone } from '@/lib/i18n/browser-zone';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/time';
import { exchangeRates } from '@/lib/money/rates';

/** The reader's settings with formatting helpers, for server components. */
export async function readerFormat(locale: string): Promise<Display> {
  return displayOf(await readerDisplay(locale));
}

/** Once per request however many layouts and pages ask (React's request cache). */
export const readerDisplay = cache(async (locale: string): Promise<DisplaySettings> => {
  const [user, jar] = await Promise.all([auth(), cookies()]);
  const saved = user ? await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true, currency: true, browserTimeZone: true } }) : null;
  const sent = { timeZone: cookieValue(jar.get(TIME_ZONE_COOKIE)?.value), currency: cookieValue(jar.get(CURRENCY_COOKIE)?.value) };
  if (user && saved) await rememberBrowserZone(db, user.id, saved.browserTimeZone, sent.timeZone);
  return resolveDisplay(locale, saved, sent, exchangeRates());
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
