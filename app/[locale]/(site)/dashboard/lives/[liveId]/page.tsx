import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TimesIn } from '@/components/site/money-note';
import { Card } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { getGiftBreakdown, getLiveSeries, getLiveSummary, getLiveTopGifters, requireOwnLive } from '@/lib/dashboard/lives';
import { getEnv } from '@/lib/env';
import { readerFormat } from '@/lib/i18n/display';
import { ChatBrowser } from './_components/chat-browser';
import { GiftBreakdown, TopGifters } from './_components/live-gifts';
import { LiveHeader, LiveStats } from './_components/live-header';
import { LiveCharts } from './_components/live-charts-lazy';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('live.title') };
}

const TOP_GIFTERS = 10;

function nullWhenNotFound(error: unknown): null {
  if (isAppError(error) && error.code === 'NOT_FOUND') return null;
  throw error;
}

export default async function LivePage({ params }: { params: Promise<{ liveId: string }> }) {
  const { liveId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/lives/${liveId}`);
  const live = await requireOwnLive(db, ws.workspaceId, liveId).catch(nullWhenNotFound);
  if (!live) notFound();

  const [summary, series, gifters, breakdown, t, display] = await Promise.all([
    getLiveSummary(db, live.id),
    getLiveSeries(db, live.id),
    getLiveTopGifters(db, live, TOP_GIFTERS),
    getGiftBreakdown(db, live),
    getTranslations('dashboard'),
    getLocale().then(readerFormat),
  ]);
  if (!summary) notFound();

  return (
    <div className="flex flex-col gap-4">
      <LiveHeader summary={summary} display={display} />
      <LiveStats summary={summary} display={display} />
      <Card title={t('live.overTime')} action={<TimesIn />}>
        {series.points.length > 1 ? <LiveCharts series={series} platform={summary.platform} /> : <p className="text-sm text-muted">{t('live.chartsEmpty')}</p>}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('topGifters')}>
          <TopGifters gifters={gifters} platform={summary.platform} locale={display.locale} />
        </Card>
        <Card title={t('stats.gifts')}>
          <GiftBreakdown rows={breakdown} platform={summary.platform} locale={display.locale} />
        </Card>
      </div>
      <Card title={t('chat')}>
        <ChatBrowser liveId={summary.id} platform={summary.platform} counted={summary.comments} retentionDays={getEnv().CHAT_RETENTION_DAYS} />
      </Card>
    </div>
  );
}
