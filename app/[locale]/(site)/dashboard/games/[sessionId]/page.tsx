import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { appUrl } from '@/lib/env';
import { getHostView } from '@/lib/games/host';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { HostPanelClient } from './host-panel-client';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('games');
  return { title: t('host.metaTitle') };
}

export default async function HostPanelPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/games/${sessionId}`);
  const view = await getHostView(db, ws.workspaceId, sessionId.slice(0, 64)).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!view) notFound();
  return <HostPanelClient initial={view} realtime={getPublicRealtimeConfig()} appUrl={appUrl()} />;
}
