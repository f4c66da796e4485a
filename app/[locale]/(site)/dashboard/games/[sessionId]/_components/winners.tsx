import { useTranslations } from 'next-intl';
import { useDisplay } from '@/components/site/display';
import { Avatar } from '@/components/ui/avatar';
import { formatLiveTime } from '@/lib/dashboard/live-format';
import type { HostView } from '@/lib/games/host';
import { formatPoints } from '@/lib/games/rules';
import { viewerHandlePrefix } from '@/lib/platforms/naming';

/** What the overlay shows now (the last winner and their question), with the button to take it off. */
export function ShownCard({ shown, onClear, clearing }: { shown: HostView['session']['shown']; onClear: () => void; clearing: boolean }) {
  const t = useTranslations('games');
  const { locale } = useDisplay();
  return (
    <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4" data-testid="shown-on-overlay">
      <h2 className="font-semibold">{t('shown.title')}</h2>
      {shown ? (
        <>
          <div className="flex items-center gap-3">
            <Avatar src={shown.winner.avatar} name={shown.winner.nickname || shown.winner.handle} size={48} />
            <div className="min-w-0">
              <p className="truncate font-bold">{shown.winner.nickname || shown.winner.handle}</p>
              <p className="truncate text-sm text-muted">
                {viewerHandlePrefix(shown.winner.userId, shown.winner.handle)}{t('winners.points', { points: formatPoints(shown.winner.points, locale) })}
              </p>
            </div>
          </div>
          {shown.question ? <p className="break-words rounded-lg bg-panel-2 px-3 py-2 text-lg" data-testid="shown-question">{t('shown.question', { question: shown.question })}</p> : <p className="text-sm text-muted">{t('shown.noQuestion')}</p>}
          <button type="button" disabled={clearing} onClick={onClear} className="min-h-12 rounded-xl border border-line px-5 font-semibold hover:bg-panel-2 disabled:opacity-50">
            {clearing ? t('shown.clearing') : t('shown.clear')}
          </button>
        </>
      ) : (
        <p className="text-sm text-muted">{t('shown.nothing')}</p>
      )}
    </section>
  );
}

/** The winners of this session, newest first, with the question each one asked. */
export function WinnersList({ winners }: { winners: HostView['winners'] }) {
  const t = useTranslations('games');
  const { locale, timeZone } = useDisplay();
  return (
    <section className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4" aria-labelledby="winners-title">
      <h2 id="winners-title" className="text-lg font-semibold">
        {t('winners.title')} {winners.length > 0 && <span className="text-muted">({winners.length})</span>}
      </h2>
      {winners.length === 0 ? (
        <p className="text-sm text-muted">{t('winners.none')}</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="winners">
          {winners.map((w) => (
            <li key={w.id} data-testid="winner" data-user-id={w.winner.userId} className="flex items-start gap-3 rounded-lg bg-panel-2 px-3 py-2">
              <Avatar src={w.winner.avatar} name={w.winner.nickname || w.winner.handle} size={36} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <strong className="truncate">{w.winner.nickname || w.winner.handle}</strong>
                  <span className="text-sm text-muted">
                    {viewerHandlePrefix(w.winner.userId, w.winner.handle)}{t('winners.points', { points: formatPoints(w.winner.points, locale) })} · {formatLiveTime(new Date(w.selectedAt), locale, timeZone, { zoneName: true })}
                  </span>
                </p>
                {w.question ? <q className="block break-words">{w.question}</q> : <p className="text-sm text-muted">{t('winners.noQuestion')}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
