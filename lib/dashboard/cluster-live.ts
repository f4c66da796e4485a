// A cluster's combined live (issue 20, item 7: one creator across platforms): the channels of the cluster
// that are live now, with viewers and income summed in one currency (USD, each platform's value converted
// by its own rate: lib/platforms/units.ts) and each platform's share of both. A creator who streams on
// TikTok and Bilibili at once is a cluster of their two channels; an agency's cluster works the same way.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { eventWindowStart } from '@/lib/live/event-window';
import type { Platform, ValueUnit } from '@/lib/platforms/events';
import { estimateValueUsd } from '@/lib/dashboard/value';
import { VALUE_UNIT } from '@/lib/platforms/units';
import type { UsdRange } from '@/lib/stats/estimates';

export type CombinedLiveChannel = {
  accountId: string;
  platform: Platform;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  liveId: string;
  startedAt: string;
  viewers: number;
  /** In the platform's own unit (`unit`). */
  value: number;
  unit: ValueUnit;
  earnings: UsdRange;
  likes: number;
  comments: number;
};

export type PlatformShare = { platform: Platform; channels: number; viewers: number; earnings: UsdRange; viewerShare: number; earningsShare: number };

export type CombinedLive = { channels: CombinedLiveChannel[]; viewers: number; earnings: UsdRange; platforms: PlatformShare[] };

type Row = {
  account_id: string;
  platform: Platform;
  handle: string;
  nickname: string | null;
  avatar_url: string | null;
  live_id: bigint;
  started_at: Date;
  diamonds: bigint;
  likes: bigint;
  comments: number;
};

const zero = (): UsdRange => ({ low: 0, mid: 0, high: 0 });
const add = (a: UsdRange, b: UsdRange): UsdRange => ({ low: a.low + b.low, mid: a.mid + b.mid, high: a.high + b.high });

/** The cluster's channels live now (the workspace must still watch them), summed; NOT_FOUND for another workspace's cluster. */
export async function getCombinedLive(db: Db, workspaceId: string, clusterId: string): Promise<CombinedLive> {
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, workspaceId }, select: { id: true } });
  if (!cluster) throw new AppError('NOT_FOUND', 'No such cluster.');
  // Each member's latest live, if it is still open.
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (l.account_id) l.account_id, c.platform::text AS platform, c.handle, c.nickname, c.avatar_url, l.id AS live_id, l.started_at, l.diamonds, l.likes, l.comments
    FROM cluster_accounts ca
    JOIN workspace_accounts wa ON wa.account_id = ca.account_id AND wa.workspace_id = ${workspaceId}
    JOIN channels c ON c.id = ca.account_id
    JOIN lives l ON l.account_id = ca.account_id AND l.ended_at IS NULL
    WHERE ca.cluster_id = ${clusterId}
    ORDER BY l.account_id, l.started_at DESC`;
  const channels = await Promise.all(
    rows.map(async (row): Promise<CombinedLiveChannel> => {
      // The latest viewer count, read only in the live's partitions (lib/live/event-window.ts).
      const sample = await db.viewerSample.findFirst({ where: { liveId: row.live_id, at: { gte: eventWindowStart(row.started_at) } }, orderBy: { at: 'desc' }, select: { viewers: true } });
      const value = Number(row.diamonds);
      return {
        accountId: row.account_id,
        platform: row.platform,
        handle: row.handle,
        nickname: row.nickname,
        avatarUrl: row.avatar_url,
        liveId: row.live_id.toString(),
        startedAt: row.started_at.toISOString(),
        viewers: sample?.viewers ?? 0,
        value,
        unit: VALUE_UNIT[row.platform],
        earnings: estimateValueUsd(row.platform, value),
        likes: Number(row.likes),
        comments: row.comments,
      };
    }),
  );
  channels.sort((a, b) => b.viewers - a.viewers || a.handle.localeCompare(b.handle));
  const viewers = channels.reduce((sum, c) => sum + c.viewers, 0);
  const earnings = channels.reduce((sum, c) => add(sum, c.earnings), zero());
  const byPlatform = new Map<Platform, PlatformShare>();
  for (const c of channels) {
    const share = byPlatform.get(c.platform) ?? { platform: c.platform, channels: 0, viewers: 0, earnings: zero(), viewerShare: 0, earningsShare: 0 };
    share.channels++;
    share.viewers += c.viewers;
    share.earnings = add(share.earnings, c.earnings);
    byPlatform.set(c.platform, share);
  }
  const platforms = [...byPlatform.values()].map((s) => ({ ...s, viewerShare: viewers > 0 ? s.viewers / viewers : 0, earningsShare: earnings.mid > 0 ? s.earnings.mid / earnings.mid : 0 }));
  platforms.sort((a, b) => b.earnings.mid - a.earnings.mid || a.platform.localeCompare(b.platform));
  return { channels, viewers, earnings, platforms };
}
