import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { MoneyRange } from '@/components/stats/money';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { db } from '@/lib/db';
import { formatCompact, formatCount, formatPercent } from '@/lib/stats/format';
import { getRankPage, type RankRow } from '@/lib/stats/rank-data';
import { PLATFORM_RANK_METRICS, RANK_METRICS, type RankMetric } from '@/lib/stats/ranks';
import { profilePath, readerPath } from '@/lib/i18n/locales';
import type { Platform } from '@/lib/platforms/events';
import { channelPublicPath } from '@/lib/platforms/naming';

type Search = Record<string, string | string[] | undefined>;

const rankQuery = z.object({
  rank: z.enum(RANK_METRICS).catch('followers'),
  region: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/)
    .transform((r) => r.toUpperCase())
    .nullable()
    .catch(null),
  rpage: z.coerce.number().int().min(1).max(10_000).catch(1),
});

// Keys spelled out (not built from the metric) so the catalogue test sees each one used.
const METRIC_LABEL = { followers: 'ranks.metric.followers', likes: 'ranks.metric.likes', engagement: 'ranks.metric.engagement', earnings: 'ranks.metric.earnings' } as const;
// Region choices shown: the regions with the most stored accounts.
const REGION_CHOICES = 12;

function regionName(region: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

/**
 * Every stored account of the platform ranked by followers, likes, engagement or LIVE earnings (Bilibili:
 * followers and earnings), overall or in one region, with the places gained or lost since a week ago. Its
 * choices live in the address (?rank, ?region, ?rpage) beside the lists' own, so each view can be linked
 * and works without JavaScript.
 */
export async function RankList({ search, platform }: { search: Search; platform: Platform }) {
  const metrics = PLATFORM_RANK_METRICS[platform];
  const parsed = rankQuery.parse({ rank: search.rank, region: typeof search.region === 'string' ? search.region : null, rpage: search.rpage });
  const query = { ...parsed, rank: metrics.includes(parsed.rank) ? parsed.rank : 'followers' };
  const [page, t, locale] = await Promise.all([getRankPage(db, { metric: query.rank, region: query.region, page: query.rpage, platform }), getTranslations('top'), getLocale()]);
  const href = (change: { rank?: RankMetric; region?: string | null; rpage?: number }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (typeof value === 'string' && !['rank', 'region', 'rpage'].includes(key)) params.set(key, value);
    params.set('rank', change.rank ?? query.rank);
    const region = change.region === undefined ? query.region : change.region;
    if (region) params.set('region', region);
    params.set('rpage', String(change.rpage ?? 1));
    return `/top?${params.toString()}#ranks`;
  };
  const value = (row: RankRow) => {
    switch (query.rank) {
      case 'followers':
      case 'likes':
        return <span title={formatCount(row.value, locale)}>{formatCompact(row.value, locale)}</span>;
      case 'engagement':
        return formatPercent(row.value, locale);
      case 'earnings':
        return row.earnings ? <MoneyRange low={row.earnings.low} high={row.earnings.high} /> : formatCompact(row.value, locale);
    }
  };
  const title = query.region ? t('ranks.titleRegion', { region: regionName(query.region, locale) }) : t('ranks.title', { platform });
  const tab = (active: boolean) => `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-semibold ${active ? 'bg-panel-2 text-white ring-1 ring-accent-2/60' : 'text-muted hover:text-white'}`;
  return (
    <section id="ranks" className="scroll-mt-4">
      <Card title={title}>
        <p className="mb-3 text-sm text-muted">{t('ranks.intro', { platform })}</p>
        <div className="mb-3 flex flex-col gap-2">
          <nav aria-label={t('ranks.metricLabel')} className="flex flex-wrap self-start rounded-lg border border-line p-1">
            {metrics.map((m) => (
              <Link key={m} href={href({ rank: m })} aria-current={m === query.rank ? 'page' : undefined} className={tab(m === query.rank)}>
                {t(METRIC_LABEL[m])}
              </Link>
            ))}
          </nav>
          {page.regions.length > 0 && (
          <nav aria-label={t('ranks.regionLabel')} className="flex flex-wrap gap-1">
            <Link href={href({ region: null })} aria-current={query.region === null ? 'page' : undefined} className={tab(query.region === null)}>
              {t('ranks.allRegions')}
            </Link>
            {page.regions.slice(0, REGION_CHOICES).map(({ region }) => (
              <Link key={region} href={href({ region })} aria-current={region === query.region ? 'page' : undefined} className={tab(region === query.region)}>
                {regionName(region, locale)}
              </Link>
            ))}
          </nav>
          )}
        </div>
        {page.items.length === 0 ? (
          <EmptyState title={t('ranks.emptyTitle')}>{query.rank === 'earnings' ? t('ranks.emptyEarnings', { platform }) : t('ranks.empty', { platform })}</EmptyState>
        ) : (
          <ScrollRegion label={title}>
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">#</th>
                  <th scope="col" className="py-2 pr-2">{t('ranks.colChange')}</th>
                  <th scope="col" className="py-2 pr-2">{t('ranks.colAccount')}</th>
                  {platform === 'tiktok' && <th scope="col" className="hidden py-2 pr-2 sm:table-cell">{t('ranks.colRegion')}</th>}
                  <th scope="col" className="py-2 text-right">{t(METRIC_LABEL[query.rank])}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((row) => (
                  <tr key={row.handle} className="border-t border-line">
                    <td className="py-2 pr-2 tabular-nums text-muted">{formatCount(row.rank, locale)}</td>
                    <td className="py-2 pr-2 tabular-nums">
                      {row.change === null ? (
                        <span className="text-xs text-muted">{t('ranks.new')}</span>
                      ) : row.change === 0 ? (
                        <span className="text-muted">
                          <span aria-hidden>=</span>
                          <span className="sr-only">{t('ranks.same')}</span>
                        </span>
                      ) : (
                        // The arrow is for the eye; screen readers get the sentence (aria-label on a plain span is not read).
                        <span className={row.change > 0 ? 'text-emerald-400' : 'text-rose-400'}>
                          <span aria-hidden>
                            {row.change > 0 ? '▲' : '▼'} {formatCount(Math.abs(row.change), locale)}
                          </span>
                          <span className="sr-only">{t(row.change > 0 ? 'ranks.up' : 'ranks.down', { count: Math.abs(row.change) })}</span>
                        </span>
                      )}
                    </td>
                    <td className="max-w-0 py-2 pr-2 sm:max-w-none">
                      <Link href={row.platform === 'tiktok' ? profilePath(locale, row.handle) : readerPath(locale, channelPublicPath(row))} className="flex items-center gap-2 hover:underline">
                        <Avatar src={row.avatarUrl} name={row.nickname ?? row.handle} size={28} />
                        <span className="min-w-0 truncate">{row.nickname ?? row.handle}</span>
                        {row.verified && <span title={t('verified')} className="text-accent-2">✓</span>}
                      </Link>
                    </td>
                    {platform === 'tiktok' && <td className="hidden py-2 pr-2 text-muted sm:table-cell">{row.region ? regionName(row.region.toUpperCase(), locale) : '—'}</td>}
                    <td className="py-2 text-right tabular-nums">{value(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {page.pages > 1 && (
          <nav aria-label={t('ranks.pages')} className="mt-3 flex items-center justify-between text-sm">
            {page.page > 1 ? <Link href={href({ rpage: page.page - 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('previous')}</Link> : <span />}
            <span className="text-muted">{t('pageOf', { page: page.page, pages: page.pages })}</span>
            {page.page < page.pages ? <Link href={href({ rpage: page.page + 1 })} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('next')}</Link> : <span />}
          </nav>
        )}
        <p className="mt-2 text-xs text-muted">{t('ranks.note', { platform })}</p>
      </Card>
    </section>
  );
}
