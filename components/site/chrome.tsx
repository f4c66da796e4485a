import type { ReactNode } from 'react';
import { BrowserTimeZone, RatesProvider } from '@/components/site/display';
import { exchangeRates } from '@/lib/money/rates';
import { SiteFooter } from '@/components/site/footer';
import { SiteHeader } from '@/components/site/header';

/** Header, main column and footer of every site page (and of the not-found page). */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    // The configured exchange rates reach client components of pages rendered once for everyone.
    <RatesProvider rates={exchangeRates()}>
      <div className="flex min-h-dvh flex-col">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        <BrowserTimeZone />
      </div>
    </RatesProvider>
  );
}
