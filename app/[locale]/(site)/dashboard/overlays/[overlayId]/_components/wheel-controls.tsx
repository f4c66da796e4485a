'use client';

// The wheel of fortune's host panel: "Spin now" (a test spin drawn on the server from the saved segments,
// played on every open copy of the overlay, the editor's preview included) and the recent results, won by
// gifts or by the test button. Spins arrive on the workspace's realtime channel (the same "wheel" message
// the overlay plays; a dashboard may not open the overlay's own channel) and are added as they come. The
// list is read again when the connection comes back or the tab regains focus, and polled only while live
// updates are down.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo } from 'react';
import { requestErrorMessage } from '@/lib/overlays/editor';
import { addRecentSpin, type WheelSpin, type WheelSpinMessage } from '@/lib/overlays/wheel';
import { fetchJson } from '@/lib/query-client';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import { useRealtime } from '@/lib/realtime/use-channel';
import { EditorPanel } from './editor-panel';
import { useEditorWords } from './editor-words';

/** How often the list asks for results while live updates are down. */
const FALLBACK_REFRESH_MS = 10_000;

type Spins = { spins: WheelSpin[] };
type Props = { overlayId: string; unsaved: boolean; realtime: PublicRealtimeConfig; channel: string };

export function WheelControls({ overlayId, unsaved, realtime, channel }: Props) {
  const t = useTranslations('overlayEditor');
  const format = useFormatter();
  const words = useEditorWords();
  const queryClient = useQueryClient();
  const key = useMemo(() => ['overlay-wheel', overlayId], [overlayId]);
  // Before the first answer there is no list to add to: that answer will hold the spin.
  const add = (spin: WheelSpin) => queryClient.setQueryData<Spins>(key, (current) => (current ? { spins: addRecentSpin(current.spins, spin) } : current));
  const connection = useRealtime(realtime, [channel], {
    // The workspace's channel carries every wheel's spins: this panel lists its own.
    wheel: (message: WheelSpinMessage) => {
      if (message.overlayId === overlayId) add(message.spin);
    },
  });
  useEffect(() => {
    // Connected (again): catch up on spins published while the page was not listening.
    if (connection === 'connected') void queryClient.invalidateQueries({ queryKey: key });
  }, [connection, queryClient, key]);
  const spins = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<Spins>(`/api/overlays/${overlayId}/wheel`),
    refetchInterval: connection === 'connected' ? false : FALLBACK_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const spin = useMutation({
    mutationFn: () => fetchJson<{ spin: WheelSpin }>(`/api/overlays/${overlayId}/wheel`, { method: 'POST', body: JSON.stringify({ action: 'spin' }) }),
    onSuccess: ({ spin: added }) => add(added),
  });
  const list = spins.data?.spins ?? [];
  const error = spin.error ?? spins.error;

  return (
    <EditorPanel id="wheel-controls" title={t('wheel.controlsTitle')} description={t('wheel.controlsDescription')}>
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
    </EditorPanel>
  );
}
