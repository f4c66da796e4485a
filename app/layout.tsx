import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'LiveLens — TikTok LIVE analytics', template: '%s · LiveLens' },
  description: 'Statistics for any TikTok account, LIVE analytics for streamers, growth reports and OBS overlays.',
};

export const viewport: Viewport = { themeColor: '#0b0b10', width: 'device-width', initialScale: 1 };

// The bare document. The site's header and footer come from app/(site)/layout.tsx; OBS overlays
// (app/overlay) render on their own, with a transparent page and no chrome.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
