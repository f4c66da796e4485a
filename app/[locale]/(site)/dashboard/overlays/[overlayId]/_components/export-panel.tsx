'use client';

// Download the overlay's saved settings as a `livelens-overlay/1` file (lib/overlays/transfer.ts); the
// overlays page imports such a file into any workspace.
import { useTranslations } from 'next-intl';
import { EditorPanel } from './editor-panel';

export function ExportPanel({ overlayId, unsaved }: { overlayId: string; unsaved: boolean }) {
  const t = useTranslations('overlayThemes');
  return (
    <EditorPanel id="export" title={t('export.title')} description={t('export.intro')}>
      {unsaved && <p className="text-sm font-semibold">{t('export.unsaved')}</p>}
      <div>
        <a href={`/api/overlays/${overlayId}/export`} download className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
          {t('export.download')}
        </a>
      </div>
    </EditorPanel>
  );
}
