'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

function ChartLoading() {
  const t = useTranslations('profile');
  return <div className="h-72 w-full animate-pulse rounded-lg bg-panel-2" aria-label={t('chartLoading')} />;
}

// Charts are drawn in the browser only: server-rendering Recharts costs more than the rest of the
// page together, and the chart needs the browser's width anyway.
export const HistoryChart = dynamic(() => import('./history-chart').then((m) => m.HistoryChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

export const CompareChart = dynamic(() => import('./compare-chart').then((m) => m.CompareChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});
