'use client';

// The language choice: saved in a cookie (lib/i18n/locales.ts) and applied at once. On an address that
// names its language (/ru/…) or a page rendered once for everyone (/@handle, /about), it moves to the
// same page's address in the chosen language; elsewhere it renders the page again.
import { usePathname, useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES, localeAddress, type Locale } from '@/lib/i18n/locales';

export function LanguageSwitcher() {
  const t = useTranslations('language');
  const current = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const { status } = useSession();
  const id = useId();

  const choose = (locale: Locale) => {
    document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
    // Signed in: e-mails follow the choice too (best effort; the page's language does not wait for it).
    if (status === 'authenticated') void fetch('/api/account/locale', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) }).catch(() => undefined);
    const target = localeAddress(pathname, locale);
    if (target === pathname) router.refresh();
    else router.push(`${target}${window.location.search}`);
  };

  return (
    <span className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          if (isLocale(event.target.value)) choose(event.target.value);
        }}
        className="rounded-md border border-line bg-panel px-2 py-2 text-sm text-muted hover:text-white"
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </span>
  );
}
