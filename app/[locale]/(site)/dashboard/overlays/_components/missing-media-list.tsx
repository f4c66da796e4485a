'use client';

// After an import: the media files the workspace lacks, by the name and kind the file gave them, each with
// an upload button and what became of its upload (linked, a different file, an error).
import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/card';
import type { ExportedMedia } from '@/lib/overlays/transfer';

export type Upload = { state: 'uploading' | 'linked' | 'different' | 'failed'; message?: string };

const ACCEPT: Record<ExportedMedia['kind'], string> = { SOUND: 'audio/*', IMAGE: 'image/*', VIDEO: 'video/*' };

type Props = { missing: ExportedMedia[]; uploads: Record<string, Upload>; onUpload: (wanted: ExportedMedia, file: File) => void };

export function MissingMediaList({ missing, uploads, onUpload }: Props) {
  const t = useTranslations('overlayThemes');
  return (
    <Notice tone="warn">
      <p className="font-semibold">{t('import.missingTitle', { count: missing.length })}</p>
      <p className="mb-2">{t('import.missingIntro')}</p>
      <ul className="flex flex-col gap-2">
        {missing.map((m) => {
          const upload = uploads[m.sha256];
          return (
            <li key={m.sha256} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
              <span className="min-w-0 break-all">
                <span className="font-semibold">{m.name}</span> <span className="text-muted">({t('import.kind', { kind: m.kind })})</span>
              </span>
              {upload?.state === 'linked' ? (
                <span role="status" className="font-semibold">
                  {t('import.linked')}
                </span>
              ) : (
                <label className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-line px-3 font-semibold hover:bg-panel-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-2">
                  {upload?.state === 'uploading' ? t('import.uploading') : t('import.upload', { name: m.name })}
                  <input
                    type="file"
                    className="sr-only"
                    accept={ACCEPT[m.kind]}
                    disabled={upload?.state === 'uploading'}
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      e.currentTarget.value = '';
                      if (file) onUpload(m, file);
                    }}
                  />
                </label>
              )}
              {upload?.state === 'different' && (
                <span role="alert" className="text-accent">
                  {t('import.different', { name: m.name })}
                </span>
              )}
              {upload?.state === 'failed' && (
                <span role="alert" className="text-accent">
                  {t('import.failed', { message: upload.message ?? '' })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Notice>
  );
}
