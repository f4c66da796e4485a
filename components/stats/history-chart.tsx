'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '@/lib/i18n/time';
import { formatCompact, formatCount } from '@/lib/stats/format';
import type { Counts } from '@/lib/stats/history';

export type HistoryMetric = keyof Counts;
/** A stored day: its total and the gain per day since the stored day before (null on the first day). */
export type HistoryChartPoint = { day: string; total: number; gain: number | null };

const COLORS: Record<HistoryMetric, string> = { followers: '#25f4ee', hearts: '#fe2c55', videos: '#f5c518' };
// Keys spelled out (not built from the metric) so the catalogue test sees each one used.
const TOTAL = { followers: 'total.followers', hearts: 'total.hearts', videos: 'total.videos' } as const;
const GAIN = { followers: 'gain.followers', hearts: 'gain.hearts', videos: 'gain.videos' } as const;

/**
 * One count over time: its total as a line (right axis) and the gain per day as bars (left axis; a gap
 * of several days spreads its gain evenly). Days are UTC calendar days, as the daily table's.
 */
export function HistoryChart({ points, metric }: { points: HistoryChartPoint[]; metric: HistoryMetric }) {
  const t = useTranslations('profile.depth');
  const locale = useLocale();
  const totalName = t(TOTAL[metric]);
  const gainName = t(GAIN[metric]);
  const day = (value: unknown) => (typeof value === 'string' ? formatDate(value, 'date', locale, 'UTC') : '');
  return (
    <div className="h-72 w-full" role="img" aria-label={t('chartAria', { metric: totalName, count: points.length })}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a2a38" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(d: string) => formatDate(d, 'dayMonth', locale, 'UTC')} stroke="#9b9bb0" fontSize={12} minTickGap={24} />
          <YAxis yAxisId="gain" tickFormatter={(v: number) => formatCompact(v, locale)} stroke="#9b9bb0" fontSize={12} width={48} />
          <YAxis yAxisId="total" orientation="right" tickFormatter={(v: number) => formatCompact(v, locale)} stroke={COLORS[metric]} fontSize={12} width={52} domain={['auto', 'auto']} />
          <Tooltip
            contentStyle={{ background: '#15151d', border: '1px solid #2a2a38', borderRadius: 8 }}
            labelFormatter={day}
            formatter={(value, name) => [formatCount(Number(value), locale), name === 'gain' ? gainName : totalName]}
          />
          <Legend formatter={(name) => (name === 'gain' ? gainName : totalName)} wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="gain" dataKey="gain" name="gain" fill="#9b9bb0" fillOpacity={0.6} isAnimationActive={false} />
          <Line yAxisId="total" type="monotone" dataKey="total" name="total" stroke={COLORS[metric]} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
