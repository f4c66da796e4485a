'use client';

// The media library: an upload area (drag and drop, or the file picker, which is an ordinary labelled
// file input, so it works with a keyboard) and the list of files with previews. Files are sent one at a
// time as the raw request body; the server reads their type from the bytes and answers in the page's language.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type DragEvent } from 'react';
import { Card, EmptyState } from '@/components/ui/card';
import type { MediaSummary } from '@/lib/media/library';
import { MAX_UPLOAD_BYTES } from '@/lib/media/limits';
import { fetchJson } from '@/lib/query-client';
import { formatBytes, MediaItem } from './_components/media-item';

const MEDIA_QUERY = ['media'] as const;

// A hint for the picker only: the server decides by content.
const ACCEPT = 'audio/mpeg,audio/ogg,audio/wav,image/png,image/jpeg,image/gif,image/webp,video/webm,video/mp4,.mp3,.ogg,.oga,.opus,.wav,.png,.jpg,.jpeg,.gif,.webp,.webm,.mp4';

type UploadNote = { id: number; tone: 'info' | 'error'; text: string };

export function MediaLibrary({ initialFiles }: { initialFiles: MediaSummary[] }) {
  const t = useTranslations('media');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const files = useQuery({ queryKey: MEDIA_QUERY, queryFn: () => fetchJson<{ files: MediaSummary[] }>('/api/media').then((r) => r.files), initialData: initialFiles, staleTime: 30_000 });
  const [notes, setNotes] = useState<UploadNote[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: MEDIA_QUERY });

  const note = (tone: UploadNote['tone'], text: string) => setNotes((list) => [{ id: Date.now() + Math.random(), tone, text }, ...list].slice(0, 6));

  async function upload(list: FileList | File[]) {
    for (const file of Array.from(list)) {
      if (file.size > MAX_UPLOAD_BYTES) {
        note('error', t('upload.tooLarge', { name: file.name, mb: Math.round(MAX_UPLOAD_BYTES / (1024 * 1024)) }));
        continue;
      }
      setBusy(file.name);
      try {
        const result = await fetchJson<{ file: MediaSummary; duplicate: boolean }>(`/api/uploads/media?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
          headers: { 'content-type': 'application/octet-stream' },
        });
        note('info', result.duplicate ? t('upload.duplicate', { name: file.name, existing: result.file.name }) : t('upload.done', { name: file.name }));
      } catch (error) {
        note('error', t('upload.failed', { name: file.name, error: error instanceof Error ? error.message : String(error) }));
      }
    }
    setBusy(null);
    await refresh();
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) void upload(event.dataTransfer.files);
  };

  const total = files.data.reduce((sum, f) => sum + f.bytes, 0);

  return (
    <>
      <Card title={t('upload.title')}>
        <div
          data-testid="media-drop"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? 'border-accent bg-accent/10' : 'border-line'}`}
        >
          <p className="font-semibold">{t('upload.drop')}</p>
          <p className="text-muted">{t('upload.or')}</p>
          <label htmlFor={inputId} className="inline-flex min-h-11 cursor-pointer items-center rounded-lg bg-accent-strong px-4 font-semibold hover:opacity-90 focus-within:outline focus-within:outline-2 focus-within:outline-offset-2">
            {t('upload.choose')}
            <input
              id={inputId}
              type="file"
              multiple
              accept={ACCEPT}
              className="sr-only"
              disabled={busy !== null}
              onChange={(event) => {
                const chosen = event.currentTarget.files;
                if (chosen && chosen.length > 0) void upload(Array.from(chosen));
                event.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        <div aria-live="polite" className="mt-3 flex flex-col gap-1 text-sm">
          {busy && <p role="status">{t('upload.uploading', { name: busy })}</p>}
          {notes.map((n) => (
            <p key={n.id} className={n.tone === 'error' ? 'text-accent' : 'text-muted'} data-testid="media-note">
              {n.text}
            </p>
          ))}
        </div>
      </Card>

      <Card
        title={t('list.title')}
        action={
          <span className="text-xs text-muted" role="status">
            {files.isFetching ? t('list.refreshing') : t('list.summary', { count: files.data.length, size: formatBytes(total, locale) })}
          </span>
        }
      >
        {files.data.length === 0 ? (
          <EmptyState title={t('list.emptyTitle')}>{t('list.empty')}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="media-list">
            {files.data.map((file) => (
              <MediaItem key={file.id} file={file} onChanged={refresh} />
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
