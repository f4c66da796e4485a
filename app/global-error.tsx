'use client';

import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { createTranslator } from 'use-intl/core';
import { ErrorState } from '@/components/ui/status-message';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, splitLocalePrefix, type Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en/notFound.json';
import ru from '@/lib/i18n/messages/ru/notFound.json';
import th from '@/lib/i18n/messages/th/notFound.json';
import zhCN from '@/lib/i18n/messages/zh-CN/notFound.json';
import './[locale]/globals.css';

// The page's own document failed (app/[locale]/layout.tsx): this replaces it, so it brings <html>, the
// styles and its texts itself (no message provider is left above it). The language comes from the
// address (/ru/…), else the saved choice, else English.
const MESSAGES: Record<Locale, typeof en> = { en, ru, th, 'zh-CN': zhCN };

const noSubscription = () => () => undefined;

function savedLocale(): Locale | undefined {
  const saved = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(document.cookie)?.[1];
  return isLocale(saved) ? saved : undefined;
}

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const pathname = usePathname();
  const saved = useSyncExternalStore(noSubscription, savedLocale, () => undefined);
  const locale = splitLocalePrefix(pathname ?? '/').locale ?? saved ?? DEFAULT_LOCALE;
  const t = createTranslator({ locale, namespace: 'notFound.error', messages: { notFound: MESSAGES[locale] } });
  return (
    <html lang={locale}>
      <body className="font-sans antialiased">
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8">
          <ErrorState texts={{ title: t('title'), body: t('body'), retry: t('retry'), home: t('home') }} reset={reset} />
        </main>
      </body>
    </html>
  );
}
