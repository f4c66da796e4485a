'use client';

// Download the overlay's saved settings as a `livelens-overlay/1` file (lib/overlays/transfer.ts); the
// overlays page imports such a file into any workspace.
import { useTranslations } from 'next-intl';

export function ExportPanel({ overlayId, unsaved }: { overlayId: string; unsaved: boolean }) {
  const t = useTranslations('overlayThemes');
  return (
    <section aria-labelledby="export-title" className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 text-sm sm:p-5">
      <h2 id="export-title" className="text-base font-semibold">
        {t('export.title')}
      </h2>
      <p className="text-muted">{t('export.intro')}</p>
      {unsaved && <p className="font-semibold">{t('export.unsaved')}</p>}
      <div>
        <a href={`/api/overlays/${overlayId}/export`} download className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
          {t('export.download')}
        </a>
      </div>
    </section>
  );
}
