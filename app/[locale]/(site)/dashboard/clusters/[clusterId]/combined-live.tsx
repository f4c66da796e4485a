// The cluster's combined live (lib/dashboard/cluster-live.ts): what its channels live now add up to across
// platforms — viewers and income in the reader's currency — and each platform's share. Server-rendered,
// read again every 15 seconds while the tab is visible, or every minute while none of its channels is live
// (it then only waits for one to start).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { Card, StatTile } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { RefreshEvery } from '@/components/ui/refresh-every';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { CombinedLive } from '@/lib/dashboard/cluster-live';
import type { Display } from '@/lib/i18n/display-settings';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange, formatPercent } from '@/lib/stats/format';

export const COMBINED_LIVE_REFRESH_SECONDS = 15;
export const COMBINED_LIVE_IDLE_REFRESH_SECONDS = 60;

export async function CombinedLivePanel({ live, display }: { live: CombinedLive; display: Display }) {
  const [t, td] = await Promise.all([getTranslations('clusters.live'), getTranslations('dashboard')]);
  const { locale } = display;
  if (live.channels.length === 0) return <RefreshEvery seconds={COMBINED_LIVE_IDLE_REFRESH_SECONDS} />;
  const valueText = (value: number, unit: string) =>
    unit === 'gold' ? t('goldPaid', { value: formatCompact(value, locale), paid: formatGoldPaid(value, locale) }) : t('diamonds', { value: formatCompact(value, locale) });
  return (
    <Card title={t('title')}>
      <RefreshEvery seconds={COMBINED_LIVE_REFRESH_SECONDS} />
      <p className="mb-3 text-sm text-muted">{t('intro')}</p>
      <dl className="grid grid-cols-2 gap-3" data-testid="combined-live">
        <StatTile label={t('viewers')} value={formatCount(live.viewers, locale)} />
        <StatTile label={t('income')} value={formatMoneyRange(live.earnings, display.money)} hint={t('incomeHint')} />
      </dl>
      <ScrollRegion label={t('title')} className="-mx-1 mt-3 px-1">
        <table className="w-full min-w-[32rem] text-left text-sm" data-testid="combined-live-platforms">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="py-2 pr-2">{t('platform')}</th>
              <th scope="col" className="py-2 pr-2 text-right">{t('channels')}</th>
              <th scope="col" className="py-2 pr-2 text-right">{t('viewerShare')}</th>
              <th scope="col" className="py-2 pr-2 text-right">{t('incomeShare')}</th>
            </tr>
          </thead>
          <tbody>
            {live.platforms.map((p) => (
              <tr key={p.platform} className="border-t border-line">
                <th scope="row" className="py-2 pr-2 font-semibold">{td('channel.platform', { platform: p.platform })}</th>
                <td className="py-2 pr-2 text-right tabular-nums">{formatCount(p.channels, locale)}</td>
                <td className="py-2 pr-2 text-right tabular-nums">
                  {formatCount(p.viewers, locale)} · {formatPercent(p.viewerShare * 100, locale)}
                </td>
                <td className="py-2 pr-2 text-right tabular-nums">
                  {formatMoneyRange(p.earnings, display.money)} · {formatPercent(p.earningsShare * 100, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ul className="mt-3 flex flex-col gap-2">
        {live.channels.map((c) => (
          <li key={c.accountId} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-panel-2 px-3 py-2 text-sm">
            <Link href={`/dashboard/lives/${c.liveId}`} className="flex min-w-0 items-center gap-2 font-semibold hover:underline">
              <Avatar src={c.avatarUrl} name={c.nickname ?? c.handle} size={28} />
              <ChannelLabel channel={c} className="max-w-[14rem]" />
            </Link>
            <span className="ml-auto tabular-nums text-muted">
              {t('viewers')}: {formatCount(c.viewers, locale)} · {valueText(c.value, c.unit)}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted">{t('refreshNote')}</p>
    </Card>
  );
}
