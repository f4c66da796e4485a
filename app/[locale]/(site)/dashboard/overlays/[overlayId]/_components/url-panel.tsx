'use client';

// "Add to OBS": the overlay's URL with Copy, the suggested source size and steps, and the two ways to
// stop a URL: regenerate (a new one replaces it) and revoke (off until regenerated).
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Notice } from '@/components/ui/card';
import { formatObsSize, OBS_SIZES, requestErrorMessage } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { fetchJson } from '@/lib/query-client';
import { ObsSteps } from '../../_components/obs-guide';
import { OverlayUrlField } from '../../_components/overlay-url';
import { ConfirmAction } from './confirm-action';
import { useEditorWords } from './editor-words';

type Props = { overlay: OverlaySummary; fallbackOrigin: string; onChange: (overlay: OverlaySummary) => void };

const strong = (chunks: ReactNode) => <strong className="text-white">{chunks}</strong>;
const muted = (chunks: ReactNode) => <span className="text-muted">{chunks}</span>;

export function UrlPanel({ overlay, fallbackOrigin, onChange }: Props) {
  const t = useTranslations('overlayEditor');
  const words = useEditorWords();
  // What the last regeneration did: turned a revoked overlay back on, or replaced a working URL.
  const [notice, setNotice] = useState<'turnedOn' | 'regenerated' | null>(null);
  const post = (action: 'token' | 'revoke') => fetchJson<{ overlay: OverlaySummary }>(`/api/overlays/${overlay.id}/${action}`, { method: 'POST' });
  const regenerate = useMutation({
    mutationFn: () => post('token'),
    onSuccess: ({ overlay: updated }) => {
      onChange(updated);
      setNotice(overlay.revoked ? 'turnedOn' : 'regenerated');
    },
  });
  const revoke = useMutation({
    mutationFn: () => post('revoke'),
    onSuccess: ({ overlay: updated }) => {
      onChange(updated);
      setNotice(null);
    },
  });
  const size = formatObsSize(OBS_SIZES[overlay.kind]);

  return (
    <section aria-labelledby="obs-title" className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="obs-title" className="font-semibold">
        {t('obs.title')}
      </h2>
      {overlay.token ? (
        <>
          <OverlayUrlField token={overlay.token} fallbackOrigin={fallbackOrigin} />
          <p className="text-sm">{t.rich('obs.size', { size, strong: (chunks) => <strong data-testid="obs-size">{chunks}</strong>, muted })}</p>
          <details className="group text-sm">
            <summary className="min-h-11 cursor-pointer content-center font-semibold text-muted hover:text-white">{t('obs.howTo')}</summary>
            <div className="pt-1">
              <ObsSteps kind={overlay.kind} />
            </div>
          </details>
        </>
      ) : (
        <Notice tone="warn">{t('obs.revoked')}</Notice>
      )}
      {notice && <Notice>{notice === 'turnedOn' ? t('obs.turnedOn') : t('obs.regenerated')}</Notice>}
      <div className="flex flex-col gap-2 border-t border-line pt-4">
        <p className="text-xs text-muted">{t('obs.leaked')}</p>
        <div className="flex flex-wrap gap-2">
          <ConfirmAction
            label={overlay.revoked ? t('obs.turnOnLabel') : t('obs.regenerate')}
            title={overlay.revoked ? t('obs.turnOnTitle') : t('obs.regenerateTitle')}
            confirmLabel={overlay.revoked ? t('obs.turnOnConfirm') : t('obs.regenerate')}
            pendingLabel={t('obs.regenerating')}
            tone={overlay.revoked ? 'normal' : 'danger'}
            onConfirm={() => regenerate.mutateAsync()}
            error={regenerate.error ? requestErrorMessage(regenerate.error, words) : null}
          >
            {overlay.revoked ? (
              <p>{t('obs.turnOnBody')}</p>
            ) : (
              <p>{t.rich('obs.regenerateBody', { strong })}</p>
            )}
          </ConfirmAction>
          {!overlay.revoked && (
            <ConfirmAction label={t('obs.revoke')} title={t('obs.revokeTitle')} confirmLabel={t('obs.revokeConfirm')} pendingLabel={t('obs.revoking')} onConfirm={() => revoke.mutateAsync()} error={revoke.error ? requestErrorMessage(revoke.error, words) : null}>
              <p>{t.rich('obs.revokeBody', { strong })}</p>
            </ConfirmAction>
          )}
        </div>
      </div>
    </section>
  );
}
