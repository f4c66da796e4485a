import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { readerPath } from '@/lib/i18n/locales';

export function SiteFooter() {
  const t = useTranslations('footer');
  const locale = useLocale();
  return (
    <footer className="mt-16 border-t border-line print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>
          {t('tagline')}{' '}
          <Link href={readerPath(locale, '/about')} className="underline hover:text-white">
            {t('about')}
          </Link>
        </p>
        <p>
          {t.rich('license', {
            link: (chunks) => (
              <a className="underline hover:text-white" href="https://www.gnu.org/licenses/agpl-3.0.html">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    </footer>
  );
}
