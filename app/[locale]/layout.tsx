import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { appUrl } from '@/lib/env';
import { isLocale, LOCALES } from '@/lib/i18n/locales';
import { Providers } from './providers';
import './globals.css';

type LayoutParams = { params: Promise<{ locale: string }> };

/** Pages rendered once for everyone (/about, /@handle) are rendered once per language. */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

// Icons, the web manifest and the share picture live in public/ (drawn by scripts/make-static-images.ts);
// app/icon.svg is the vector favicon for browsers that take one. Pages with a picture of their own
// override `openGraph.images`.
export async function generateMetadata({ params }: LayoutParams): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'en', namespace: 'meta' });
  return {
    metadataBase: new URL(appUrl()),
    title: { default: t('title'), template: '%s · LiveLens' },
    description: t('description'),
    applicationName: 'LiveLens',
    manifest: '/site.webmanifest',
    icons: { icon: [{ url: '/favicon.ico', sizes: '48x48' }, { url: '/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
    openGraph: { siteName: 'LiveLens', type: 'website', images: [{ url: '/images/share.png', width: 1200, height: 630, alt: 'LiveLens' }] },
    twitter: { card: 'summary_large_image', images: ['/images/share.png'] },
  };
}

export const viewport: Viewport = { themeColor: '#0b0b10', width: 'device-width', initialScale: 1 };

// The bare document, in the request's language (proxy.ts puts it in the address). The site's header and
// footer come from app/[locale]/(site)/layout.tsx; OBS overlays (app/[locale]/overlay) render on their
// own, with a transparent page and no chrome.
export default async function LocaleLayout({ children, params }: LayoutParams & { children: ReactNode }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // Messages only the server writes (e-mails, API errors) are not sent to the browser; fetchJson's own
  // (network) are bundled with it (lib/query-client.ts).
  const { email: _email, errors: _errors, network: _network, ...clientMessages } = await getMessages();
  return (
    <html lang={locale}>
      <body className="font-sans antialiased">
        <NextIntlClientProvider messages={clientMessages}>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
