// How code finds a channel (lib/platforms/README in docs/platforms.md): a channel is (platform, platform
// user id, handle or room id), and a handle is unique only within its platform, so every lookup by handle
// names the platform. TikTok paths (`/@handle`, checkout, reports, the worker's replay) use tiktokHandle().
import type { Platform } from '@/lib/generated/prisma/enums';

export type { Platform };

/** The unique key of a TikTok account by its handle (lower-case, without "@"). */
export function tiktokHandle(handle: string) {
  return { platform_handle: { platform: 'tiktok', handle } } as const;
}

/** The unique key of a channel by its handle on a platform (Bilibili: the uid as text). */
export function channelHandle(platform: Platform, handle: string) {
  return { platform_handle: { platform, handle } } as const;
}

/** The unique key of a TikTok live by its room id (room ids are unique per platform). */
export function tiktokRoom(roomId: string) {
  return { platform_roomId: { platform: 'tiktok', roomId } } as const;
}
