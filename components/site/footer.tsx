import Link from 'next/link';
import { useTranslations } from 'next-intl';

export function SiteFooter() {
  const t = useTranslations('footer');
  return (
    <footer className="mt-16 border-t border-line print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>
          {t('tagline')}{' '}
          <Link href="/about" className="underline hover:text-white">
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
