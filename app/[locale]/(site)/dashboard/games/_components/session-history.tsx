'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useDisplay } from '@/components/site/display';
import type { SessionWinner } from '@/lib/games/history';
import type { SessionSummary } from '@/lib/games/host';
import { fetchJson } from '@/lib/query-client';
import { useExplainError } from './error-words';
import { formatPoints } from '@/lib/games/rules';
import { viewerHandlePrefix } from '@/lib/platforms/naming';

type HistoryEntry = SessionSummary & { winnerList: SessionWinner[] };

const PHASE_STYLE: Record<string, string> = {
  active: 'bg-emerald-400/15 text-emerald-300',
  countdown: 'bg-amber-400/15 text-amber-200',
  frozen: 'bg-accent-2/15 text-accent-2',
  ended: 'bg-panel-2 text-muted',
};

/** Sessions of one overlay, newest first: open one, or continue one that has ended. */
export function SessionHistory({ sessions }: { sessions: HistoryEntry[] }) {
  const t = useTranslations('games');
  const explainError = useExplainError();
  const display = useDisplay();
  const when = (ms: number) => display.date(new Date(ms), 'dateTime');
  const phaseLabel = (phase: string) =>
    phase === 'active' ? t('phase.activeLabel') : phase === 'countdown' ? t('phase.countdown') : phase === 'frozen' ? t('phase.frozenLabel') : phase === 'ended' ? t('phase.endedLabel') : phase;
  const router = useRouter();
  const resume = useMutation({
    mutationFn: (sessionId: string) => fetchJson(`/api/games/sessions/${sessionId}/actions`, { method: 'POST', body: JSON.stringify({ action: 'continue' }) }),
    onSuccess: (_view, sessionId) => router.push(`/dashboard/games/${sessionId}`),
  });
  return (
    <div className="flex flex-col gap-3">
      {resume.error && (
        <p role="alert" className="rounded-lg border border-accent/50 bg-accent/10 px-3 py-2 text-sm">
          {t('history.continueFailed', { error: explainError(resume.error) ?? '' })}
        </p>
      )}
      <ul className="flex flex-col gap-3" data-testid="session-history">
        {sessions.map((s) => {
          const name = s.name ?? t('history.untitled');
          return (
            <li key={s.id} data-testid="history-session" data-session-id={s.id} className="flex flex-col gap-3 rounded-lg border border-line bg-panel-2/40 p-3 sm:p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    <span className="break-words">{name}</span>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${PHASE_STYLE[s.phase] ?? 'bg-panel-2'}`}>{phaseLabel(s.phase)}</span>
                  </p>
                  <p className="text-sm text-muted">
                    {s.endedAt === null
                      ? t('history.summary', { started: when(s.startedAt), players: s.players, winners: s.winners })
                      : t('history.summaryEnded', { started: when(s.startedAt), ended: when(s.endedAt), players: s.players, winners: s.winners })}
                  </p>
                </div>
                <div className="flex gap-2">
                  {s.phase === 'ended' && (
                    <button
                      type="button"
                      disabled={resume.isPending}
                      onClick={() => resume.mutate(s.id)}
                      className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:bg-panel-2 disabled:opacity-60"
                    >
                      {resume.isPending && resume.variables === s.id ? t('history.continuing') : t('history.continue')}
                      <span className="sr-only"> {name}</span>
                    </button>
                  )}
                  <Link href={`/dashboard/games/${s.id}`} className="inline-flex min-h-11 items-center rounded-lg bg-accent-strong px-4 font-semibold hover:opacity-90">
                    {t('history.open')}
                    <span className="sr-only"> {name}</span>
                  </Link>
                </div>
              </div>
              {s.winnerList.length > 0 && (
                <ol className="flex flex-col gap-1 border-t border-line pt-2 text-sm" aria-label={t('history.winnersOf', { name })}>
                  {s.winnerList.map((w) => (
                    <li key={w.id} data-testid="history-winner" data-user-id={w.winner.userId}>
                      <strong>{w.winner.nickname || w.winner.handle}</strong>
                      <span className="text-muted">
                        {' '}
                        {viewerHandlePrefix(w.winner.userId, w.winner.handle)}{t('history.points', { points: formatPoints(w.winner.points, display.locale) })} ·{' '}
                      </span>
                      {w.question ? <q className="break-words">{w.question}</q> : <span className="text-muted">{t('history.noQuestion')}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
