import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Previous / next links for a paged list; nothing when everything fits on one page. */
export function Pager({ page, pages, makeHref, label }: { page: number; pages: number; makeHref: (page: number) => string; label: string }) {
  const t = useTranslations('dashboard');
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={makeHref(Math.min(page - 1, pages))} className="rounded-md border border-line px-3 py-2 hover:bg-panel-2">
          {t('pager.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        {t('pager.page', { page, pages })}
      </span>
      {page < pages ? (
        <Link href={makeHref(page + 1)} className="rounded-md border border-line px-3 py-2 hover:bg-panel-2">
          {t('pager.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
