import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isLocale } from '@/lib/i18n/locales';
import { SiteChrome } from '@/components/site/chrome';

export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  // Each layout and page rendered once for everyone names its language (next-intl's static rendering).
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  return <SiteChrome>{children}</SiteChrome>;
}
