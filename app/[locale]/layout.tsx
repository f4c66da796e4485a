import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { appUrl } from '@/lib/env';
import { Providers } from './providers';
import './globals.css';

const DESCRIPTION = 'Statistics for any TikTok account, LIVE analytics for streamers, growth reports and OBS overlays.';

// Icons, the web manifest and the share picture live in public/ (drawn by scripts/make-static-images.ts);
// app/icon.svg is the vector favicon for browsers that take one. Pages with a picture of their own
// override `openGraph.images`.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(appUrl()),
    title: { default: 'LiveLens — TikTok LIVE analytics', template: '%s · LiveLens' },
    description: DESCRIPTION,
    applicationName: 'LiveLens',
    manifest: '/site.webmanifest',
    icons: { icon: [{ url: '/favicon.ico', sizes: '48x48' }, { url: '/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
    openGraph: { siteName: 'LiveLens', type: 'website', images: [{ url: '/images/share.png', width: 1200, height: 630, alt: 'LiveLens' }] },
    twitter: { card: 'summary_large_image', images: ['/images/share.png'] },
  };
}

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
