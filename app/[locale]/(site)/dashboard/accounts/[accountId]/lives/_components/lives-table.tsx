import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDuration, formatUtcDateTime } from '@/lib/dashboard/live-format';
import type { LiveSort, LiveTotals, Paged, SortDir } from '@/lib/dashboard/lives';
import { formatCompact, formatCount, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';

type Column = { label: string; sort?: LiveSort; cell: (live: LiveTotals) => ReactNode };

const COLUMNS: Column[] = [
  { label: 'Duration', sort: 'duration', cell: (l) => formatDuration(l.durationSeconds) },
  { label: 'Peak viewers', sort: 'peak', cell: (l) => formatCount(l.peakViewers) },
  { label: 'Avg viewers', cell: (l) => (l.averageViewers === null ? MISSING_VALUE : formatCount(l.averageViewers)) },
  { label: 'Likes', sort: 'likes', cell: (l) => <span title={formatCount(l.likes)}>{formatCompact(l.likes)}</span> },
  { label: 'Diamonds', sort: 'diamonds', cell: (l) => <span title={formatCount(l.diamonds)}>{formatCompact(l.diamonds)}</span> },
  { label: 'Est. earnings', cell: (l) => <span className="text-accent-2">{formatUsdRange(l.earnings)}</span> },
  { label: 'Gifts', cell: (l) => formatCount(l.gifts) },
  { label: 'Comments', sort: 'comments', cell: (l) => formatCount(l.comments) },
  { label: 'New followers', sort: 'followers', cell: (l) => formatCount(l.followers) },
  { label: 'Shares', cell: (l) => formatCount(l.shares) },
];

/** The lives table: sortable headers and paging are plain links, so it works without JavaScript. */
export function LivesTable({ accountId, lives, sort, dir }: { accountId: string; lives: Paged<LiveTotals>; sort: LiveSort; dir: SortDir }) {
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
          This page is past the last one. <Link href={href({ page: 1 })} className="underline hover:text-white">Back to the first page</Link>
        </p>
      ) : (
        // On a phone the table scrolls sideways while the start column stays put.
        <div className="-mx-4 overflow-x-auto sm:mx-0">
          <table className="w-full min-w-[64rem] text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                {header('Started', 'started', 'sticky left-0 z-10 bg-panel py-2 pl-4 pr-3 sm:pl-0')}
                {COLUMNS.map((c) => header(c.label, c.sort, 'whitespace-nowrap py-2 pr-3 text-right'))}
              </tr>
            </thead>
            <tbody>
              {lives.items.map((live) => (
                <tr key={live.id} className="border-t border-line">
                  <td className="sticky left-0 z-10 bg-panel py-2 pl-4 pr-3 sm:pl-0">
                    <Link href={`/dashboard/lives/${live.id}`} className="whitespace-nowrap font-semibold hover:underline">
                      {formatUtcDateTime(live.startedAt)}
                    </Link>
                    {live.isLive && <span className="ml-2 rounded-full bg-accent px-1.5 py-0.5 text-[10px] font-semibold">LIVE</span>}
                    {live.title && <span className="block max-w-56 truncate text-xs text-muted">{live.title}</span>}
                  </td>
                  {COLUMNS.map((c) => (
                    <td key={c.label} className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                      {c.cell(live)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lives.pages > 1 && (
        <nav aria-label="Lives pages" className="mt-3 flex items-center justify-between text-sm">
          {lives.page > 1 ? <Link href={href({ page: lives.page - 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">← Previous</Link> : <span />}
          <span className="text-muted">
            Page {lives.page} of {lives.pages}
          </span>
          {lives.page < lives.pages ? <Link href={href({ page: lives.page + 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">Next →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
