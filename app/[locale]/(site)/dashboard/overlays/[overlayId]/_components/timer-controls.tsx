'use client';

// The subathon timer's host controls: the time left (as the overlay shows it), Start / Pause, quick
// "add time" buttons and Reset. They act at once on the saved timer and every open copy of the overlay;
// the rules above them (start length, seconds per gift…) take effect when saved. At 00:00 the subathon is
// over (events add nothing more): Start runs a new one, and adding time waits for it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { requestErrorMessage } from '@/lib/overlays/editor';
import { formatCountdown, type TimerAction, type TimerView } from '@/lib/overlays/timer';
import { fetchJson } from '@/lib/query-client';
import { ConfirmAction } from './confirm-action';
import { EditorPanel } from './editor-panel';
import { useEditorWords } from './editor-words';

const ADD_MINUTES = [1, 5, 10, -1] as const;
const REFRESH_MS = 15_000;

export function TimerControls({ overlayId }: { overlayId: string }) {
  const t = useTranslations('overlayEditor');
  const words = useEditorWords();
  const queryClient = useQueryClient();
  const key = ['overlay-timer', overlayId];
  const timer = useQuery({ queryKey: key, queryFn: () => fetchJson<{ timer: TimerView }>(`/api/overlays/${overlayId}/timer`), refetchInterval: REFRESH_MS });
  const act = useMutation({
    mutationFn: (action: TimerAction) => fetchJson<{ timer: TimerView }>(`/api/overlays/${overlayId}/timer`, { method: 'POST', body: JSON.stringify(action) }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const view = timer.data?.timer;
  const ended = view?.ended === true && view.state.status !== 'idle';
  const running = view?.state.status === 'running' && !ended;
  // Count down between refreshes, from when the server read the time.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, [running]);
  const fetchedAt = timer.dataUpdatedAt;
  const remaining = view ? Math.max(0, view.remainingMs - (running ? Math.max(0, now - fetchedAt) : 0)) : null;
  const status = !view ? null : view.ended ? t('timer.statusEnded') : view.state.status === 'running' ? t('timer.statusRunning') : view.state.status === 'paused' ? t('timer.statusPaused') : t('timer.statusIdle');
  const error = act.error ?? timer.error;

  return (
    <EditorPanel id="timer-controls" title={t('timer.controlsTitle')} description={t('timer.controlsDescription')}>
      <p className="text-sm text-muted">{t('timer.endHelp')}</p>
      <div className="flex flex-wrap items-baseline gap-3">
        <span data-testid="timer-left" className="text-3xl font-black tabular-nums">
          {remaining === null ? '—' : formatCountdown(remaining)}
        </span>
        {status && (
          <span role="status" className="text-sm text-muted">
            {view?.capped ? t('timer.statusCapped', { status }) : status}
          </span>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={!view || act.isPending} onClick={() => act.mutate({ action: running ? 'pause' : 'start' })} className="min-h-11 rounded-lg bg-accent-strong px-5 font-semibold hover:opacity-90 disabled:opacity-50">
          {running ? t('timer.pause') : ended ? t('timer.startAgain') : view?.state.status === 'paused' ? t('timer.resume') : t('timer.start')}
        </button>
        {ADD_MINUTES.map((minutes) => (
          <button key={minutes} type="button" disabled={!view || ended || act.isPending} onClick={() => act.mutate({ action: 'add', seconds: minutes * 60 })} className="min-h-11 rounded-lg border border-line px-4 tabular-nums hover:bg-panel-2 disabled:opacity-50">
            {minutes > 0 ? t('timer.addMinutes', { minutes }) : t('timer.takeMinutes', { minutes: -minutes })}
          </button>
        ))}
        {view && view.state.status !== 'idle' && (
          <ConfirmAction label={t('timer.reset')} title={t('timer.resetTitle')} confirmLabel={t('timer.reset')} pendingLabel={t('timer.resetting')} onConfirm={() => act.mutateAsync({ action: 'reset' })} error={act.error ? requestErrorMessage(act.error, words) : null}>
            <p>{t('timer.resetBody')}</p>
          </ConfirmAction>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm font-semibold text-accent">
          {requestErrorMessage(error, words)}
        </p>
      )}
    </EditorPanel>
  );
}
