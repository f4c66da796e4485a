import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SiteChrome } from '@/components/site/chrome';

// The site's not-found page (also for addresses no page matches: app/[locale]/[...rest]). It sits
// outside app/[locale]/(site)/layout.tsx, so it brings the site's chrome itself.
export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <SiteChrome>
      <div className="flex flex-col items-center gap-3 py-16 text-center">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-muted">{t('body')}</p>
        <Link href="/" className="rounded-md bg-accent-strong px-4 py-2 font-semibold text-white hover:opacity-90">
          {t('back')}
        </Link>
      </div>
    </SiteChrome>
  );
}
