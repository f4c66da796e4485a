// How the product names a channel and a viewer on each platform. A TikTok handle is the name people know
// ("@luna"); a Bilibili channel's handle is its uid, a number nobody reads (names there are not unique),
// so the nickname names it and a badge says the platform (components/ui/channel-label.tsx). One place,
// so no page writes "@<uid>". Pure: server pages and client components both use it.
import { platformOfId } from '@/lib/platforms/ids';
import type { Platform } from '@/lib/platforms/events';

export type ChannelNaming = { platform: Platform; handle: string; nickname: string | null };

/** The channel as running text names it: "@luna" on TikTok, the nickname on Bilibili (else its uid). */
export function channelName(channel: ChannelNaming): string {
  if (channel.platform === 'tiktok') return `@${channel.handle}`;
  return channel.nickname?.trim() || channel.handle;
}

/**
 * The channel as one line of plain text (a picker's option, where no badge fits): "@luna — Luna" on TikTok
 * (the nickname after `separator`, as the pickers always showed it), "星海电台 (Bilibili)" elsewhere.
 */
export function channelOptionText(channel: ChannelNaming, platformName: string, separator = ' — '): string {
  if (channel.platform === 'tiktok') return `@${channel.handle}${channel.nickname ? `${separator}${channel.nickname}` : ''}`;
  return `${channelName(channel)} (${platformName})`;
}

/**
 * The channel in a message's headline, where no badge fits (notifications): "Luna (@luna)" on TikTok, or
 * "@luna" without a nickname, as notifications always wrote it; "星海电台 (Bilibili)" elsewhere, as a picker
 * writes it (channelOptionText), since a uid after "@" would name nobody.
 */
export function channelHeadlineText(channel: ChannelNaming, platformName: string): string {
  if (channel.platform === 'tiktok') return channel.nickname ? `${channel.nickname} (${channelName(channel)})` : channelName(channel);
  return channelOptionText(channel, platformName);
}

/** Where a growth report on the channel is bought: /checkout?handle=luna on TikTok, /checkout?platform=bilibili&uid=… on Bilibili. */
export function channelCheckoutPath(channel: Pick<ChannelNaming, 'platform' | 'handle'>): string {
  const handle = encodeURIComponent(channel.handle);
  return channel.platform === 'tiktok' ? `/checkout?handle=${handle}` : `/checkout?platform=${channel.platform}&uid=${handle}`;
}

/** The channel's public page on LiveLens: /@handle for TikTok, /bilibili/<uid> for Bilibili. */
export function channelPublicPath(channel: Pick<ChannelNaming, 'platform' | 'handle'>): string {
  return channel.platform === 'tiktok' ? `/@${channel.handle}` : `/bilibili/${channel.handle}`;
}

/**
 * The line a viewer's handle takes under their name: "@handle" on TikTok; nothing on Bilibili, where the
 * stored handle is the uid and the nickname is already the name shown.
 */
export function viewerHandleText(platform: Platform, handle: string | null): string | null {
  if (!handle || platform !== 'tiktok') return null;
  return `@${handle}`;
}

/** viewerHandleText for a viewer known by its stored user id only (game boards, winners). */
export function viewerHandleOf(userId: string, handle: string | null): string | null {
  return viewerHandleText(platformOfId(userId), handle);
}

/** viewerHandleOf and " · " to start a line of details under the viewer's name, or nothing. */
export function viewerHandlePrefix(userId: string, handle: string | null): string {
  const text = viewerHandleOf(userId, handle);
  return text ? `${text} · ` : '';
}
