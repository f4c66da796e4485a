'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ChoiceTabs } from '@/components/stats/choice-tabs';
import { CompareChart } from '@/components/stats/history-chart-lazy';
import { Card } from '@/components/ui/card';
import { HISTORY_PERIODS, mergeSeries, type Counts, type DayPoint, type HistoryPeriod } from '@/lib/stats/history';

const METRICS: readonly (keyof Counts)[] = ['followers', 'hearts', 'videos'];
// Keys spelled out (not built from the value) so the catalogue test sees each one used.
const METRIC_LABEL = { followers: 'followers', hearts: 'likes', videos: 'videos' } as const;
const PERIOD_LABEL = { '30': 'period.30', '90': 'period.90', '365': 'period.365', all: 'period.all' } as const;

/**
 * The accounts' histories of one count on one chart, with a count and period choice. A channel whose
 * platform gives followers only (Bilibili) has no line for likes or videos rather than a line at zero.
 */
export function CompareCharts({ accounts }: { accounts: { handle: string; name: string; daily: DayPoint[]; followersOnly?: boolean }[] }) {
  const t = useTranslations('compare');
  const [metric, setMetric] = useState<keyof Counts>('followers');
  const [period, setPeriod] = useState<HistoryPeriod>('90');
  const rows = useMemo(() => mergeSeries(accounts.map((a) => (a.followersOnly && metric !== 'followers' ? [] : a.daily)), metric, period), [accounts, metric, period]);
  const names = accounts.map((a) => a.name);
  return (
    <Card title={t('chartTitle')}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ChoiceTabs label={t('metricLabel')} value={metric} onChange={setMetric} options={METRICS.map((m) => ({ value: m, label: t(METRIC_LABEL[m]) }))} />
          <ChoiceTabs label={t('periodLabel')} value={period} onChange={setPeriod} options={HISTORY_PERIODS.map((p) => ({ value: p, label: t(PERIOD_LABEL[p]) }))} />
        </div>
        {rows.length >= 2 ? (
          <CompareChart rows={rows} names={names} label={t('chartAria', { metric: t(METRIC_LABEL[metric]), names: names.join(', ') })} />
        ) : (
          <p className="text-sm text-muted">{t('chartEmpty')}</p>
        )}
        <p className="text-xs text-muted">{t('chartNote')}</p>
      </div>
    </Card>
  );
}
