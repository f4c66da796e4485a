import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { GIFTER_PERIODS, gifterLeaderboard, type GifterPeriod } from '@/lib/dashboard/gifters';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { Pager } from '@/app/[locale]/(site)/dashboard/_components/pager';
import { PeriodTabs } from '@/app/[locale]/(site)/dashboard/_components/period-tabs';

export const metadata: Metadata = { title: 'Gifters' };

const PERIOD_LABELS: Record<GifterPeriod, { tab: string; text: string }> = {
  '7d': { tab: '7 days', text: 'the last 7 days' },
  '30d': { tab: '30 days', text: 'the last 30 days' },
  all: { tab: 'All time', text: 'all time' },
};

// Bad values in the address fall back to the defaults rather than failing the page.
const leaderboardSearch = z.object({
  period: z.enum(GIFTER_PERIODS).catch('7d'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' }) : '—');

export default async function GiftersPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}/gifters`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!account) notFound();

  const raw = await searchParams;
  const { period, page } = leaderboardSearch.parse({ period: raw.period, page: raw.page });
  const board = await gifterLeaderboard(db, account.id, { period, page });
  const base = `/dashboard/accounts/${account.id}/gifters`;
  const href = (p: { period?: GifterPeriod; page?: number }) => `${base}?${new URLSearchParams({ period: p.period ?? period, page: String(p.page ?? 1) }).toString()}`;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">Gifters</h1>
          <p className="text-sm text-muted">
            Who sent @{account.handle} the most diamonds in {PERIOD_LABELS[period].text}. Lives attended and first and last seen count all of @{account.handle}&apos;s lives. Days are UTC.
          </p>
        </div>
        <PeriodTabs periods={GIFTER_PERIODS.map((value) => ({ value, label: PERIOD_LABELS[value].tab }))} current={period} makeHref={(p) => href({ period: p })} />
      </header>

      <Card title={`Top gifters, ${PERIOD_LABELS[period].text}`} action={board.total > 0 ? <span className="text-sm text-muted">{formatCount(board.total)} gifters</span> : undefined}>
        {board.total === 0 ? (
          <EmptyState title={`No gifts in ${PERIOD_LABELS[period].text}`}>
            {period === 'all' ? 'Gifters appear here once LiveLens has recorded gifts in a live.' : <Link href={href({ period: 'all' })} className="underline hover:text-white">See all time</Link>}
          </EmptyState>
        ) : board.items.length === 0 ? (
          <EmptyState title="This page is past the end of the list">
            <Link href={href({ page: 1 })} className="underline hover:text-white">Back to the first page</Link>
          </EmptyState>
        ) : (
          <div className="-mx-1 overflow-x-auto px-1">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">#</th>
                  <th scope="col" className="py-2 pr-2">Gifter</th>
                  <th scope="col" className="py-2 pr-2 text-right">Diamonds</th>
                  <th scope="col" className="hidden py-2 pr-2 text-right sm:table-cell">Gifts</th>
                  <th scope="col" className="py-2 pr-2 text-right">Lives</th>
                  <th scope="col" className="hidden py-2 pr-2 md:table-cell">First seen</th>
                  <th scope="col" className="hidden py-2 md:table-cell">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {board.items.map((g) => {
                  const name = g.nickname ?? g.handle ?? `Viewer ${g.viewerId}`;
                  return (
                    <tr key={g.viewerId} className="border-t border-line">
                      <td className="py-2 pr-2 text-muted tabular-nums">{g.rank}</td>
                      <td className="py-2 pr-2">
                        <Link href={`${base}/${g.viewerId}`} className="flex min-w-0 items-center gap-2 hover:underline">
                          <Avatar src={g.avatarUrl} name={name} size={28} />
                          <span className="min-w-0">
                            <span className="block max-w-[10rem] truncate sm:max-w-xs">{name}</span>
                            {g.handle && <span className="block max-w-[10rem] truncate text-xs text-muted sm:max-w-xs">@{g.handle}</span>}
                          </span>
                        </Link>
                      </td>
                      <td className="py-2 pr-2 text-right tabular-nums text-accent-2" title={formatCount(g.diamonds)}>
                        {formatCompact(g.diamonds)}
                      </td>
                      <td className="hidden py-2 pr-2 text-right tabular-nums sm:table-cell">{formatCount(g.gifts)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{formatCount(g.livesAttended)}</td>
                      <td className="hidden py-2 pr-2 text-muted md:table-cell">{day(g.firstSeenAt)}</td>
                      <td className="hidden py-2 text-muted md:table-cell">{day(g.lastSeenAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={board.page} pages={board.pages} makeHref={(p) => href({ page: p })} label="Gifter pages" />
      </Card>
    </div>
  );
}
