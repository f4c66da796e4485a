import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PeriodTabs } from '@/app/[locale]/(site)/dashboard/_components/period-tabs';
import { Avatar } from '@/components/ui/avatar';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { Card, EmptyState, StatTile } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { CLUSTER_NAME_MAX, CLUSTER_PERIODS, getClusterOverview, listClusterCandidates, type ClusterPeriod, type ClusterStats } from '@/lib/dashboard/clusters';
import { formatCompact, formatCount, formatUsdRange } from '@/lib/stats/format';
import { ClusterSettings } from './cluster-client';

export const metadata: Metadata = { title: 'Cluster' };

const overviewSearch = z.object({ period: z.enum(CLUSTER_PERIODS).catch('7d') });
const PERIOD_LABELS: Record<ClusterPeriod, string> = { '7d': '7 days', '30d': '30 days' };

const hours = (value: number) => `${value.toFixed(1)} h`;

// One column list for the table body and its totals row, so the two cannot drift apart.
const COLUMNS: { label: string; cell: (s: ClusterStats) => string; className?: string }[] = [
  { label: 'Lives', cell: (s) => formatCount(s.lives) },
  { label: 'Hours', cell: (s) => hours(s.hoursLive) },
  { label: 'Diamonds', cell: (s) => formatCompact(s.diamonds), className: 'text-accent-2' },
  { label: 'Est. earnings', cell: (s) => formatUsdRange(s.earnings) },
  { label: 'Likes', cell: (s) => formatCompact(s.likes) },
  { label: 'Comments', cell: (s) => formatCompact(s.comments) },
  { label: 'New followers', cell: (s) => formatCompact(s.newFollowers) },
  { label: 'Peak viewers', cell: (s) => formatCompact(s.peakViewers) },
];

type Props = { params: Promise<{ clusterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClusterPage({ params, searchParams }: Props) {
  const { clusterId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/clusters/${clusterId}`);
  const { period } = overviewSearch.parse({ period: (await searchParams).period });
  const [overview, candidates] = await Promise.all([
    getClusterOverview(db, ws.workspaceId, clusterId, { period }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }),
    listClusterCandidates(db, ws.workspaceId),
  ]);
  if (!overview) notFound();
  const { cluster, totals, accounts } = overview;

  return (
    <div className="flex flex-col gap-4">
      <Breadcrumb href="/dashboard/clusters" parent="Clusters" current={cluster.name} />
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-bold">{cluster.name}</h1>
          <p className="text-sm text-muted">
            Lives started in the last {PERIOD_LABELS[period]}, {accounts.length} account{accounts.length === 1 ? '' : 's'}. Earnings are estimates (±20%).
          </p>
        </div>
        <PeriodTabs periods={CLUSTER_PERIODS.map((value) => ({ value, label: PERIOD_LABELS[value] }))} current={period} makeHref={(p) => `/dashboard/clusters/${cluster.id}?period=${p}`} />
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile label="Lives" value={formatCount(totals.lives)} hint={hours(totals.hoursLive)} />
        <StatTile label="Diamonds" value={formatCompact(totals.diamonds)} hint={formatUsdRange(totals.earnings)} />
        <StatTile label="Likes" value={formatCompact(totals.likes)} hint={`${formatCompact(totals.comments)} comments`} />
        <StatTile label="New followers" value={formatCompact(totals.newFollowers)} hint={`Peak ${formatCompact(totals.peakViewers)} viewers`} />
      </dl>

      <Card title="By account">
        {accounts.length === 0 ? (
          <EmptyState title="No accounts in this cluster">Add some under “Edit accounts” below.</EmptyState>
        ) : (
          <div className="-mx-1 overflow-x-auto px-1">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">Account</th>
                  {COLUMNS.map((c) => (
                    <th key={c.label} scope="col" className="py-2 pr-2 text-right">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {accounts.map((row) => (
                  <tr key={row.accountId} className="border-t border-line">
                    <th scope="row" className="py-2 pr-2 font-normal">
                      <Link href={`/dashboard/accounts/${row.accountId}`} className="flex items-center gap-2 hover:underline">
                        <Avatar src={row.avatarUrl} name={row.nickname ?? row.handle} size={28} />
                        <span className="max-w-[10rem] truncate">@{row.handle}</span>
                      </Link>
                    </th>
                    {COLUMNS.map((c) => (
                      <td key={c.label} className={`py-2 pr-2 text-right tabular-nums ${c.className ?? ''}`}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-line font-semibold">
                  <th scope="row" className="py-2 pr-2">
                    All accounts
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c.label} className={`py-2 pr-2 text-right tabular-nums ${c.className ?? ''}`}>
                      {c.cell(totals)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-muted">Peak viewers in the totals row is the highest of the accounts, not a sum.</p>
      </Card>

      <ClusterSettings
        clusterId={cluster.id}
        name={cluster.name}
        memberIds={accounts.map((a) => a.accountId)}
        accounts={candidates.map((a) => ({ id: a.accountId, handle: a.handle, nickname: a.nickname }))}
        maxNameLength={CLUSTER_NAME_MAX}
      />
    </div>
  );
}
