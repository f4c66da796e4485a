'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

// Drawn in the browser only, like the profile history chart: server-rendering Recharts costs more than
// the rest of the page, and the charts need the browser's width anyway.
export const LiveCharts = dynamic(() => import('./live-charts').then((m) => m.LiveCharts), {
  ssr: false,
  loading: () => <ChartsLoading />,
});

function ChartsLoading() {
  const t = useTranslations('dashboard');
  return <div className="h-64 w-full animate-pulse rounded-lg bg-panel-2" aria-label={t('charts.loading')} />;
}
