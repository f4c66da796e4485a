import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { appUrl } from '@/lib/env';
import { valueRate } from '@/lib/dashboard/value';
import { getOverlay } from '@/lib/overlays/manage';
import { CLUSTER_KINDS, clusterChoicesFor } from '@/lib/overlays/sources';
import { workspaceChannel } from '@/lib/realtime/channels';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { OverlayEditor } from './overlay-editor-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overlayEditor');
  return { title: t('editor.metaTitle') };
}

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ overlayId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverlayEditorPage({ params, searchParams }: Props) {
  const { overlayId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/overlays/${overlayId}`);
  // Someone else's overlay is "not found" too, so ids cannot be probed.
  const overlay = await getOverlay(db, ws.workspaceId, overlayId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!overlay) notFound();
  const { created } = await searchParams;
  // Gift alerts and goals may draw from every channel of a cluster holding this one (one creator on several platforms).
  const clusters = CLUSTER_KINDS.includes(overlay.kind) ? await clusterChoicesFor(db, ws.workspaceId, overlay.accountId) : [];
  // The rate is only shown (the goal's own sums use valueRate on the server): two decimals.
  const sources = { clusters, goldPerDiamond: Math.round(valueRate('tiktok', 'bilibili') * 100) / 100, platform: overlay.platform };
  return <OverlayEditor key={overlay.id} initial={overlay} created={created === '1'} fallbackOrigin={appUrl()} live={{ realtime: getPublicRealtimeConfig(), channel: workspaceChannel(ws.workspaceId) }} sources={sources} />;
}
