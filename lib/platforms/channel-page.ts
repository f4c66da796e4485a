// What a platform's public channel page shows, read from the database only (the Bilibili page refreshes the
// stored room facts before: lib/platforms/bilibili/room-lookup.ts): the channel, its room as last fetched,
// the totals of its lives in the platform's own value unit with their USD worth, and its latest lives. A
// channel is found by its handle on that platform (Bilibili: the uid).
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { BILIBILI_NUMBER } from '@/lib/platforms/bilibili/address';
import { channelHandle, type Platform } from '@/lib/platforms/channel';
import type { ValueUnit } from '@/lib/platforms/events';
import { usdWorthOf, VALUE_UNIT } from '@/lib/platforms/units';
import type { ValueRange } from '@/lib/stats/constants';

/** A Bilibili uid (mid) as written in its space URL: digits, no leading zero. */
export const bilibiliUidSchema = z.string().regex(BILIBILI_NUMBER, 'A Bilibili UID is a number of up to 20 digits.');

export const CHANNEL_PAGE_LIVES = 20;

export type ChannelLive = {
  id: string;
  title: string | null;
  startedAt: Date;
  endedAt: Date | null;
  value: bigint;
  gifts: number;
  comments: number;
  likes: bigint;
  peakViewers: number;
};

export type ChannelRoom = {
  title: string | null;
  area: string | null;
  /** 0 offline, 1 live, 2 replaying old videos; null when unknown. */
  liveStatus: number | null;
  followers: bigint | null;
  /** When it was asked last. */
  fetchedAt: Date;
  /** 'ok', or why the last ask failed (the facts above are then from an earlier one). */
  fetchStatus: string;
};

export type ChannelPage = {
  /** The channel's id (not shown: it reads the channel's follower history). */
  id: string;
  platform: Platform;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  platformUserId: string | null;
  roomId: string | null;
  valueUnit: ValueUnit;
  /** What the platform said about the channel's room (Bilibili); null until a fetch succeeded. */
  room: ChannelRoom | null;
  /** When the platform was last asked about the channel, successfully or not. */
  fetchedAt: Date | null;
  totals: { lives: number; value: bigint; gifts: number; comments: number; likes: bigint; peakViewers: number; usd: ValueRange };
  /** The latest lives, newest first (at most CHANNEL_PAGE_LIVES). */
  lives: ChannelLive[];
};

/** The page of the channel with this handle on `platform`, or null when none is stored. */
export async function readChannelPage(db: Db, platform: Platform, handle: string): Promise<ChannelPage | null> {
  const channel = await db.channel.findUnique({
    where: channelHandle(platform, handle),
    select: { id: true, handle: true, nickname: true, avatarUrl: true, platformUserId: true, roomId: true, roomTitle: true, roomArea: true, roomLiveStatus: true, followers: true, lastFetchedAt: true, lastFetchStatus: true },
  });
  if (!channel) return null;
  const [sums, lives] = await Promise.all([
    db.live.aggregate({
      where: { accountId: channel.id },
      _count: { _all: true },
      _sum: { diamonds: true, gifts: true, comments: true, likes: true },
      _max: { peakViewers: true },
    }),
    db.live.findMany({
      where: { accountId: channel.id },
      orderBy: { startedAt: 'desc' },
      take: CHANNEL_PAGE_LIVES,
      select: { id: true, title: true, startedAt: true, endedAt: true, diamonds: true, gifts: true, comments: true, likes: true, peakViewers: true },
    }),
  ]);
  const value = sums._sum.diamonds ?? 0n;
  return {
    id: channel.id,
    platform,
    handle: channel.handle,
    nickname: channel.nickname,
    avatarUrl: channel.avatarUrl,
    platformUserId: channel.platformUserId,
    roomId: channel.roomId,
    valueUnit: VALUE_UNIT[platform],
    fetchedAt: channel.lastFetchedAt,
    // A successful fetch always stores the live status.
    room: channel.lastFetchedAt && channel.roomLiveStatus !== null
      ? { title: channel.roomTitle, area: channel.roomArea, liveStatus: channel.roomLiveStatus, followers: channel.followers, fetchedAt: channel.lastFetchedAt, fetchStatus: channel.lastFetchStatus ?? 'ok' }
      : null,
    totals: {
      lives: sums._count._all,
      value,
      gifts: sums._sum.gifts ?? 0,
      comments: sums._sum.comments ?? 0,
      likes: sums._sum.likes ?? 0n,
      peakViewers: sums._max.peakViewers ?? 0,
      usd: usdWorthOf(platform, Number(value)),
    },
    lives: lives.map(({ id, diamonds, ...live }) => ({ ...live, id: id.toString(), value: diamonds })),
  };
}
