import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PeriodTabs } from '@/app/[locale]/(site)/dashboard/_components/period-tabs';
import { MoneyNote } from '@/components/site/money-note';
import { Avatar } from '@/components/ui/avatar';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { Card, EmptyState, StatTile } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { CLUSTER_NAME_MAX, CLUSTER_PERIODS, getClusterOverview, listClusterCandidates, type ClusterPeriod, type ClusterStats } from '@/lib/dashboard/clusters';
import { formatDecimal } from '@/lib/dashboard/live-format';
import { readerFormat } from '@/lib/i18n/display';
import type { Display } from '@/lib/i18n/display-settings';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange, MISSING_VALUE } from '@/lib/stats/format';
import type { Platform } from '@/lib/platforms/events';
import { getCombinedLive } from '@/lib/dashboard/cluster-live';
import { ClusterSettings } from './cluster-client';
import { CombinedLivePanel } from './combined-live';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clusters');
  return { title: t('detail.metaTitle') };
}

const overviewSearch = z.object({ period: z.enum(CLUSTER_PERIODS).catch('7d') });
const PERIOD_DAYS: Record<ClusterPeriod, number> = { '7d': 7, '30d': 30 };

type Translate = Awaited<ReturnType<typeof getTranslations<'clusters'>>>;
type Column = { id: string; label: string; cell: (s: ClusterStats & { platform?: Platform }) => string; className?: string };
/** Which value units the cluster's members count in: TikTok diamonds, Bilibili gold, or both. */
type Units = { diamonds: boolean; gold: boolean };

/** Hours live with one decimal, in the reader's language ("12.5 h", "12,5 ч"). */
function hoursText(t: Translate, value: number, locale: string): string {
  return t('detail.hours', { hours: formatDecimal(value, locale, { minDigits: 1, maxDigits: 1 }) });
}

// One column list for the table body and its totals row, so the two cannot drift apart. Diamonds and
// Bilibili's gold are different units: each has its own column (shown when a member counts in it), a row
// of the other platform shows "—" there, and only the earnings (USD) add both up.
function columns(t: Translate, display: Display, units: Units): Column[] {
  const { locale } = display;
  const hours = (value: number) => hoursText(t, value, locale);
  const unitCell = (own: Platform, value: (s: ClusterStats) => number) => (s: ClusterStats & { platform?: Platform }) => (s.platform && s.platform !== own ? MISSING_VALUE : formatCompact(value(s), locale));
  return [
    { id: 'lives', label: t('detail.lives'), cell: (s) => formatCount(s.lives, locale) },
    { id: 'hours', label: t('detail.hoursColumn'), cell: (s) => hours(s.hoursLive) },
    ...(units.diamonds ? [{ id: 'diamonds', label: t('detail.diamonds'), cell: unitCell('tiktok', (s) => s.diamonds), className: 'text-accent-2' }] : []),
    ...(units.gold ? [{ id: 'gold', label: t('detail.gold'), cell: unitCell('bilibili', (s) => s.gold), className: 'text-accent-2' }] : []),
    { id: 'earnings', label: t('detail.earnings'), cell: (s) => formatMoneyRange(s.earnings, display.money) },
    { id: 'likes', label: t('detail.likes'), cell: (s) => formatCompact(s.likes, locale) },
    { id: 'comments', label: t('detail.comments'), cell: (s) => formatCompact(s.comments, locale) },
    { id: 'newFollowers', label: t('detail.newFollowers'), cell: (s) => formatCompact(s.newFollowers, locale) },
    { id: 'peakViewers', label: t('detail.peakViewers'), cell: (s) => formatCompact(s.peakViewers, locale) },
  ];
}

type Props = { params: Promise<{ clusterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClusterPage({ params, searchParams }: Props) {
  const { clusterId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/clusters/${clusterId}`);
  const { period } = overviewSearch.parse({ period: (await searchParams).period });
  const notFoundAsNull = (error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  };
  const [overview, candidates, combined] = await Promise.all([
    getClusterOverview(db, ws.workspaceId, clusterId, { period }).catch(notFoundAsNull),
    listClusterCandidates(db, ws.workspaceId),
    getCombinedLive(db, ws.workspaceId, clusterId).catch(notFoundAsNull),
  ]);
  if (!overview || !combined) notFound();
  const { cluster, totals, accounts } = overview;
  const [t, td, display] = await Promise.all([getTranslations('clusters'), getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const { locale } = display;
  // A cluster of TikTok accounts only (or none) shows diamonds alone, as it always did.
  const units: Units = { gold: accounts.some((a) => a.platform === 'bilibili'), diamonds: accounts.length === 0 || accounts.some((a) => a.platform === 'tiktok') };
  const tableColumns = columns(t, display, units);
  const periodLabel = (value: ClusterPeriod) => t('detail.period', { days: PERIOD_DAYS[value] });

  return (
    <div className="flex flex-col gap-4">
      <Breadcrumb href="/dashboard/clusters" parent={t('title')} current={cluster.name} />
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold wrap-anywhere">{cluster.name}</h1>
          <p className="text-sm text-muted">
            {t('detail.intro', { days: PERIOD_DAYS[period], count: accounts.length })}
          </p>
        </div>
        <PeriodTabs periods={CLUSTER_PERIODS.map((value) => ({ value, label: periodLabel(value) }))} current={period} makeHref={(p) => `/dashboard/clusters/${cluster.id}?period=${p}`} />
      </header>

      <CombinedLivePanel live={combined} display={display} />

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile label={t('detail.lives')} value={formatCount(totals.lives, locale)} hint={hoursText(t, totals.hoursLive, locale)} />
        {units.diamonds && units.gold ? (
          // Two units do not add up: the earnings (USD) are the total, each unit's count under them.
          <StatTile label={t('detail.earnings')} value={formatMoneyRange(totals.earnings, display.money)} hint={t('detail.valueMix', { diamonds: formatCompact(totals.diamonds, locale), gold: formatCompact(totals.gold, locale) })} />
        ) : units.gold ? (
          <StatTile label={t('detail.gold')} value={formatCompact(totals.gold, locale)} hint={`${td('value.paid', { amount: formatGoldPaid(totals.gold, locale) })} · ${formatMoneyRange(totals.earnings, display.money)}`} />
        ) : (
          <StatTile label={t('detail.diamonds')} value={formatCompact(totals.diamonds, locale)} hint={formatMoneyRange(totals.earnings, display.money)} />
        )}
        <StatTile label={t('detail.likes')} value={formatCompact(totals.likes, locale)} hint={t('detail.commentsHint', { comments: formatCompact(totals.comments, locale) })} />
        <StatTile label={t('detail.newFollowers')} value={formatCompact(totals.newFollowers, locale)} hint={t('detail.peakHint', { viewers: formatCompact(totals.peakViewers, locale) })} />
      </dl>

      <Card title={t('detail.byAccount')}>
        {accounts.length === 0 ? (
          <EmptyState title={t('detail.emptyTitle')}>{t('detail.empty')}</EmptyState>
        ) : (
          <ScrollRegion label={t('detail.byAccount')} className="-mx-1 px-1">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">
                    {t('detail.account')}
                  </th>
                  {tableColumns.map((c) => (
                    <th key={c.id} scope="col" className="py-2 pr-2 text-right">
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
                        <ChannelLabel channel={row} className="max-w-[10rem]" />
                      </Link>
                    </th>
                    {tableColumns.map((c) => (
                      <td key={c.id} className={`py-2 pr-2 text-right tabular-nums ${c.className ?? ''}`}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-line font-semibold">
                  <th scope="row" className="py-2 pr-2">
                    {t('detail.allAccounts')}
                  </th>
                  {tableColumns.map((c) => (
                    <td key={c.id} className={`py-2 pr-2 text-right tabular-nums ${c.className ?? ''}`}>
                      {c.cell(totals)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        )}
        <p className="mt-2 text-xs text-muted">{t('detail.peakNote')}</p>
        <MoneyNote className="mt-1 text-xs text-muted" />
      </Card>

      <ClusterSettings
        clusterId={cluster.id}
        name={cluster.name}
        memberIds={accounts.map((a) => a.accountId)}
        accounts={candidates.map((a) => ({ id: a.accountId, platform: a.platform, handle: a.handle, nickname: a.nickname }))}
        maxNameLength={CLUSTER_NAME_MAX}
      />
    </div>
  );
}
