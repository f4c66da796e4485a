import { useTranslations } from 'next-intl';
import { Avatar } from '@/components/ui/avatar';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { GiftBreakdownRow, TopGifter } from '@/lib/dashboard/lives';
import type { Platform } from '@/lib/platforms/events';
import { viewerHandleText } from '@/lib/platforms/naming';
import { valueIcon } from '@/lib/platforms/value-format';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';
import { formatCompact, formatCount, formatPercent } from '@/lib/stats/format';

/** The live's biggest gifters: name, @handle on TikTok (a Bilibili viewer's handle is a uid), value sent. */
export function TopGifters({ gifters, platform, locale }: { gifters: TopGifter[]; platform: Platform; locale: string }) {
  const t = useTranslations('dashboard');
  if (gifters.length === 0) return <p className="text-sm text-muted">{t('live.noGifts')}</p>;
  return (
    <ol className="flex flex-col gap-2">
      {gifters.map((g, i) => {
        const handle = viewerHandleText(platform, g.handle);
        return (
        <li key={g.viewerId} className="flex items-center gap-2 text-sm">
          <span className="w-5 text-right text-muted">{i + 1}</span>
          <Avatar src={g.avatarUrl} name={g.nickname ?? g.handle ?? '?'} size={28} />
          <span className="min-w-0 flex-1">
            <span className="block truncate">{g.nickname ?? g.handle ?? t('unknownViewer')}</span>
            <span className="block truncate text-xs text-muted">
              {handle ? `${handle} · ` : ''}
              {t('live.giftCount', { count: g.gifts })}
            </span>
          </span>
          <span className="tabular-nums text-accent-2" title={formatCount(g.diamonds, locale)}>
            {valueIcon(platform)} {formatCompact(g.diamonds, locale)}
          </span>
        </li>
        );
      })}
    </ol>
  );
}

/** Gifts by name: how often, how many units (streaks add up), value (diamonds or gold) and its share. */
export function GiftBreakdown({ rows, platform, locale }: { rows: GiftBreakdownRow[]; platform: Platform; locale: string }) {
  const t = useTranslations('dashboard');
  if (rows.length === 0) return <p className="text-sm text-muted">{t('live.noGifts')}</p>;
  return (
    <ScrollRegion label={t('stats.gifts')}>
      <table className="w-full min-w-[24rem] text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-2 pr-2">{t('live.gift')}</th>
            <th scope="col" className="py-2 pr-2 text-right" title={t('live.sentHint')}>
              {t('live.sent')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right" title={t('live.unitsHint')}>
              {t('live.units')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">{platform === 'bilibili' ? t('stats.gold') : t('stats.diamonds')}</th>
            <th scope="col" className="w-28 py-2 text-right">{t('live.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.giftName} className="border-t border-line">
              <td className="py-2 pr-2">
                <span aria-hidden className="mr-1.5">{giftEmoji(r.giftId, r.giftName)}</span>
                {r.giftName}
              </td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatCount(r.count, locale)}</td>
              <td className="py-2 pr-2 text-right tabular-nums">{formatCount(r.repeatTotal, locale)}</td>
              <td className="py-2 pr-2 text-right tabular-nums text-accent-2" title={formatCount(r.diamonds, locale)}>{formatCompact(r.diamonds, locale)}</td>
              <td className="py-2 text-right tabular-nums">
                <span className="flex items-center justify-end gap-2">
                  <span aria-hidden className="h-1.5 w-12 overflow-hidden rounded-full bg-panel-2">
                    <span className="block h-full bg-accent" style={{ width: `${Math.min(100, r.sharePercent)}%` }} />
                  </span>
                  {formatPercent(r.sharePercent, locale)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
