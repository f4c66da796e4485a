import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LOCALE_COOKIE, requestLocale } from '@/lib/i18n/locales';
import './[locale]/globals.css';

// Addresses outside every page (proxy.ts sends all page addresses into app/[locale], so this is e.g. an
// unknown /api/… address opened in a browser): a plain document with the way back, in the visitor's saved
// language or their browser's.
export default async function RootNotFound() {
  const [jar, list] = await Promise.all([cookies(), headers()]);
  const locale = requestLocale(jar.get(LOCALE_COOKIE)?.value, list.get('accept-language'));
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <html lang={locale}>
      <body className="font-sans antialiased">
        <main id="main" className="mx-auto flex max-w-xl flex-col items-center gap-3 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-muted">{t('body')}</p>
          <Link href={locale === 'en' ? '/' : `/${locale}`} className="rounded-md bg-accent-strong px-4 py-2 font-semibold text-white hover:opacity-90">
            {t('back')}
          </Link>
        </main>
      </body>
    </html>
  );
}
