'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplay } from '@/components/site/display';
import { formatLiveTime } from '@/lib/dashboard/live-format';
import type { LiveSeries } from '@/lib/dashboard/lives';
import type { Platform } from '@/lib/platforms/events';
import { formatCompact, formatCount } from '@/lib/stats/format';

const GRID = '#2a2a38';
const AXIS = '#9b9bb0';
const TOOLTIP_STYLE = { background: '#15151d', border: '1px solid #2a2a38', borderRadius: 8 };

function ChartPanel({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-semibold text-muted">{title}</figcaption>
      <div className="h-56 w-full" role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Viewers over time, and value (diamonds, or Bilibili's gold) and likes per minute (per bucket on long lives). */
export function LiveCharts({ series, platform }: { series: LiveSeries; platform: Platform }) {
  const t = useTranslations('dashboard');
  const { locale, timeZone, zoneLabel } = useDisplay();
  const { points, bucketMinutes } = series;
  const time = (at: string | undefined) => formatLiveTime(at, locale, timeZone);
  const span = { from: time(points[0]?.at), to: time(points.at(-1)?.at), zone: zoneLabel };
  const axis = <XAxis dataKey="at" tickFormatter={(v: string) => time(v)} stroke={AXIS} fontSize={12} minTickGap={32} />;
  // The tooltip names the zone with the time ("10:05 PM GMT+7"); the card names it in full.
  const tooltipLabel = (label: unknown) => formatLiveTime(String(label), locale, timeZone, { zoneName: true });
  const peak = Math.max(0, ...points.map((p) => p.viewers ?? 0));
  const diamonds = points.reduce((sum, p) => sum + p.diamonds, 0);
  const likes = points.reduce((sum, p) => sum + p.likes, 0);
  const gold = platform === 'bilibili';
  const valueTitle = gold ? t('charts.goldTitle', { minutes: bucketMinutes }) : t('charts.diamondsTitle', { minutes: bucketMinutes });
  const valueArgs = { minutes: bucketMinutes, ...span, total: formatCount(diamonds, locale) };
  const valueLabel = gold ? t('charts.goldLabel', valueArgs) : t('charts.diamondsLabel', valueArgs);
  const valueName = gold ? t('stats.gold') : t('stats.diamonds');

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <ChartPanel title={t('stats.viewers')} label={t('charts.viewersLabel', { ...span, peak: formatCount(peak, locale) })}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          {axis}
          <YAxis tickFormatter={(v: number) => formatCompact(v, locale)} stroke={AXIS} fontSize={12} width={44} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={tooltipLabel} formatter={(value) => [formatCount(Number(value), locale), t('stats.viewers')]} />
          {/* Minutes without a sample are gaps in the data, not zero viewers. */}
          <Line type="monotone" dataKey="viewers" stroke="#25f4ee" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ChartPanel>
      <ChartPanel title={valueTitle} label={valueLabel}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={0}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          {axis}
          <YAxis tickFormatter={(v: number) => formatCompact(v, locale)} stroke={AXIS} fontSize={12} width={44} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={tooltipLabel} formatter={(value) => [formatCount(Number(value), locale), valueName]} cursor={{ fill: '#ffffff10' }} />
          <Bar dataKey="diamonds" fill="#fe2c55" isAnimationActive={false} />
        </BarChart>
      </ChartPanel>
      <ChartPanel title={t('charts.likesTitle', { minutes: bucketMinutes })} label={t('charts.likesLabel', { minutes: bucketMinutes, ...span, total: formatCount(likes, locale) })}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={0}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          {axis}
          <YAxis tickFormatter={(v: number) => formatCompact(v, locale)} stroke={AXIS} fontSize={12} width={44} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={tooltipLabel} formatter={(value) => [formatCount(Number(value), locale), t('stats.likes')]} cursor={{ fill: '#ffffff10' }} />
          <Bar dataKey="likes" fill="#a78bfa" isAnimationActive={false} />
        </BarChart>
      </ChartPanel>
    </div>
  );
}
