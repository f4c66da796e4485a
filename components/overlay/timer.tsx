'use client';

// TIMER: the subathon countdown. The host starts, pauses and adds time from the editor (the state comes
// with the page and then over the overlay's channel); gifts, likes and follows add time by the overlay's
// rules up to its cap, computed from the LIVE counters, so a reloaded page shows the same time. At 00:00
// the subathon is over: this page holds the end (later events add nothing) until the host starts it again.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { displayText } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { countedTotals, formatCountdown, freshTally, IDLE_TIMER, observeCounters, readTimer, settleTimer, type TimerState, type TimerTally } from '@/lib/overlays/timer';
import type { LiveCounters } from '@/lib/realtime/payloads';
import { Panel, useOverlayEvent } from './context';

const TICK_MS = 250;
const FLASH_MS = 2500;

type Props = {
  settings: OverlaySettingsByKind['TIMER'];
  state: TimerState;
  initialTally: TimerTally;
  live: LiveCounters | null;
  /** The server's clock when the page was made, so a browser with a wrong clock still counts right. */
  serverNow: number;
  /** The editor's preview runs an idle timer on sample counters, so its rules can be seen at work. */
  preview: boolean;
};

export function Timer({ settings, state: stored, initialTally, live, serverNow, preview }: Props) {
  const t = useTranslations('overlay');
  const [offset] = useState(() => serverNow - Date.now());
  const [previewStart] = useState(() => Date.now() + offset);
  const state: TimerState = preview && stored.status === 'idle' ? { ...IDLE_TIMER, status: 'running', startedAt: previewStart } : stored;
  const [tally, setTally] = useState(initialTally);
  const [latest, setLatest] = useState(live);
  const [now, setNow] = useState(() => Date.now() + offset);
  const [flash, setFlash] = useState<{ key: number; seconds: number } | null>(null);

  // A new start (or a reset) counts from the counters of that moment.
  const [shownStart, setShownStart] = useState(stored.startedAt);
  if (shownStart !== stored.startedAt) {
    setShownStart(stored.startedAt);
    setTally(freshTally(stored, latest));
  }

  useOverlayEvent('counters', (counters) => {
    setLatest(counters);
    // The preview's sample LIVE only counts what it gains while shown, not its made-up totals.
    setTally((current) => (preview && counters.liveId !== current.liveId ? { ...freshTally(IDLE_TIMER, counters), before: countedTotals(current) } : observeCounters(current, counters)));
  });

  // The end this page saw, kept while the stored state is the same run (the server stores it too when read).
  const [ended, setEnded] = useState<TimerState | null>(null);
  const sameRun = ended !== null && ended.startedAt === state.startedAt && (state.status === 'running' || state.status === 'paused');
  const totals = countedTotals(tally);
  const current = sameRun ? ended : settleTimer(settings, state, totals, now);
  if (current.status === 'ended' && state.status !== 'ended' && !sameRun) setEnded(current);
  const running = state.status === 'running' && !sameRun;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now() + offset), TICK_MS);
    return () => clearInterval(timer);
  }, [running, offset]);

  const reading = readTimer(settings, current, totals, now);
  // "+1:30" when events add time.
  const [shownTotal, setShownTotal] = useState(reading.totalSeconds);
  if (shownTotal !== reading.totalSeconds) {
    setShownTotal(reading.totalSeconds);
    if (reading.totalSeconds > shownTotal && state.status !== 'idle') setFlash({ key: reading.totalSeconds, seconds: reading.totalSeconds - shownTotal });
  }
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const heading = displayText(settings.title, 60);
  const status = reading.ended ? t('timerEnded') : state.status === 'paused' ? t('timerPaused') : reading.capped ? t('timerCapped') : null;
  return (
    <div className="p-4">
      <Panel className="inline-flex min-w-[16rem] flex-col items-center gap-1">
        {heading && <h1 className="ov-accent-text text-xl font-extrabold tracking-wide uppercase">{heading}</h1>}
        <div className="flex items-baseline gap-3">
          <span data-testid="timer" data-status={current.status} data-remaining-ms={Math.round(reading.remainingMs)} role="timer" className={`text-6xl font-black tabular-nums ${reading.ended ? 'ov-accent-text' : ''}`}>
            {formatCountdown(reading.remainingMs)}
          </span>
          {flash && (
            <span key={flash.key} data-testid="timer-added" className="ov-tick ov-accent-text text-2xl font-extrabold tabular-nums">
              +{formatCountdown(flash.seconds * 1000)}
            </span>
          )}
        </div>
        {status && (
          <p role="status" className="text-base font-semibold text-white/85">
            {status}
          </p>
        )}
      </Panel>
    </div>
  );
}
