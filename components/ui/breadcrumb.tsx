import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** "Parent / current" above a dashboard page's title: the way back up, and where you are. */
export function Breadcrumb({ href, parent, current }: { href: string; parent: string; current: ReactNode }) {
  const t = useTranslations('dashboard');
  return (
    <nav aria-label={t('breadcrumb')} className="text-sm text-muted wrap-anywhere">
      <Link href={href} className="hover:text-white">
        {parent}
      </Link>{' '}
      / <span className="text-white">{current}</span>
    </nav>
  );
}
