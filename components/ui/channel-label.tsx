// A channel as the dashboard names it (lib/platforms/naming.ts): "@luna" for a TikTok account, as always;
// the nickname and a "Bilibili" badge for a Bilibili channel, whose handle is a uid nobody reads.
// No hooks beyond useTranslations, so server pages and client components both render it.
import { useTranslations } from 'next-intl';
import { channelName, type ChannelNaming } from '@/lib/platforms/naming';
import type { Platform } from '@/lib/platforms/events';

/** The platform's name as text ("Bilibili", "哔哩哔哩"), for a picker's option or a label. */
export function usePlatformName(): (platform: Platform) => string {
  const t = useTranslations('dashboard');
  return (platform) => t('channel.platform', { platform });
}

/** A small badge naming the platform; nothing for TikTok, which every page assumed before (and still does). */
export function PlatformBadge({ platform }: { platform: Platform }) {
  const platformName = usePlatformName();
  if (platform === 'tiktok') return null;
  return (
    <span className="shrink-0 rounded-full border border-sky-400/60 px-1.5 text-xs font-normal text-sky-200" data-platform={platform}>
      {platformName(platform)}
    </span>
  );
}

/**
 * The channel's name with its platform badge. `variant="handle"` is for the line under a title that already
 * shows the nickname: "@luna" on TikTok, only the badge elsewhere (the uid would tell a reader nothing).
 */
export function ChannelLabel({ channel, variant = 'name', className = '' }: { channel: ChannelNaming; variant?: 'name' | 'handle'; className?: string }) {
  const showName = variant === 'name' || channel.platform === 'tiktok';
  return (
    <span className={`inline-flex min-w-0 max-w-full items-center gap-1.5 ${className}`}>
      {showName && <span className="truncate">{channelName(channel)}</span>}
      <PlatformBadge platform={channel.platform} />
    </span>
  );
}
