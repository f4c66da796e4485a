'use client';

// What else can be done with an overlay: reset a leaderboard's board, delete the overlay. (The Q&A host
// panel link sits in the editor's header, where a host looks for it.)
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice } from '@/components/ui/card';
import { requestErrorMessage } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { fetchJson } from '@/lib/query-client';
import { ConfirmAction } from './confirm-action';
import { useEditorWords } from './editor-words';

export function MoreActions({ overlay, unsaved }: { overlay: OverlaySummary; unsaved: boolean }) {
  const router = useRouter();
  const t = useTranslations('overlayEditor');
  const words = useEditorWords();
  const [resetDone, setResetDone] = useState(false);
  const reset = useMutation({
    mutationFn: () => fetchJson<{ session: { id: string } }>('/api/games/sessions', { method: 'POST', body: JSON.stringify({ overlayId: overlay.id }) }),
    onSuccess: () => setResetDone(true),
  });
  const remove = useMutation({
    mutationFn: () => fetchJson(`/api/overlays/${overlay.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      router.push('/dashboard/overlays');
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="more-title" className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="more-title" className="font-semibold">
        {t('more.title')}
      </h2>
      {overlay.kind === 'LEADERBOARD' && (
        <div className="flex flex-col gap-2 text-sm">
          <p className="text-muted">{t('more.resetIntro')}</p>
          <div>
            <ConfirmAction
              label={t('more.reset')}
              title={t('more.resetTitle')}
              confirmLabel={t('more.reset')}
              pendingLabel={t('more.resetting')}
              onConfirm={() => reset.mutateAsync()}
              error={reset.error ? requestErrorMessage(reset.error, words) : null}
            >
              <p>{unsaved ? t('more.resetBodyUnsaved') : t('more.resetBody')}</p>
            </ConfirmAction>
          </div>
          {resetDone && <Notice>{t('more.resetDone')}</Notice>}
        </div>
      )}
      <div className={`flex flex-col gap-2 text-sm ${overlay.kind === 'LEADERBOARD' ? 'border-t border-line pt-4' : ''}`}>
        <div>
          <ConfirmAction label={t('more.delete')} title={t('more.deleteTitle', { name: overlay.name })} confirmLabel={t('more.deleteConfirm')} pendingLabel={t('more.deleting')} onConfirm={() => remove.mutateAsync()} error={remove.error ? requestErrorMessage(remove.error, words) : null}>
            <p>{t('more.deleteBody')}</p>
          </ConfirmAction>
        </div>
      </div>
    </section>
  );
}
