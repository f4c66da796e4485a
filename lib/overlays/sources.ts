// Which channels' events an overlay draws: its own channel's, and — for gift alerts and goals with a cluster
// chosen — every other channel of that cluster (one creator live on TikTok and Bilibili at once, issue 20 item 7).
// The one rule for the OBS page's subscriptions (lib/overlays/view.ts) and the realtime access check
// (lib/realtime/authorize.ts): a cluster counts only if it belongs to the overlay's workspace and holds the
// overlay's own channel, and only channels that workspace still watches are added.
import 'server-only';
import type { Db } from '@/lib/db';
import type { OverlayKind } from '@/lib/overlays/settings';
import { readKindSettings } from '@/lib/overlays/settings';
import { unsealSettings } from '@/lib/overlays/obs-secret';

export type OverlaySourceInput = { workspaceId: string; accountId: string; kind: OverlayKind; settings: unknown };

/** The overlay kinds that may draw from a cluster (the editor offers the choice for these only). */
export const CLUSTER_KINDS: readonly OverlayKind[] = ['GIFT_ALERTS', 'GOAL', 'LEADERBOARD'];

/**
 * The cluster whose channels' events an overlay's page receives, or ''. A leaderboard drawing from a cluster
 * is scored by the workers and reaches its page as boards on the overlay's own channel, so its page reads
 * only its own channel's events.
 */
export function overlayClusterId(overlay: Pick<OverlaySourceInput, 'kind' | 'settings'>): string {
  const read = readKindSettings(overlay.kind, unsealSettings(overlay.kind, overlay.settings));
  return read.kind === 'GIFT_ALERTS' || read.kind === 'GOAL' ? read.settings.clusterId : '';
}

/** The overlay's own account first, then the other watched channels of its cluster, if it names one. */
export async function overlayAccountIds(db: Db, overlay: OverlaySourceInput): Promise<string[]> {
  const clusterId = overlayClusterId(overlay);
  if (!clusterId) return [overlay.accountId];
  const members = await db.clusterAccount.findMany({
    where: { clusterId, cluster: { workspaceId: overlay.workspaceId }, account: { watchers: { some: { workspaceId: overlay.workspaceId } } } },
    select: { accountId: true },
    orderBy: { accountId: 'asc' },
  });
  const ids = members.map((m) => m.accountId);
  if (!ids.includes(overlay.accountId)) return [overlay.accountId];
  return [overlay.accountId, ...ids.filter((id) => id !== overlay.accountId)];
}

/** The workspace's clusters that hold `accountId` (the editor's choices for gift alerts and goals). */
export async function clusterChoicesFor(db: Db, workspaceId: string, accountId: string): Promise<{ id: string; name: string; channels: number }[]> {
  const clusters = await db.cluster.findMany({
    where: { workspaceId, accounts: { some: { accountId } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, _count: { select: { accounts: { where: { account: { watchers: { some: { workspaceId } } } } } } } },
  });
  return clusters.map((c) => ({ id: c.id, name: c.name, channels: c._count.accounts }));
}
