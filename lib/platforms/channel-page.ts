// What a platform's public channel page shows, read from the database only (no call to the platform):
// the channel, the totals of its lives in the platform's own value unit with their USD worth, and its
// latest lives. A channel is found by its handle on that platform (Bilibili: the uid).
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { channelHandle, type Platform } from '@/lib/platforms/channel';
import type { ValueUnit } from '@/lib/platforms/events';
import { usdWorthOf, VALUE_UNIT } from '@/lib/platforms/units';
import type { ValueRange } from '@/lib/stats/constants';

/** A Bilibili uid (mid) as written in its space URL: digits, no leading zero. */
export const bilibiliUidSchema = z.string().regex(/^[1-9][0-9]{0,19}$/, 'A Bilibili UID is a number of up to 20 digits.');

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

export type ChannelPage = {
  platform: Platform;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  platformUserId: string | null;
  roomId: string | null;
  valueUnit: ValueUnit;
  totals: { lives: number; value: bigint; gifts: number; comments: number; likes: bigint; peakViewers: number; usd: ValueRange };
  /** The latest lives, newest first (at most CHANNEL_PAGE_LIVES). */
  lives: ChannelLive[];
};

/** The page of the channel with this handle on `platform`, or null when none is stored. */
export async function readChannelPage(db: Db, platform: Platform, handle: string): Promise<ChannelPage | null> {
  const channel = await db.channel.findUnique({
    where: channelHandle(platform, handle),
    select: { id: true, handle: true, nickname: true, avatarUrl: true, platformUserId: true, roomId: true },
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
    platform,
    handle: channel.handle,
    nickname: channel.nickname,
    avatarUrl: channel.avatarUrl,
    platformUserId: channel.platformUserId,
    roomId: channel.roomId,
    valueUnit: VALUE_UNIT[platform],
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
