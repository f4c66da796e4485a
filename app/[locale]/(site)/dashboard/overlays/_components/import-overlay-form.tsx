'use client';

// Imports an overlay from a settings file (lib/overlays/transfer.ts): the file's size and shape are
// checked here first, each with its own message; the server checks everything again. After the import,
// media files this workspace lacks are listed by name with an upload button each: the upload goes to the
// media library, and the overlay is relinked to it by checksum.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, type ChangeEvent } from 'react';
import { Notice } from '@/components/ui/card';
import type { MediaSummary } from '@/lib/media/library';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { looksLikeOverlayFile, MAX_IMPORT_BYTES, type ExportedMedia } from '@/lib/overlays/transfer';
import { fetchJson } from '@/lib/query-client';
import { AccountSelect, type AccountOption } from './account-select';
import { MissingMediaList, type Upload } from './missing-media-list';

type Imported = { overlay: OverlaySummary; missing: ExportedMedia[] };

const KB = 1024;

export function ImportOverlayForm({ accounts }: { accounts: AccountOption[] }) {
  const t = useTranslations('overlayThemes');
  const language = useLocale();
  const ids = { account: useId(), file: useId(), error: useId() };
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Record<string, Upload>>({});
  const run = useMutation({
    mutationFn: (file: unknown) => fetchJson<Imported>('/api/overlays/import', { method: 'POST', body: JSON.stringify({ accountId, file, language }) }),
    onSuccess: () => setUploads({}),
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    setProblem(null);
    run.reset();
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      setProblem(t('import.tooLarge', { kb: Math.ceil(chosen.size / KB), max: MAX_IMPORT_BYTES / KB }));
      input.value = '';
      return;
    }
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(await chosen.text());
    } catch {
      parsed = null;
    }
    input.value = '';
    if (!looksLikeOverlayFile(parsed)) {
      setProblem(t('import.notJson'));
      return;
    }
    run.mutate(parsed);
  };

  const uploadMissing = async (overlayId: string, wanted: ExportedMedia, file: File) => {
    setUploads((u) => ({ ...u, [wanted.sha256]: { state: 'uploading' } }));
    try {
      const { file: stored } = await fetchJson<{ file: MediaSummary }>(`/api/uploads/media?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
      if (stored.sha256 !== wanted.sha256) {
        setUploads((u) => ({ ...u, [wanted.sha256]: { state: 'different' } }));
        return;
      }
      const { missing } = await fetchJson<{ missing: string[] }>(`/api/overlays/${overlayId}/media-links`, { method: 'POST' });
      // Still missing after a matching upload: the overlay no longer uses it that way (edited meanwhile).
      setUploads((u) => ({ ...u, [wanted.sha256]: { state: missing.includes(wanted.sha256) ? 'different' : 'linked' } }));
    } catch (error) {
      setUploads((u) => ({ ...u, [wanted.sha256]: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    }
  };

  const error = problem ?? (run.error ? t('import.failed', { message: run.error.message.replace(/^[\w.]+: /, '') }) : null);
  const result = run.data;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">{t('import.intro', { kb: MAX_IMPORT_BYTES / KB })}</p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <AccountSelect id={ids.account} label={t('import.account')} accounts={accounts} value={accountId} onChange={setAccountId} />
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={ids.file} className="font-medium">
            {t('import.file')}
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".json,application/json"
            disabled={run.isPending}
            onChange={(e) => void choose(e)}
            aria-describedby={error ? ids.error : undefined}
            className="min-h-11 rounded-lg border border-line bg-panel-2 px-3 py-2 file:mr-3 file:rounded-md file:border-0 file:bg-panel file:px-3 file:py-1 file:font-semibold file:text-white"
          />
        </div>
      </div>
      {run.isPending && (
        <p role="status" className="text-sm text-muted">
          {t('import.importing')}
        </p>
      )}
      {error && (
        <p id={ids.error} role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
      {result && (
        <div className="flex flex-col gap-3">
          <Notice>
            {t('import.done', { name: result.overlay.name })}{' '}
            <Link href={`/dashboard/overlays/${result.overlay.id}`} className="font-semibold underline">
              {t('import.open')}
            </Link>
          </Notice>
          {result.missing.length === 0 ? (
            <p className="text-sm text-muted">{t('import.allFound')}</p>
          ) : (
            <MissingMediaList missing={result.missing} uploads={uploads} onUpload={(wanted, file) => void uploadMissing(result.overlay.id, wanted, file)} />
          )}
        </div>
      )}
    </div>
  );
}
