import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatDuration } from '@/lib/dashboard/live-format';
import type { LiveSort, LiveTotals, Paged, SortDir } from '@/lib/dashboard/lives';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { Display } from '@/lib/i18n/display-settings';
import type { Platform } from '@/lib/platforms/events';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange, MISSING_VALUE } from '@/lib/stats/format';

type Column = { label: string; sort?: LiveSort; cell: (live: LiveTotals) => ReactNode };

/**
 * The lives table: sortable headers and paging are plain links, so it works without JavaScript. Times,
 * numbers and earnings are in the reader's zone, language and currency (`display`). A Bilibili channel's
 * value is gold coins, with what viewers paid in CNY under it, and its Super Chats and guards have columns.
 */
export function LivesTable({ accountId, platform, label, lives, sort, dir, display }: { accountId: string; platform: Platform; /** the scroll box's name: the card's title */ label: string; lives: Paged<LiveTotals>; sort: LiveSort; dir: SortDir; display: Display }) {
  const t = useTranslations('dashboard');
  const { locale } = display;
  const bilibili = platform === 'bilibili';
  const valueColumn: Column = bilibili
    ? {
        label: t('stats.gold'),
        sort: 'diamonds',
        cell: (l) => (
          <span title={formatCount(l.diamonds, locale)}>
            {formatCompact(l.diamonds, locale)}
            <span className="block text-xs text-muted">{formatGoldPaid(l.diamonds, locale)}</span>
          </span>
        ),
      }
    : { label: t('stats.diamonds'), sort: 'diamonds', cell: (l) => <span title={formatCount(l.diamonds, locale)}>{formatCompact(l.diamonds, locale)}</span> };
  const paidColumns: Column[] = bilibili
    ? [
        { label: t('stats.superChats'), cell: (l) => formatCount(l.superChats, locale) },
        { label: t('stats.guards'), cell: (l) => formatCount(l.guards, locale) },
      ]
    : [];
  const columns: Column[] = [
    { label: t('stats.duration'), sort: 'duration', cell: (l) => formatDuration(l.durationSeconds, locale) },
    { label: t('stats.peakViewers'), sort: 'peak', cell: (l) => formatCount(l.peakViewers, locale) },
    { label: t('stats.avgViewers'), cell: (l) => (l.averageViewers === null ? MISSING_VALUE : formatCount(l.averageViewers, locale)) },
    { label: t('stats.likes'), sort: 'likes', cell: (l) => <span title={formatCount(l.likes, locale)}>{formatCompact(l.likes, locale)}</span> },
    valueColumn,
    { label: t('stats.earnings'), cell: (l) => <span className="text-accent-2">{formatMoneyRange(l.earnings, display.money)}</span> },
    { label: t('stats.gifts'), cell: (l) => formatCount(l.gifts, locale) },
    ...paidColumns,
    { label: t('stats.comments'), sort: 'comments', cell: (l) => formatCount(l.comments, locale) },
    { label: t('stats.newFollowers'), sort: 'followers', cell: (l) => formatCount(l.followers, locale) },
    { label: t('stats.shares'), cell: (l) => formatCount(l.shares, locale) },
  ];
  const href = (next: { sort?: LiveSort; dir?: SortDir; page?: number }) => {
    const params = new URLSearchParams({ sort: next.sort ?? sort, dir: next.dir ?? dir, page: String(next.page ?? 1) });
    return `/dashboard/accounts/${accountId}/lives?${params.toString()}`;
  };
  const header = (label: string, key: LiveSort | undefined, className: string) => {
    if (!key) return <th key={label} scope="col" className={className}>{label}</th>;
    const active = key === sort;
    // A new column starts with the biggest (or newest) first; clicking the active one flips it.
    const nextDir: SortDir = active && dir === 'desc' ? 'asc' : 'desc';
    return (
      <th key={label} scope="col" className={className} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link href={href({ sort: key, dir: nextDir })} className={`inline-flex items-center gap-1 hover:text-white ${active ? 'text-white' : ''}`}>
          {label}
          <span aria-hidden className="w-2">{active ? (dir === 'asc' ? '↑' : '↓') : ''}</span>
        </Link>
      </th>
    );
  };

  return (
    <div>
      {lives.items.length === 0 ? (
        <p className="text-sm text-muted">
          {t.rich('lives.pastLast', {
            link: (chunks) => (
              <Link href={href({ page: 1 })} className="underline hover:text-white">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        // On a phone the table scrolls sideways while the start column stays put. Headings wrap (the cells do not):
        // eleven one-line headings made the table 107 px wider than the card at 1440 px.
        <ScrollRegion label={label} className="-mx-4 sm:mx-0">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                {header(t('lives.started'), 'started', 'sticky left-0 z-10 bg-panel py-2 pl-4 pr-3 align-bottom sm:pl-0')}
                {columns.map((c) => header(c.label, c.sort, 'py-2 pr-3 text-right align-bottom'))}
              </tr>
            </thead>
            <tbody>
              {lives.items.map((live) => (
                <tr key={live.id} className="border-t border-line">
                  <td className="sticky left-0 z-10 bg-panel py-2 pl-4 pr-3 sm:pl-0">
                    <Link href={`/dashboard/lives/${live.id}`} className="whitespace-nowrap font-semibold hover:underline">
                      {display.date(live.startedAt, 'dateTime')}
                    </Link>
                    {live.isLive && <span className="ml-2 rounded-full bg-accent-strong px-1.5 py-0.5 text-[10px] font-semibold">{t('lives.liveBadge')}</span>}
                    {live.title && <span className="block max-w-56 truncate text-xs text-muted">{live.title}</span>}
                  </td>
                  {columns.map((c) => (
                    <td key={c.label} className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                      {c.cell(live)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {lives.pages > 1 && (
        <nav aria-label={t('lives.pages')} className="mt-3 flex items-center justify-between text-sm">
          {lives.page > 1 ? <Link href={href({ page: lives.page - 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('pager.previous')}</Link> : <span />}
          <span className="text-muted">
            {t('pager.page', { page: lives.page, pages: lives.pages })}
          </span>
          {lives.page < lives.pages ? <Link href={href({ page: lives.page + 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('pager.next')}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
