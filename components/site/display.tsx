'use client';

// Times and money in client components. Pages rendered per request wrap their content in
// <DisplayProvider settings={await readerDisplay(locale)}> so the server's HTML is already in the
// reader's zone and currency. Elsewhere (pages rendered once for everyone) the context starts at UTC and
// the language's currency, and switches to the browser's zone and saved choices after loading.
//
// BrowserTimeZone (in every site page's chrome) stores the browser's zone in a cookie, so pages rendered
// per request use it from then on; a DisplayProvider whose page was rendered before the zone was known
// (and with no saved zone) renders the page again once.
import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { CURRENCY_COOKIE, DISPLAY_COOKIE_MAX_AGE, displayOf, resolveDisplay, type Display, type DisplaySettings } from '@/lib/i18n/display-settings';
import { isTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/time';
import { DEFAULT_EXCHANGE_RATES, type ExchangeRates } from '@/lib/money/convert';

const DisplayContext = createContext<DisplaySettings | null>(null);
/** This instance's exchange rates (EXCHANGE_RATES), for pages without a DisplayProvider. */
const RatesContext = createContext<ExchangeRates>(DEFAULT_EXCHANGE_RATES);

/** Hands the configured exchange rates to every site page (SiteChrome puts it around them). */
export function RatesProvider({ rates, children }: { rates: ExchangeRates; children: ReactNode }) {
  return <RatesContext.Provider value={rates}>{children}</RatesContext.Provider>;
}

/** Zones a page was rendered again for in this page load. */
const refreshedFor = new Set<string>();

export type { Display };

export function DisplayProvider({ settings, children }: { settings: DisplaySettings; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    // Rendered before the browser's zone was known (or the browser moved zones): store it and render again,
    // once per zone and page load (if the server still does not take the cookie, no loop).
    const zone = browserTimeZone();
    if (!zone) return;
    if (readCookie(TIME_ZONE_COOKIE) !== zone) writeDisplayCookie(TIME_ZONE_COOKIE, zone);
    if (settings.timeZoneSource === 'saved' || settings.timeZone === zone || refreshedFor.has(zone)) return;
    refreshedFor.add(zone);
    router.refresh();
  }, [settings.timeZone, settings.timeZoneSource, router]);
  return <DisplayContext.Provider value={settings}>{children}</DisplayContext.Provider>;
}

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  if (!match) return undefined;
  const value = match.slice(name.length + 1);
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // not ours (a malformed escape): isTimeZone / isCurrency refuse it
  }
}

export function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : undefined;
}

export function writeDisplayCookie(name: typeof TIME_ZONE_COOKIE | typeof CURRENCY_COOKIE, value: string) {
  // Zone names and currency codes are cookie-safe as they are ("Asia/Bangkok"); anything else is encoded.
  const safe = /^[A-Za-z0-9_+\-/]+$/.test(value) ? value : encodeURIComponent(value);
  document.cookie = `${name}=${safe}; Path=/; Max-Age=${DISPLAY_COOKIE_MAX_AGE}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
}

const noSubscription = () => () => undefined;

/** "zone|currency" from the browser (a string, so the snapshot is stable between renders). */
function browserChoices(): string {
  return `${readCookie(TIME_ZONE_COOKIE) ?? browserTimeZone() ?? ''}|${readCookie(CURRENCY_COOKIE) ?? ''}`;
}

/** The reader's time zone, currency and language for client components. */
export function useDisplay(): Display {
  const provided = useContext(DisplayContext);
  const rates = useContext(RatesContext);
  const locale = useLocale();
  // On the server and in the first render in the browser: nothing (UTC, the language's currency), so
  // both agree; then the browser's own zone and the currency cookie.
  const choices = useSyncExternalStore(noSubscription, browserChoices, () => '|');
  return useMemo(() => {
    if (provided) return displayOf(provided);
    const [timeZone, currency] = choices.split('|');
    return displayOf(resolveDisplay(locale, null, { timeZone, currency }, rates));
  }, [provided, locale, choices, rates]);
}

/** Keeps the browser's time zone in a cookie (every site page), so pages rendered per request use it. */
export function BrowserTimeZone() {
  useEffect(() => {
    const zone = browserTimeZone();
    if (zone && readCookie(TIME_ZONE_COOKIE) !== zone) writeDisplayCookie(TIME_ZONE_COOKIE, zone);
  }, []);
  return null;
}
