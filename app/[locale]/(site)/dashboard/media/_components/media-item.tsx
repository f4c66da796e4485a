'use client';

// One file of the media library: its preview (image, sound or video element), what it is, and rename and
// delete (delete asks first, naming the file).
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { MediaSummary } from '@/lib/media/library';
import { fetchJson } from '@/lib/query-client';

/** "512 KB", "3.4 MB" in the page's language. */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes / (mb ? 1024 * 1024 : 1024));
}

function Preview({ file }: { file: MediaSummary }) {
  const t = useTranslations('media');
  if (file.kind === 'IMAGE') {
    // eslint-disable-next-line @next/next/no-img-element -- our own file, served as is (an animated GIF must stay animated)
    return <img src={file.url} alt="" loading="lazy" width={file.width ?? undefined} height={file.height ?? undefined} className="h-32 w-full rounded-md bg-panel-2 object-contain" />;
  }
  if (file.kind === 'SOUND') return <audio controls preload="none" src={file.url} aria-label={t('file.soundPreview', { name: file.name })} className="w-full" />;
  return <video controls muted preload="metadata" src={file.url} aria-label={t('file.videoPreview', { name: file.name })} className="h-32 w-full rounded-md bg-panel-2 object-contain" />;
}

function KindLabel({ kind }: { kind: MediaSummary['kind'] }) {
  const t = useTranslations('media');
  switch (kind) {
    case 'SOUND':
      return <>{t('kind.sound')}</>;
    case 'IMAGE':
      return <>{t('kind.image')}</>;
    case 'VIDEO':
      return <>{t('kind.video')}</>;
  }
}

export function MediaItem({ file, onChanged }: { file: MediaSummary; onChanged: () => Promise<void> }) {
  const t = useTranslations('media');
  const locale = useLocale();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(file.name);
  const nameId = useId();
  const rename = useMutation({
    mutationFn: (next: string) => fetchJson(`/api/media/${file.id}`, { method: 'PATCH', body: JSON.stringify({ name: next }) }),
    onSuccess: async () => {
      setRenaming(false);
      await onChanged();
    },
  });
  const remove = useMutation({ mutationFn: () => fetchJson(`/api/media/${file.id}`, { method: 'DELETE' }), onSuccess: onChanged });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(name);
  };
  const details = [
    formatBytes(file.bytes, locale),
    file.width !== null && file.height !== null ? t('file.dimensions', { width: file.width, height: file.height }) : null,
    file.durationMs !== null ? t('file.duration', { seconds: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(file.durationMs / 1000) }) : null,
    file.animated ? t('file.animated') : null,
  ].filter((d): d is string => d !== null);
  const error = rename.error ?? remove.error;

  return (
    <li className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-3 text-sm" data-testid="media-item">
      <Preview file={file} />
      <div className="min-w-0">
        <p className="truncate font-semibold" title={file.name}>
          {file.name}
        </p>
        <p className="text-xs text-muted">
          <span className="mr-1 rounded-full border border-line px-2 py-0.5">
            <KindLabel kind={file.kind} />
          </span>
          {details.join(' · ')}
        </p>
      </div>
      {renaming ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <label htmlFor={nameId} className="flex w-full flex-col gap-1 text-xs text-muted">
            {t('file.renameLabel', { name: file.name })}
            <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required className="min-h-11 rounded-md border border-line bg-panel-2 px-2 text-sm text-white" />
          </label>
          <button type="submit" disabled={rename.isPending} className="min-h-11 rounded-md bg-accent-strong px-3 font-semibold disabled:opacity-60">
            {t('file.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)} className="min-h-11 rounded-md px-3 text-muted">
            {t('file.cancel')}
          </button>
        </form>
      ) : confirming ? (
        <div className="flex flex-col gap-2" role="group" aria-label={t('file.deleteNamed', { name: file.name })}>
          <p>{t('file.deleteConfirm', { name: file.name })}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending} className="min-h-11 rounded-md bg-accent-strong px-3 font-semibold disabled:opacity-60">
              {t('file.deleteNamed', { name: file.name })}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="min-h-11 rounded-md px-3 text-muted">
              {t('file.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setRenaming(true)} className="min-h-11 rounded-md border border-line px-3 hover:bg-panel-2">
            {t('file.rename')}
          </button>
          <button type="button" onClick={() => setConfirming(true)} className="min-h-11 rounded-md border border-line px-3 hover:bg-panel-2">
            {t('file.delete')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-accent">
          {error.message.replace(/^\w+: /, '')}
        </p>
      )}
    </li>
  );
}
