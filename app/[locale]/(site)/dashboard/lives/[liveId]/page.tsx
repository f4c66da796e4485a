import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { getGiftBreakdown, getLiveSeries, getLiveSummary, getLiveTopGifters, requireOwnLive } from '@/lib/dashboard/lives';
import { getEnv } from '@/lib/env';
import { ChatBrowser } from './_components/chat-browser';
import { GiftBreakdown, TopGifters } from './_components/live-gifts';
import { LiveHeader, LiveStats } from './_components/live-header';
import { LiveCharts } from './_components/live-charts-lazy';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Live' };

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

  const [summary, series, gifters, breakdown] = await Promise.all([
    getLiveSummary(db, live.id),
    getLiveSeries(db, live.id),
    getLiveTopGifters(db, live.id, TOP_GIFTERS),
    getGiftBreakdown(db, live.id),
  ]);
  if (!summary) notFound();

  return (
    <div className="flex flex-col gap-4">
      <LiveHeader summary={summary} />
      <LiveStats summary={summary} />
      <Card title="Over time" action={<span className="text-xs text-muted">UTC</span>}>
        {series.points.length > 1 ? <LiveCharts series={series} /> : <p className="text-sm text-muted">The charts fill in as the worker records viewers, gifts and likes.</p>}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Top gifters of this live`}>
          <TopGifters gifters={gifters} />
        </Card>
        <Card title="Gifts">
          <GiftBreakdown rows={breakdown} />
        </Card>
      </div>
      <Card title="Chat">
        <ChatBrowser liveId={summary.id} counted={summary.comments} retentionDays={getEnv().CHAT_RETENTION_DAYS} />
      </Card>
    </div>
  );
}
