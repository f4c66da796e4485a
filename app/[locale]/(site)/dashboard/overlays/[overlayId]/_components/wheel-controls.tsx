'use client';

// The wheel of fortune's host panel: "Spin now" (a test spin drawn on the server from the saved segments,
// played on every open copy of the overlay, the editor's preview included) and the recent results, won by
// gifts or by the test button.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { requestErrorMessage } from '@/lib/overlays/editor';
import { RECENT_SPINS, type WheelSpin } from '@/lib/overlays/wheel';
import { fetchJson } from '@/lib/query-client';
import { useEditorWords } from './editor-words';

/** How often the list asks for results won by gifts meanwhile. */
const REFRESH_MS = 10_000;

export function WheelControls({ overlayId, unsaved }: { overlayId: string; unsaved: boolean }) {
  const t = useTranslations('overlayEditor');
  const format = useFormatter();
  const words = useEditorWords();
  const queryClient = useQueryClient();
  const key = ['overlay-wheel', overlayId];
  const spins = useQuery({ queryKey: key, queryFn: () => fetchJson<{ spins: WheelSpin[] }>(`/api/overlays/${overlayId}/wheel`), refetchInterval: REFRESH_MS });
  const spin = useMutation({
    mutationFn: () => fetchJson<{ spin: WheelSpin }>(`/api/overlays/${overlayId}/wheel`, { method: 'POST', body: JSON.stringify({ action: 'spin' }) }),
    onSuccess: ({ spin: added }) => queryClient.setQueryData<{ spins: WheelSpin[] }>(key, (current) => ({ spins: [added, ...(current?.spins ?? []).filter((s) => s.id !== added.id)].slice(0, RECENT_SPINS) })),
  });
  const list = spins.data?.spins ?? [];
  const error = spin.error ?? spins.error;

  return (
    <section aria-labelledby="wheel-controls-title" className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="wheel-controls-title" className="font-semibold">
        {t('wheel.controlsTitle')}
      </h2>
      <p className="text-sm text-muted">{t('wheel.controlsDescription')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid="wheel-spin-now" disabled={spin.isPending} onClick={() => spin.mutate()} className="min-h-11 rounded-lg bg-accent-strong px-5 font-semibold hover:opacity-90 disabled:opacity-50">
          {spin.isPending ? t('wheel.spinning') : t('wheel.spinNow')}
        </button>
        {unsaved && <span className="text-sm text-muted">{t('wheel.unsavedHint')}</span>}
      </div>
      {error && (
        <p role="alert" className="text-sm font-semibold text-accent">
          {requestErrorMessage(error, words)}
        </p>
      )}
      <h3 className="text-sm font-semibold">{t('wheel.recentTitle')}</h3>
      {spins.isPending ? (
        <p className="text-sm text-muted">{t('wheel.loading')}</p>
      ) : list.length === 0 ? (
        <p data-testid="wheel-results-empty" className="text-sm text-muted">
          {t('wheel.noResults')}
        </p>
      ) : (
        <ol data-testid="wheel-results" aria-live="polite" className="flex flex-col divide-y divide-line text-sm">
          {list.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <span className="font-semibold">{s.segmentLabel}</span>
              <span className="text-muted">{s.test ? t('wheel.testSpin') : s.giftName ? t('wheel.wonBy', { name: s.viewerName, gift: s.giftName }) : s.viewerName}</span>
              <time dateTime={new Date(s.at).toISOString()} className="ml-auto text-xs text-muted tabular-nums">
                {format.dateTime(new Date(s.at), { dateStyle: 'short', timeStyle: 'medium' })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
