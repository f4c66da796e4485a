import { useLocale, useTranslations } from 'next-intl';
import { Avatar } from '@/components/ui/avatar';
import type { BoardRow } from '@/lib/games/board';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { formatPoints } from '@/lib/games/rules';
import { platformOfId } from '@/lib/platforms/ids';
import { viewerHandlePrefix } from '@/lib/platforms/naming';
import { valueIcon } from '@/lib/platforms/value-format';

/** The live board as the host sees it: rank, viewer, points, and what the points came from. */
export function HostBoard({ rows, size }: { rows: BoardRow[]; size: number }) {
  const t = useTranslations('games');
  const locale = useLocale();
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line p-6 text-center text-muted" data-testid="board-empty">
        {t('board.empty')}
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-2" data-testid="board" aria-label={t('board.title')}>
      {rows.map((row) => (
        <li
          key={row.userId}
          data-testid="board-row"
          data-user-id={row.userId}
          data-rank={row.rank}
          className={`flex min-h-14 items-center gap-3 rounded-lg px-3 py-2 ${row.rank <= size ? 'bg-panel-2' : 'bg-panel-2/40 text-muted'}`}
        >
          <span className={`w-7 shrink-0 text-right text-lg font-bold tabular-nums ${row.rank === 1 ? 'text-amber-300' : ''}`}>{row.rank}</span>
          <Avatar src={row.avatar} name={row.nickname || row.handle} size={40} />
          <span className="min-w-0 flex-1">
            <span className="flex flex-wrap items-center gap-x-2">
              <span className="truncate font-semibold text-white">{row.nickname || row.handle}</span>
              {row.follower && <span className="rounded-full bg-accent-2/15 px-2 py-0.5 text-xs font-semibold text-accent-2">{t('board.follower')}</span>}
            </span>
            <span className="block truncate text-sm text-muted">
              {viewerHandlePrefix(row.userId, row.handle)}<span aria-label={t('board.likes', { likes: formatCount(row.likes, locale) })}>❤ {formatCompact(row.likes, locale)}</span> · <span aria-label={t('board.diamonds', { diamonds: formatCount(row.diamonds, locale) })}>{valueIcon(platformOfId(row.userId))} {formatCount(row.diamonds, locale)}</span>
            </span>
          </span>
          <span className="shrink-0 text-right">
            <span className="block text-xl font-bold tabular-nums text-white" data-testid="board-points">
              {formatPoints(row.points, locale)}
            </span>
            <span className="block text-xs text-muted">{t('board.points')}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
