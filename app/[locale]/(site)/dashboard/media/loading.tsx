import { getTranslations } from 'next-intl/server';

/** While the library's page is on its way: its heading and a placeholder list, announced to screen readers. */
export default async function MediaLoading() {
  const t = await getTranslations('media');
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p role="status" className="text-sm text-muted">
        {t('list.loading')}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {[0, 1, 2].map((n) => (
          <div key={n} className="h-40 animate-pulse rounded-xl border border-line bg-panel" />
        ))}
      </div>
    </div>
  );
}
