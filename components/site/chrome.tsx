import type { ReactNode } from 'react';
import { BrowserTimeZone } from '@/components/site/display';
import { SiteFooter } from '@/components/site/footer';
import { SiteHeader } from '@/components/site/header';

/** Header, main column and footer of every site page (and of the not-found page). */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
      <BrowserTimeZone />
    </div>
  );
}
