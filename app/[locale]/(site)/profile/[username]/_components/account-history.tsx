'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ChoiceTabs } from '@/components/stats/choice-tabs';
import { HistoryChart } from '@/components/stats/history-chart-lazy';
import type { HistoryChartPoint, HistoryMetric } from '@/components/stats/history-chart';
import { Card } from '@/components/ui/card';
import { dailyChanges, gainPerDay, HISTORY_PERIODS, pointsInPeriod, type DayPoint, type HistoryPeriod } from '@/lib/stats/history';
import type { AccountRanks } from '@/lib/stats/rank-data';
import { AccountRanksCard } from '@/components/stats/account-ranks';
import { DailyTable } from './daily-table';
import { ProjectionCard } from './projection-card';

const METRICS: readonly HistoryMetric[] = ['followers', 'hearts', 'videos'];
// Keys spelled out (not built from the value) so the catalogue test sees each one used.
const METRIC_LABEL = { followers: 'metric.followers', hearts: 'metric.hearts', videos: 'metric.videos' } as const;
const PERIOD_LABEL = { '30': 'period.30', '90': 'period.90', '365': 'period.365', all: 'period.all' } as const;

/**
 * The account's history as Social Blade shows it: a chart of one count with its daily gains over a chosen
 * period, the projection, the account's ranks, and the daily table with week and month totals. The period applies to the
 * chart and the table; choices live in the browser (the page is served from the route cache).
 */
export function AccountHistory({ handle, daily, ranks }: { handle: string; daily: DayPoint[]; ranks: AccountRanks }) {
  const t = useTranslations('profile');
  const d = useTranslations('profile.depth');
  const [period, setPeriod] = useState<HistoryPeriod>('90');
  const [metric, setMetric] = useState<HistoryMetric>('followers');
  const changes = useMemo(() => dailyChanges(daily), [daily]);
  const points = useMemo<HistoryChartPoint[]>(() => {
    const gains = new Map(changes.map((c) => [c.day, gainPerDay(c, metric)]));
    return pointsInPeriod(daily, period).map((p) => ({ day: p.day, total: p[metric], gain: gains.get(p.day) ?? null }));
  }, [changes, daily, metric, period]);
  const compare = (
    <Link href={`/compare?h=${encodeURIComponent(handle)}`} className="text-sm font-semibold text-accent-2 hover:underline">
      {d('compareLink')}
    </Link>
  );
  return (
    <>
      <Card title={t('history')} action={compare}>
        {daily.length < 2 ? (
          <p className="text-sm text-muted">{t('historyEmpty')}</p>
        ) : (
          <div className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <ChoiceTabs label={d('metricLabel')} value={metric} onChange={setMetric} options={METRICS.map((m) => ({ value: m, label: d(METRIC_LABEL[m]) }))} />
              <ChoiceTabs label={d('periodLabel')} value={period} onChange={setPeriod} options={HISTORY_PERIODS.map((p) => ({ value: p, label: d(PERIOD_LABEL[p]) }))} />
            </div>
            {points.length >= 2 ? <HistoryChart points={points} metric={metric} /> : <p className="text-sm text-muted">{d('periodEmpty')}</p>}
            <p className="text-xs text-muted">{d('chartNote')}</p>
          </div>
        )}
      </Card>
      <ProjectionCard daily={daily} />
      <AccountRanksCard ranks={ranks} />
      {changes.length > 0 && <DailyTable changes={changes} period={period} />}
    </>
  );
}
