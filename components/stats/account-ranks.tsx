'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCount } from '@/lib/stats/format';
import type { AccountRanks, RankPlace } from '@/lib/stats/rank-data';

// Keys spelled out (not built from the metric) so the catalogue test sees each one used.
const METRIC_LABEL = { followers: 'ranks.followers', likes: 'ranks.likes', engagement: 'ranks.engagement', earnings: 'ranks.earnings' } as const;

function regionName(region: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

function Place({ place, href }: { place: RankPlace | null; href: string }) {
  const t = useTranslations('profile.depth');
  const locale = useLocale();
  if (!place) return <td className="py-1.5 pr-3 text-right text-muted">{t('ranks.unranked')}</td>;
  return (
    <td className="py-1.5 pr-3 text-right tabular-nums">
      <Link href={href} className="hover:underline">
        {t('ranks.place', { rank: formatCount(place.rank, locale), of: formatCount(place.of, locale) })}
      </Link>
      {place.change !== null && place.change !== 0 && (
        <span className={`ml-1.5 text-xs ${place.change > 0 ? 'text-emerald-400' : 'text-rose-400'}`}>
          <span aria-hidden>
            {place.change > 0 ? '▲' : '▼'}
            {formatCount(Math.abs(place.change), locale)}
          </span>
          <span className="sr-only">{t(place.change > 0 ? 'ranks.up' : 'ranks.down', { count: Math.abs(place.change) })}</span>
        </span>
      )}
    </td>
  );
}

/** The account's place in each ranking of /top, among all stored accounts of its platform and in its region. */
export function AccountRanksCard({ ranks }: { ranks: AccountRanks }) {
  const t = useTranslations('profile.depth');
  const locale = useLocale();
  const { region, platform } = ranks;
  // TikTok's rankings keep their addresses; another platform's are /top?platform=….
  const href = (metric: string, inRegion: boolean) => `/top?${platform === 'tiktok' ? '' : `platform=${platform}&`}rank=${metric}${inRegion && region ? `&region=${region}` : ''}#ranks`;
  return (
    <Card title={t('ranks.title')}>
      <ScrollRegion label={t('ranks.title')}>
        <table className="w-full text-sm">
          <caption className="sr-only">{t('ranks.caption')}</caption>
          <thead className="text-xs uppercase text-muted">
            <tr>
              <td />
              <th scope="col" className="py-2 pr-3 text-right">{t('ranks.overall')}</th>
              {region && <th scope="col" className="py-2 pr-3 text-right">{regionName(region, locale)}</th>}
            </tr>
          </thead>
          <tbody>
            {ranks.places.map((p) => (
              <tr key={p.metric} className="border-t border-line">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">{t(METRIC_LABEL[p.metric])}</th>
                <Place place={p.overall} href={href(p.metric, false)} />
                {region && <Place place={p.inRegion} href={href(p.metric, true)} />}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-xs text-muted">{t('ranks.note', { platform })}</p>
    </Card>
  );
}
