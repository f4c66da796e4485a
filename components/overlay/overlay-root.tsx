'use client';

// The client side of /overlay/{token}: subscribes with the token to the account's channel (its live's
// public events; every channel of its cluster for overlays that draw from one) and the overlay's own
// channel (settings, games, revocation),
// puts what arrives on the overlay's event bus for the kind's renderer, applies settings changes live,
// and goes blank (and disconnects) when the overlay is revoked or its token regenerated.
import { NextIntlClientProvider } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { GameMessage } from '@/lib/games/realtime';
import { OverlayBus } from '@/lib/overlays/events';
import { readKindSettings, type KindSettings } from '@/lib/overlays/settings';
import { IDLE_TIMER, type TimerState } from '@/lib/overlays/timer';
import type { OverlayControlMessage, OverlayView } from '@/lib/overlays/types';
import type { WheelSpinMessage } from '@/lib/overlays/wheel';
import { RealtimeEvent } from '@/lib/realtime/channels';
import type { LiveCounters, LiveStatus, RealtimeChat, RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';
import { useRealtime, type RealtimeState } from '@/lib/realtime/use-channel';
import { Activity } from './activity';
import { Chat } from './chat';
import { OverlayBusContext } from './context';
import { GiftAlerts } from './gift-alerts';
import { Goal } from './goal';
import { Leaderboard } from './leaderboard';
import { QaGame } from './qa-game';
import { Timer } from './timer';
import { TopGifter } from './top-gifter';
import { useEditorPreview } from './use-preview';
import { ViewerCount } from './viewer-count';
import { Wheel } from './wheel';
import { sanitizeCustomCss } from '@/lib/overlays/custom-css';
import { OVERLAY_FONTS, panelBackground, positionAlignment } from '@/lib/overlays/look';
import './fonts';
import './overlay.css';
import './look.css';

export type OverlayState = 'live' | 'waiting' | 'denied';

function KindRenderer({ view, overlay, preview, timerState }: { view: OverlayView; overlay: KindSettings; preview: boolean; timerState: TimerState }) {
  switch (overlay.kind) {
    case 'GIFT_ALERTS':
      return <GiftAlerts settings={overlay.settings} token={view.token} valueRates={view.valueRates} />;
    case 'LEADERBOARD':
      return <Leaderboard overlayId={view.overlayId} settings={overlay.settings} snapshot={view.game} serverNow={view.serverNow} />;
    case 'QA_GAME':
      return <QaGame overlayId={view.overlayId} settings={overlay.settings} snapshot={view.game} serverNow={view.serverNow} preview={preview} />;
    case 'GOAL':
      return <Goal settings={overlay.settings} sources={view.goalSources} />;
    case 'CHAT':
      return <Chat settings={overlay.settings} initial={view.recentChats} serverNow={view.serverNow} />;
    case 'VIEWER_COUNT':
      return <ViewerCount settings={overlay.settings} live={view.live} />;
    case 'ACTIVITY':
      return <Activity settings={overlay.settings} initial={view.recentActivity} />;
    case 'TOP_GIFTER':
      return <TopGifter settings={overlay.settings} liveId={view.live?.liveId ?? null} initial={view.topGifters} />;
    case 'TIMER':
      return view.timer ? <Timer settings={overlay.settings} state={timerState} initialTally={view.timer.tally} live={view.live} serverNow={view.serverNow} preview={preview} /> : null;
    case 'WHEEL':
      return <Wheel settings={overlay.settings} overlayId={view.overlayId} preview={preview} />;
  }
}

/** After a refused subscription (revoked token, or the server briefly failing), try again this much later. */
const RETRY_MS = [15_000, 30_000, 60_000, 120_000];

/** The overlay's texts in every language (its `language` setting picks one). */
export type OverlayTexts = Record<Locale, Messages['overlay']>;

export function OverlayRoot({ view, preview, texts }: { view: OverlayView; preview: boolean; texts: OverlayTexts }) {
  const [bus] = useState(() => new OverlayBus());
  const [rawSettings, setRawSettings] = useState<unknown>(view.settings);
  const [connection, setConnection] = useState<RealtimeState>('connecting');
  const [attempt, setAttempt] = useState(0);
  const [revoked, setRevoked] = useState(false);
  const [realSeen, setRealSeen] = useState(false);
  const [timerState, setTimerState] = useState<TimerState>(view.timer?.state ?? IDLE_TIMER);
  const overlay = useMemo(() => readKindSettings(view.kind, rawSettings), [view.kind, rawSettings]);

  const onControl = useCallback(
    (message: OverlayControlMessage) => {
      if (message.overlayId !== view.overlayId) return;
      if (message.type === 'revoked') setRevoked(true);
      else if (message.type === 'timer') setTimerState(message.state);
      else setRawSettings(message.settings);
    },
    [view.overlayId],
  );
  const onData = useCallback(() => setRealSeen(true), []);

  useEffect(() => {
    if (connection !== 'denied' || revoked) return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    return () => clearTimeout(timer);
  }, [connection, revoked, attempt]);

  const hasLiveData = view.live !== null || (view.game?.rows.length ?? 0) > 0;
  useEditorPreview({ enabled: preview && !revoked, sampling: !hasLiveData && !realSeen, overlay, bus, overlayId: view.overlayId, sessionId: view.game?.sessionId ?? 'preview', onSettings: setRawSettings });

  const state: OverlayState = revoked || connection === 'denied' ? 'denied' : connection === 'connected' ? 'live' : 'waiting';
  const look = overlay.settings;
  const style: CSSProperties & Record<'--ov-accent' | '--ov-panel-bg', string> = { '--ov-accent': look.accent, '--ov-panel-bg': panelBackground(look), fontFamily: OVERLAY_FONTS[look.font], color: look.textColour };
  // Custom CSS as text (never HTML), scoped under .ov-root, remote loads and escapes stripped.
  const customCss = useMemo(() => sanitizeCustomCss(look.customCss, view.token).css, [look.customCss, view.token]);
  return (
    <OverlayBusContext value={bus}>
      <div data-overlay-kind={view.kind} data-overlay-state={state} className="ov-root fixed inset-0 overflow-hidden" style={style}>
        {state !== 'denied' && (
          <>
            {preview && <div aria-hidden className="ov-checker absolute inset-0" />}
            <div lang={overlay.settings.language} className="relative h-full w-full" style={{ zoom: overlay.settings.scale }}>
              <NextIntlClientProvider locale={overlay.settings.language} messages={{ overlay: texts[overlay.settings.language] }} timeZone="UTC">
                <div className="ov-stage" data-position={look.position} style={positionAlignment(look.position) ?? undefined}>
                  <KindRenderer view={view} overlay={overlay} preview={preview} timerState={timerState} />
                </div>
              </NextIntlClientProvider>
            </div>
          </>
        )}
      </div>
      {customCss && <style data-testid="overlay-custom-css">{customCss}</style>}
      {!revoked && <RealtimeLink key={attempt} view={view} bus={bus} onState={setConnection} onControl={onControl} onData={onData} />}
    </OverlayBusContext>
  );
}

/** The subscription itself: unmounting it (revoked overlay) disconnects from the realtime server. */
function RealtimeLink({ view, bus, onState, onControl, onData }: { view: OverlayView; bus: OverlayBus; onState: (state: RealtimeState) => void; onControl: (message: OverlayControlMessage) => void; onData: () => void }) {
  const state = useRealtime(
    view.realtime,
    [...view.channels.accounts, view.channels.overlay],
    {
      // Account events carry their channel: an overlay drawing from a cluster counts each channel's apart.
      [RealtimeEvent.gift]: (data: RealtimeGift, channel) => {
        onData();
        bus.emit({ name: 'gift', data, channel });
      },
      [RealtimeEvent.chat]: (data: RealtimeChat) => {
        onData();
        bus.emit({ name: 'chat', data });
      },
      [RealtimeEvent.social]: (data: RealtimeSocial) => {
        onData();
        bus.emit({ name: 'social', data });
      },
      [RealtimeEvent.counters]: (data: LiveCounters, channel) => {
        onData();
        bus.emit({ name: 'counters', data, channel });
      },
      [RealtimeEvent.liveStatus]: (data: LiveStatus, channel) => bus.emit({ name: 'live-status', data, channel }),
      [RealtimeEvent.game]: (data: GameMessage) => {
        if (data.overlayId === view.overlayId) onData();
        bus.emit({ name: 'game', data });
      },
      [RealtimeEvent.overlay]: (message: OverlayControlMessage) => onControl(message),
      [RealtimeEvent.wheel]: (message: WheelSpinMessage) => {
        if (message.overlayId === view.overlayId) bus.emit({ name: 'wheel-spin', data: message.spin });
      },
    },
    { token: view.token },
  );
  useEffect(() => onState(state), [state, onState]);
  return null;
}
