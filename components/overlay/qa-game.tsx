'use client';

// QA_GAME: the points board plus the host's moments: a big countdown when the host freezes the board,
// a "frozen" badge once no more points count, and the winner with the question the host picked.
import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useRef } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { useServerClock } from '@/components/ui/use-server-clock';
import { wholePoints } from '@/lib/games/rules';
import type { WordFilter } from '@/lib/overlays/filter';
import { switchObsScene } from '@/lib/overlays/obs';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { GameSnapshot } from '@/lib/overlays/types';
import { BoardPanel } from './board';
import { Panel, useWordFilter } from './context';
import { winnerQuestion, type GameState } from '@/lib/overlays/game-view';
import { useGame } from './use-game';

/**
 * The optional OBS scene switch: once, when a countdown this page saw running reaches zero (not when the
 * page opens on an already frozen board, and never in the editor's preview).
 */
function useObsSceneSwitch(settings: OverlaySettingsByKind['QA_GAME'], countdownKey: number | null, frozen: boolean, enabled: boolean) {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (countdownKey !== null) seen.current = countdownKey;
  }, [countdownKey]);
  const switchScene = useEffectEvent(() => {
    if (!enabled || !settings.obsScene) return;
    switchObsScene({ url: settings.obsUrl, password: settings.obsPassword, sceneName: settings.obsScene }).catch((error: unknown) => {
      // Nothing is shown on air; the browser source's console (OBS: Interact → right click → Inspect) says why.
      console.warn('[LiveLens] OBS scene switch failed:', error instanceof Error ? error.message : error);
    });
  });
  useEffect(() => {
    if (!frozen || seen.current === null) return;
    seen.current = null;
    switchScene();
  }, [frozen]);
}

export function QaGame({ overlayId, settings, snapshot, serverNow, preview = false }: { overlayId: string; settings: OverlaySettingsByKind['QA_GAME']; snapshot: GameSnapshot | null; serverNow: number; preview?: boolean }) {
  const t = useTranslations('overlay');
  const filter = useWordFilter(settings);
  const { state, offsetMs } = useGame(overlayId, snapshot, serverNow, settings.size);
  const countdownKey = state.phase === 'countdown' && state.freezeAt !== null ? state.freezeAt : null;
  const now = useServerClock(countdownKey !== null, offsetMs, state.clockAt);
  const secondsLeft = countdownKey === null ? 0 : Math.max(0, Math.ceil((countdownKey - now) / 1000));
  const frozen = state.phase === 'frozen' || (countdownKey !== null && secondsLeft === 0);
  useObsSceneSwitch(settings, countdownKey, frozen, !preview);

  // The countdown sits in the space below the board, never over it: at the suggested 520 × 720 source a
  // centred countdown covered the 5th row. Its number shrinks with the source's height (22vh).
  return (
    <div className="relative flex h-full w-full flex-col">
      <div className="flex shrink-0 flex-col items-start gap-2 p-4">
        <BoardPanel title={settings.title} rows={state.rows} size={settings.size} filter={filter} overtake={settings.showOvertakes && !frozen ? state.overtake : null} />
        {frozen && (
          <div data-testid="qa-frozen" role="status" className="ov-enter ov-panel rounded-xl px-4 py-2 text-lg font-bold text-cyan-200">
            {t('frozen')}
          </div>
        )}
      </div>
      {countdownKey !== null && secondsLeft > 0 && (
        <div data-testid="qa-countdown-area" className="pointer-events-none flex min-h-0 flex-1 items-center justify-center">
          <div className="flex flex-col items-center">
            <span className="text-2xl font-extrabold uppercase">{t('freezesIn')}</span>
            <span key={secondsLeft} data-testid="qa-countdown" aria-live="assertive" className="ov-tick ov-accent-text text-[min(10rem,22vh)] leading-none font-black tabular-nums">
              {secondsLeft}
            </span>
          </div>
        </div>
      )}
      {state.shown && <WinnerCard shown={state.shown} filter={filter} />}
    </div>
  );
}

function WinnerCard({ shown, filter }: { shown: NonNullable<GameState['shown']>; filter: WordFilter }) {
  const t = useTranslations('overlay');
  const name = filter.name(shown.winner.nickname, shown.winner.handle);
  const question = winnerQuestion(shown.question, filter);
  return (
    <div className="absolute inset-x-0 bottom-[8vh] flex justify-center px-4">
      <Panel className="ov-enter w-[min(44rem,94vw)] border-2 border-(--ov-accent)">
        <div data-testid="qa-winner" role="status" className="flex flex-col gap-2">
          <div className="flex items-center gap-3">
            <Avatar src={shown.winner.avatar} name={name === filter.someone ? '?' : name} size={52} />
            <div className="min-w-0">
              <p className="ov-accent-text text-sm font-extrabold tracking-widest uppercase">{t('winner')}</p>
              <p className="truncate text-2xl font-extrabold">{name}</p>
            </div>
            <span className="ml-auto text-lg font-bold tabular-nums">{t('winnerPoints', { points: wholePoints(shown.winner.points) })}</span>
          </div>
          {question.kind === 'question' && (
            <p className="text-2xl leading-snug font-semibold break-words">
              “<span data-testid="qa-question">{question.text}</span>”
            </p>
          )}
          {question.kind === 'hidden' && <p className="text-lg text-white/80">{t('questionHidden')}</p>}
        </div>
      </Panel>
    </div>
  );
}
