'use client';

import { useLocale } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COMPARE_COLORS } from '@/components/stats/compare-colors';
import { formatDate } from '@/lib/i18n/time';
import { formatCompact, formatCount } from '@/lib/stats/format';

/** One row per UTC day with each account's value under its index ("0", "1", "2"); missing days are absent. */
export type CompareRow = { day: string } & Record<string, number | string>;

/**
 * The same count of up to three accounts over time, one line each (gaps bridged: accounts are stored on
 * different days). `names` labels the legend and tooltip; `label` describes the chart to screen readers.
 */
export function CompareChart({ rows, names, label }: { rows: CompareRow[]; names: string[]; label: string }) {
  const locale = useLocale();
  const nameOf = (key: unknown) => names[Number(key)] ?? '';
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a2a38" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(d: string) => formatDate(d, 'dayMonth', locale, 'UTC')} stroke="#9b9bb0" fontSize={12} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatCompact(v, locale)} stroke="#9b9bb0" fontSize={12} width={52} domain={['auto', 'auto']} />
          <Tooltip
            contentStyle={{ background: '#15151d', border: '1px solid #2a2a38', borderRadius: 8 }}
            labelFormatter={(d) => (typeof d === 'string' ? formatDate(d, 'date', locale, 'UTC') : '')}
            formatter={(value, key) => [formatCount(Number(value), locale), nameOf(key)]}
          />
          <Legend formatter={nameOf} wrapperStyle={{ fontSize: 12 }} />
          {names.map((_, i) => (
            <Line key={i} type="monotone" dataKey={String(i)} name={String(i)} stroke={COMPARE_COLORS[i]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
