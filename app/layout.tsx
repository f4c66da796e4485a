import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/footer';
import { SiteHeader } from '@/components/site/header';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'LiveLens — TikTok LIVE analytics', template: '%s · LiveLens' },
  description: 'Statistics for any TikTok account, LIVE analytics for streamers, growth reports and OBS overlays.',
};

export const viewport: Viewport = { themeColor: '#0b0b10', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
