'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { OverlayLink } from '@/components/games/overlay-link';
import { Notice } from '@/components/ui/card';
import { useServerClock } from '@/components/ui/use-server-clock';
import type { HostView } from '@/lib/games/host';
import { applyGameMessage, availableActions, countdownLeft, currentPhase, mergeSnapshot, visibleBoard, type PanelState } from '@/lib/games/host-view';
import type { GameMessage } from '@/lib/games/realtime';
import type { GamePhase, SessionAction } from '@/lib/games/session';
import { fetchJson } from '@/lib/query-client';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import { useRealtime, type RealtimeState } from '@/lib/realtime/use-channel';
import { HostBoard } from './_components/host-board';
import { ShownCard, WinnersList } from './_components/winners';
import { WinnerDialog } from './_components/winner-dialog';
import { useExplainError } from '../_components/error-words';
import { ChannelLabel } from '@/components/ui/channel-label';

const BANNER_STYLE = {
  active: 'border-emerald-400/60 bg-emerald-400/15 text-emerald-200',
  countdown: 'border-amber-300/80 bg-amber-300/20 text-amber-100',
  frozen: 'border-accent-2/70 bg-accent-2/15 text-accent-2',
  ended: 'border-line bg-panel-2 text-muted',
} as const;

const CONNECTION_TONE: Record<RealtimeState, string> = {
  connected: 'bg-emerald-400',
  connecting: 'bg-amber-300',
  unavailable: 'bg-accent',
  denied: 'bg-accent',
};

const button = 'min-h-14 rounded-xl px-5 text-lg font-bold disabled:opacity-50';

type GamesT = ReturnType<typeof useTranslations<'games'>>;

/** The host panel's big status line and its hint, for the phase the panel shows now. */
function phaseBanner(t: GamesT, phase: GamePhase, secondsLeft: number): { label: string; hint: string } {
  switch (phase) {
    case 'active':
      return { label: t('phase.activeLabel'), hint: t('phase.activeHint') };
    case 'countdown':
      return { label: t('phase.countdownLabel', { seconds: secondsLeft }), hint: t('phase.countdownHint') };
    case 'frozen':
      return { label: t('phase.frozenLabel'), hint: t('phase.frozenHint') };
    case 'ended':
      return { label: t('phase.endedLabel'), hint: t('phase.endedHint') };
  }
}

export function HostPanelClient({ initial, realtime, appUrl }: { initial: HostView; realtime: PublicRealtimeConfig; appUrl: string }) {
  const t = useTranslations('games');
  const explainError = useExplainError();
  const queryClient = useQueryClient();
  const sessionId = initial.session.sessionId;
  const key = useMemo(() => ['game-session', sessionId], [sessionId]);
  const connected = useRef(false);

  const merge = (view: HostView) => queryClient.setQueryData<PanelState>(key, (previous) => mergeSnapshot(previous, view, Date.now(), connected.current));
  const connection = useRealtime(realtime, [initial.channel], {
    game: (message: GameMessage) => queryClient.setQueryData<PanelState>(key, (state) => (state ? applyGameMessage(state, message, Date.now()) : state)),
  });
  useEffect(() => {
    connected.current = connection === 'connected';
    // Back online: catch up on whatever was published while we were away.
    if (connection === 'connected') void queryClient.invalidateQueries({ queryKey: key });
  }, [connection, queryClient, key]);

  const { data: panel } = useQuery({
    queryKey: key,
    queryFn: async () => {
      const view = await fetchJson<HostView>(`/api/games/sessions/${sessionId}`);
      return mergeSnapshot(queryClient.getQueryData<PanelState>(key), view, Date.now(), connected.current);
    },
    initialData: () => mergeSnapshot(undefined, initial, Date.now(), false),
    // Without live updates, keep the board current by asking every few seconds.
    refetchInterval: connection === 'connected' ? 30_000 : 3_000,
  });
  const view = panel.view;
  const { session } = view;

  const act = useMutation({
    mutationFn: (action: SessionAction) => fetchJson<HostView>(`/api/games/sessions/${sessionId}/actions`, { method: 'POST', body: JSON.stringify({ action }) }),
    onMutate: () => queryClient.cancelQueries({ queryKey: key }),
    onSuccess: merge,
  });
  const clear = useMutation({
    mutationFn: () => fetchJson<HostView>(`/api/games/sessions/${sessionId}/question`, { method: 'DELETE' }),
    onMutate: () => queryClient.cancelQueries({ queryKey: key }),
    onSuccess: merge,
  });
  const [picking, setPicking] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const counting = session.phase === 'countdown';
  const now = useServerClock(counting, panel.offsetMs, initial.serverNow);
  const phase = currentPhase(session.phase, session.freezeAt, now);
  const secondsLeft = countdownLeft(session.freezeAt, now);
  const banner = phaseBanner(t, phase, secondsLeft);
  const can = availableActions(phase);
  const busy = act.isPending || clear.isPending;
  const rows = visibleBoard(view);
  const run = (action: SessionAction) => {
    setConfirmEnd(false);
    act.mutate(action);
  };
  const actionFailed = (action: SessionAction, error: string) => {
    switch (action) {
      case 'freeze':
        return t('host.failed.freeze', { error });
      case 'resume':
        return t('host.failed.resume', { error });
      case 'end':
        return t('host.failed.end', { error });
      case 'continue':
        return t('host.failed.continue', { error });
    }
  };
  const connectionText = (state: RealtimeState) => {
    switch (state) {
      case 'connected':
        return t('host.connection.connected');
      case 'connecting':
        return t('host.connection.connecting');
      case 'unavailable':
        return t('host.connection.unavailable');
      case 'denied':
        return t('host.connection.denied');
    }
  };
  const failure = act.error ? actionFailed(act.variables ?? 'freeze', explainError(act.error) ?? '') : clear.error ? t('host.clearFailed', { error: explainError(clear.error) ?? '' }) : null;
  const overlaySize = view.overlay?.size ?? 5;

  return (
    <div className="flex flex-col gap-4" data-testid="host-panel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <Link href={view.overlay ? `/dashboard/games?overlay=${view.overlay.id}` : '/dashboard/games'} className="inline-flex min-h-11 items-center text-sm font-semibold text-muted hover:text-white">
            {t('host.allSessions')}
          </Link>
          <h1 className="break-words text-2xl font-bold sm:text-3xl">{session.name ?? t('host.untitled')}</h1>
          <p className="text-muted">
            <ChannelLabel channel={view.account} />
          </p>
        </div>
        <p role="status" className="flex items-center gap-2 text-sm" data-testid="connection-state" data-state={connection}>
          <span aria-hidden className={`size-3 rounded-full ${CONNECTION_TONE[connection]}`} />
          {connectionText(connection)}
        </p>
      </div>

      <div role="status" aria-live="polite" data-testid="phase-banner" data-phase={phase} className={`flex flex-col gap-1 rounded-xl border-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between ${BANNER_STYLE[phase]}`}>
        <p className="text-3xl font-extrabold tabular-nums sm:text-4xl">{banner.label}</p>
        <p className="text-base sm:max-w-md sm:text-right">{banner.hint}</p>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:self-start" aria-label={t('host.controls')}>
          <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4">
            <h2 className="sr-only">{t('host.sessionControls')}</h2>
            {can.freeze && (
              <button type="button" disabled={busy} onClick={() => run('freeze')} className={`${button} bg-amber-300 text-black hover:bg-amber-200`}>
                {act.isPending && act.variables === 'freeze' ? t('host.freezing') : t('phase.freeze', { seconds: session.countdownSeconds })}
              </button>
            )}
            {can.resume && (
              <button type="button" disabled={busy} onClick={() => run('resume')} className={`${button} border-2 border-emerald-400 text-emerald-200 hover:bg-emerald-400/10`}>
                {act.isPending && act.variables === 'resume' ? t('host.resuming') : t('host.resume')}
              </button>
            )}
            {can.selectWinner && (
              <button type="button" disabled={busy} onClick={() => setPicking(true)} className={`${button} bg-accent-strong text-white hover:opacity-90`}>
                {t('host.selectWinner')}
              </button>
            )}
            {can.continue && (
              <button type="button" disabled={busy} onClick={() => run('continue')} className={`${button} bg-emerald-400 text-black hover:bg-emerald-300`}>
                {act.isPending && act.variables === 'continue' ? t('host.continuing') : t('host.continue')}
              </button>
            )}
            {can.end &&
              (confirmEnd ? (
                <div className="flex flex-col gap-2 rounded-lg border border-accent/60 p-3">
                  <p className="font-semibold">{t('host.confirmEnd')}</p>
                  <div className="grid grid-cols-2 gap-2">
                    <button type="button" disabled={busy} onClick={() => run('end')} className="min-h-12 rounded-lg bg-accent-strong font-bold text-white">
                      {t('host.endNow')}
                    </button>
                    <button type="button" onClick={() => setConfirmEnd(false)} className="min-h-12 rounded-lg border border-line font-semibold hover:bg-panel-2">
                      {t('host.keepPlaying')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" disabled={busy} onClick={() => setConfirmEnd(true)} className="min-h-12 rounded-xl border border-line px-5 font-semibold text-muted hover:bg-panel-2 hover:text-white">
                  {t('host.end')}
                </button>
              ))}
            {failure && <Notice tone="error">{failure}</Notice>}
          </section>

          <ShownCard shown={session.shown} onClear={() => clear.mutate()} clearing={clear.isPending} />

          <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4">
            <h2 className="font-semibold">
              {t('host.overlayInObs')}
              {view.overlay && <span className="font-normal text-muted"> · {view.overlay.name}</span>}
            </h2>
            {!view.overlay ? (
              <Notice tone="warn">{t('host.overlayDeleted')}</Notice>
            ) : view.overlay.token ? (
              <OverlayLink appUrl={appUrl} token={view.overlay.token} />
            ) : (
              <Notice tone="warn">{t('host.overlayRevoked')}</Notice>
            )}
          </section>
        </aside>

        <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 lg:col-start-1 lg:row-start-1" aria-labelledby="board-title">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="board-title" className="text-lg font-semibold">
              {t('board.title')}
            </h2>
            <p className="text-sm text-muted">{t('host.boardHint', { size: overlaySize })}</p>
          </div>
          <HostBoard rows={rows} size={overlaySize} />
        </section>
      </div>

      <WinnersList winners={view.winners} />

      {picking && (
        <WinnerDialog
          sessionId={sessionId}
          phase={phase}
          onClose={() => setPicking(false)}
          onSelected={(selected) => {
            merge(selected);
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}
