import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePlatformName } from '@/components/ui/channel-label';
import type { Platform } from '@/lib/platforms/events';

/**
 * Which platform's lists /top shows: plain links (?platform=…), so it works without JavaScript, from the
 * keyboard (Tab, Enter) and on a phone; the current one is marked for screen readers with aria-current.
 */
export function PlatformSwitch({ platforms, current, makeHref }: { platforms: readonly Platform[]; current: Platform; makeHref: (platform: Platform) => string }) {
  const t = useTranslations('top');
  const platformName = usePlatformName();
  return (
    <nav aria-label={t('platformLabel')} className="flex rounded-lg border border-line p-1">
      {platforms.map((p) => (
        <Link
          key={p}
          href={makeHref(p)}
          aria-current={p === current ? 'page' : undefined}
          data-platform={p}
          className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-semibold ${p === current ? 'bg-panel-2 text-white ring-1 ring-accent-2/60' : 'text-muted hover:text-white'}`}
        >
          {platformName(p)}
        </Link>
      ))}
    </nav>
  );
}
