'use client';

import { useLocale, useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplay } from '@/components/site/display';
import { formatCompact, formatCount } from '@/lib/stats/format';

type Point = { at: string; followers: number; hearts: number };

/**
 * Followers and likes over time, from the stored snapshots (two axes: the scales differ a lot). Days on
 * the axis and times in the tooltip are in the reader's zone, numbers in the page's language.
 */
export function HistoryChart({ points }: { points: Point[] }) {
  const t = useTranslations('profile');
  const locale = useLocale();
  const display = useDisplay();
  const label = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return (
    <div className="h-64 w-full" role="img" aria-label={t('chartAria', { count: points.length })}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a2a38" strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={(at: string) => display.date(at, 'dayMonth')} stroke="#9b9bb0" fontSize={12} minTickGap={24} />
          <YAxis yAxisId="followers" tickFormatter={(v: number) => formatCompact(v, locale)} stroke="#25f4ee" fontSize={12} width={48} />
          <YAxis yAxisId="hearts" orientation="right" tickFormatter={(v: number) => formatCompact(v, locale)} stroke="#fe2c55" fontSize={12} width={48} />
          <Tooltip
            contentStyle={{ background: '#15151d', border: '1px solid #2a2a38', borderRadius: 8 }}
            labelFormatter={(at) => display.date(label(at), 'dateTime')}
            formatter={(value, name) => [formatCount(Number(value), locale), name === 'followers' ? t('followers') : t('likes')]}
          />
          <Line yAxisId="followers" type="monotone" dataKey="followers" stroke="#25f4ee" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line yAxisId="hearts" type="monotone" dataKey="hearts" stroke="#fe2c55" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
