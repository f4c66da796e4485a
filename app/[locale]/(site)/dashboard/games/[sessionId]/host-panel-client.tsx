'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { OverlayLink } from '@/components/games/overlay-link';
import { Notice } from '@/components/ui/card';
import { useServerClock } from '@/components/ui/use-server-clock';
import type { HostView } from '@/lib/games/host';
import { applyGameMessage, availableActions, countdownLeft, currentPhase, explainError, freezeLabel, mergeSnapshot, phaseBanner, visibleBoard, type PanelState } from '@/lib/games/host-view';
import type { GameMessage } from '@/lib/games/realtime';
import type { SessionAction } from '@/lib/games/session';
import { fetchJson } from '@/lib/query-client';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import { useRealtime, type RealtimeState } from '@/lib/realtime/use-channel';
import { HostBoard } from './_components/host-board';
import { ShownCard, WinnersList } from './_components/winners';
import { WinnerDialog } from './_components/winner-dialog';

const BANNER_STYLE = {
  active: 'border-emerald-400/60 bg-emerald-400/15 text-emerald-200',
  countdown: 'border-amber-300/80 bg-amber-300/20 text-amber-100',
  frozen: 'border-accent-2/70 bg-accent-2/15 text-accent-2',
  ended: 'border-line bg-panel-2 text-muted',
} as const;

const ACTION_NAMES: Record<SessionAction, string> = { freeze: 'Freeze', resume: 'Resume', end: 'End session', continue: 'Continue' };

const CONNECTION: Record<RealtimeState, { text: string; tone: string }> = {
  connected: { text: 'Live updates on', tone: 'bg-emerald-400' },
  connecting: { text: 'Connecting to live updates… refreshing every 3 s meanwhile', tone: 'bg-amber-300' },
  unavailable: { text: 'Live updates lost — refreshing every 3 s while reconnecting', tone: 'bg-accent' },
  denied: { text: 'Live updates not allowed for this account — refreshing every 3 s', tone: 'bg-accent' },
};

const button = 'min-h-14 rounded-xl px-5 text-lg font-bold disabled:opacity-50';

export function HostPanelClient({ initial, realtime, appUrl }: { initial: HostView; realtime: PublicRealtimeConfig; appUrl: string }) {
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
  const banner = phaseBanner(phase, secondsLeft);
  const can = availableActions(phase);
  const busy = act.isPending || clear.isPending;
  const rows = visibleBoard(view);
  const run = (action: SessionAction) => {
    setConfirmEnd(false);
    act.mutate(action);
  };
  const failure = act.error ? `${ACTION_NAMES[act.variables ?? 'freeze']} did not work: ${explainError(act.error)}` : clear.error ? `Could not clear the question: ${explainError(clear.error)}` : null;
  const overlaySize = view.overlay?.size ?? 5;

  return (
    <div className="flex flex-col gap-4" data-testid="host-panel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <Link href={view.overlay ? `/dashboard/games?overlay=${view.overlay.id}` : '/dashboard/games'} className="inline-flex min-h-11 items-center text-sm font-semibold text-muted hover:text-white">
            ← All sessions
          </Link>
          <h1 className="break-words text-2xl font-bold sm:text-3xl">{session.name ?? 'Q&A session'}</h1>
          <p className="text-muted">@{view.account.handle}</p>
        </div>
        <p role="status" className="flex items-center gap-2 text-sm" data-testid="connection-state" data-state={connection}>
          <span aria-hidden className={`size-3 rounded-full ${CONNECTION[connection].tone}`} />
          {CONNECTION[connection].text}
        </p>
      </div>

      <div role="status" aria-live="polite" data-testid="phase-banner" data-phase={phase} className={`flex flex-col gap-1 rounded-xl border-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between ${BANNER_STYLE[phase]}`}>
        <p className="text-3xl font-extrabold tabular-nums sm:text-4xl">{banner.label}</p>
        <p className="text-base sm:max-w-md sm:text-right">{banner.hint}</p>
      </div>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:self-start" aria-label="Controls">
          <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4">
            <h2 className="sr-only">Session controls</h2>
            {can.freeze && (
              <button type="button" disabled={busy} onClick={() => run('freeze')} className={`${button} bg-amber-300 text-black hover:bg-amber-200`}>
                {act.isPending && act.variables === 'freeze' ? 'Freezing…' : freezeLabel(session.countdownSeconds)}
              </button>
            )}
            {can.resume && (
              <button type="button" disabled={busy} onClick={() => run('resume')} className={`${button} border-2 border-emerald-400 text-emerald-200 hover:bg-emerald-400/10`}>
                {act.isPending && act.variables === 'resume' ? 'Resuming…' : 'Resume (accept points again)'}
              </button>
            )}
            {can.selectWinner && (
              <button type="button" disabled={busy} onClick={() => setPicking(true)} className={`${button} bg-accent text-white hover:opacity-90`}>
                Select winner
              </button>
            )}
            {can.continue && (
              <button type="button" disabled={busy} onClick={() => run('continue')} className={`${button} bg-emerald-400 text-black hover:bg-emerald-300`}>
                {act.isPending && act.variables === 'continue' ? 'Continuing…' : 'Continue session'}
              </button>
            )}
            {can.end &&
              (confirmEnd ? (
                <div className="flex flex-col gap-2 rounded-lg border border-accent/60 p-3">
                  <p className="font-semibold">End this session? The overlay stops showing it; you can continue it later.</p>
                  <div className="grid grid-cols-2 gap-2">
                    <button type="button" disabled={busy} onClick={() => run('end')} className="min-h-12 rounded-lg bg-accent font-bold text-white">
                      End now
                    </button>
                    <button type="button" onClick={() => setConfirmEnd(false)} className="min-h-12 rounded-lg border border-line font-semibold hover:bg-panel-2">
                      Keep playing
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" disabled={busy} onClick={() => setConfirmEnd(true)} className="min-h-12 rounded-xl border border-line px-5 font-semibold text-muted hover:bg-panel-2 hover:text-white">
                  End session…
                </button>
              ))}
            {failure && <Notice tone="error">{failure}</Notice>}
          </section>

          <ShownCard shown={session.shown} onClear={() => clear.mutate()} clearing={clear.isPending} />

          <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4">
            <h2 className="font-semibold">
              Overlay in OBS{view.overlay && <span className="font-normal text-muted"> · {view.overlay.name}</span>}
            </h2>
            {!view.overlay ? (
              <Notice tone="warn">This session’s overlay was deleted, so nothing shows in OBS. Start a new session on another Q&amp;A overlay.</Notice>
            ) : view.overlay.token ? (
              <OverlayLink appUrl={appUrl} token={view.overlay.token} />
            ) : (
              <Notice tone="warn">This overlay has been revoked, so OBS shows nothing. Regenerate its link in Overlays.</Notice>
            )}
          </section>
        </aside>

        <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 lg:col-start-1 lg:row-start-1" aria-labelledby="board-title">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="board-title" className="text-lg font-semibold">
              Board
            </h2>
            <p className="text-sm text-muted">The overlay shows the top {overlaySize}; winners leave the board.</p>
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
