'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ChoiceTabs } from '@/components/stats/choice-tabs';
import { HistoryChart } from '@/components/stats/history-chart-lazy';
import type { HistoryChartPoint } from '@/components/stats/history-chart';
import { Card } from '@/components/ui/card';
import { dailyChanges, gainPerDay, HISTORY_PERIODS, pointsInPeriod, type DayPoint, type HistoryPeriod } from '@/lib/stats/history';

// Keys spelled out (not built from the value) so the catalogue test sees each one used.
const PERIOD_LABEL = { '30': 'period.30', '90': 'period.90', '365': 'period.365', all: 'period.all' } as const;

/**
 * A Bilibili channel's followers over time, as the TikTok page charts its counts: the total as a line, the
 * gain per day as bars, over a chosen period. Bilibili's room API gives followers only, so there is no other
 * count to choose.
 */
export function FollowerHistory({ daily }: { daily: DayPoint[] }) {
  const t = useTranslations('profile');
  const d = useTranslations('profile.depth');
  const [period, setPeriod] = useState<HistoryPeriod>('90');
  const points = useMemo<HistoryChartPoint[]>(() => {
    const gains = new Map(dailyChanges(daily).map((c) => [c.day, gainPerDay(c, 'followers')]));
    return pointsInPeriod(daily, period).map((p) => ({ day: p.day, total: p.followers, gain: gains.get(p.day) ?? null }));
  }, [daily, period]);
  return (
    <Card title={t('history')}>
      {daily.length < 2 ? (
        <p className="text-sm text-muted">{t('historyEmpty')}</p>
      ) : (
        <div className="flex flex-col gap-3">
          <ChoiceTabs label={d('periodLabel')} value={period} onChange={setPeriod} options={HISTORY_PERIODS.map((p) => ({ value: p, label: d(PERIOD_LABEL[p]) }))} />
          {points.length >= 2 ? <HistoryChart points={points} metric="followers" /> : <p className="text-sm text-muted">{d('periodEmpty')}</p>}
          <p className="text-xs text-muted">{d('chartNote')}</p>
        </div>
      )}
    </Card>
  );
}
