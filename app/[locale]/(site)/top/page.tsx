import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { MoneyNote } from '@/components/site/money-note';
import { MoneyRange } from '@/components/stats/money';
import { formatDecimal } from '@/components/stats/numbers';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { topCreators, topGifters, TOP_PLATFORMS, type TopCreator } from '@/lib/stats/public-lists';
import { channelPublicPath } from '@/lib/platforms/naming';
import type { Platform } from '@/lib/platforms/events';
import { valueIcon } from '@/lib/platforms/value-format';
import { PlatformSwitch } from './_components/platform-switch';
import { RankList } from './_components/rank-list';
import { UpdatedAt } from './_components/updated-at';
import { profilePath, readerPath } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

// TikTok is the default and keeps its addresses (/top, ?period=…); another platform adds ?platform=….
const platformQuery = z.enum(TOP_PLATFORMS).catch('tiktok');

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const platform = platformQuery.parse((await searchParams).platform);
  const t = await getTranslations('top');
  return { title: t('metaTitle', { platform }), description: t('metaDescription', { platform }) };
}

const topQuery = z.object({
  platform: platformQuery,
  period: z.enum(['7', '30']).catch('7').transform(Number),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
  gpage: z.coerce.number().int().min(1).max(1000).catch(1),
});

function Pager({ page, pages, makeHref, label }: { page: number; pages: number; makeHref: (page: number) => string; label: string }) {
  const t = useTranslations('top');
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={makeHref(page - 1)} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('previous')}</Link> : <span />}
      <span className="text-muted">{t('pageOf', { page, pages })}</span>
      {page < pages ? <Link href={makeHref(page + 1)} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">{t('next')}</Link> : <span />}
    </nav>
  );
}

/** A creator in the list: a TikTok account by its name and tick, as /top always showed it, linking to
 * /@handle; another platform's channel by its nickname and platform badge (never "@<uid>"), linking to its
 * own page (/bilibili/{uid}). */
function CreatorName({ creator, locale, verified }: { creator: TopCreator; locale: string; verified: string }) {
  if (creator.platform !== 'tiktok') {
    return (
      <Link href={readerPath(locale, channelPublicPath(creator))} className="flex items-center gap-2 hover:underline">
        <Avatar src={creator.avatarUrl} name={creator.nickname ?? creator.handle} size={28} />
        <ChannelLabel channel={creator} />
      </Link>
    );
  }
  return (
    <Link href={profilePath(locale, creator.handle)} className="flex items-center gap-2 hover:underline">
      <Avatar src={creator.avatarUrl} name={creator.nickname ?? creator.handle} size={28} />
      <span className="min-w-0 truncate">{creator.nickname ?? creator.handle}</span>
      {creator.verified && <span title={verified} className="text-accent-2">✓</span>}
    </Link>
  );
}

// Earnings and the time the lists were computed are shown by client components in the reader's currency
// and zone (useDisplay), so the HTML is the same for every reader of a language.
export default async function TopPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const query = topQuery.parse({ platform: raw.platform, period: raw.period, page: raw.page, gpage: raw.gpage });
  const { platform } = query;
  const period = query.period === 30 ? 30 : 7;
  const [creators, gifters, t, locale] = await Promise.all([topCreators(platform, period, query.page), topGifters(platform, period, query.gpage), getTranslations('top'), getLocale()]);
  const href = (p: { platform?: Platform; period?: number; page?: number; gpage?: number }) => {
    const params = new URLSearchParams();
    const to = p.platform ?? platform;
    if (to !== 'tiktok') params.set('platform', to);
    params.set('period', String(p.period ?? period));
    params.set('page', String(p.page ?? query.page));
    params.set('gpage', String(p.gpage ?? query.gpage));
    return `/top?${params.toString()}`;
  };
  const creatorsTitle = t('creatorsTitle', { platform, days: period });
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t('heading', { platform })}</h1>
          <p className="text-muted">{t('intro', { platform })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <PlatformSwitch platforms={TOP_PLATFORMS} current={platform} makeHref={(to) => href({ platform: to, page: 1, gpage: 1 })} />
          <div role="tablist" aria-label={t('period')} className="flex rounded-lg border border-line p-1">
            {[7, 30].map((p) => (
              <Link key={p} role="tab" aria-selected={p === period} href={href({ period: p, page: 1, gpage: 1 })} className={`rounded-md px-3 py-1.5 text-sm font-semibold ${p === period ? 'bg-accent-strong text-white' : 'text-muted hover:text-white'}`}>
                {t('days', { days: p })}
              </Link>
            ))}
          </div>
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={creatorsTitle} className="lg:col-span-2">
          {creators.items.length === 0 ? (
            <EmptyState title={t('creatorsEmptyTitle')}>{t('creatorsEmpty', { platform })}</EmptyState>
          ) : (
            <ScrollRegion label={creatorsTitle}>
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-2">#</th>
                    <th scope="col" className="py-2 pr-2">{t('colCreator')}</th>
                    <th scope="col" className="py-2 pr-2 text-right">{t('colValue', { platform })}</th>
                    <th scope="col" className="py-2 pr-2 text-right">{t('colEarnings')}</th>
                    <th scope="col" className="hidden py-2 text-right sm:table-cell">{t('colLivesHours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {creators.items.map((c) => (
                    <tr key={c.handle} className="border-t border-line">
                      <td className="py-2 pr-2 text-muted">{formatCount(c.rank, locale)}</td>
                      <td className="py-2 pr-2">
                        <CreatorName creator={c} locale={locale} verified={t('verified')} />
                      </td>
                      <td className="py-2 pr-2 text-right tabular-nums" title={formatCount(c.value, locale)}>{formatCompact(c.value, locale)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums text-accent-2">
                        <MoneyRange low={c.earnings.low} high={c.earnings.high} />
                      </td>
                      <td className="hidden py-2 text-right tabular-nums text-muted sm:table-cell">{t('livesHours', { lives: formatCount(c.lives, locale), hours: formatDecimal(c.hoursLive, locale, 1) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pager page={creators.page} pages={creators.pages} makeHref={(page) => href({ page })} label={t('creatorsPages')} />
        </Card>

        <Card title={t('giftersTitle', { days: period })}>
          {gifters.items.length === 0 ? (
            <EmptyState title={t('giftersEmpty')} />
          ) : (
            <ol className="flex flex-col gap-2">
              {gifters.items.map((g) => (
                <li key={`${g.rank}`} className="flex items-center gap-2 text-sm">
                  <span className="w-6 text-right text-muted">{formatCount(g.rank, locale)}</span>
                  <Avatar src={g.avatarUrl} name={g.nickname ?? g.handle ?? '?'} size={28} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate">{g.nickname ?? g.handle}</span>
                    <span className="block text-xs text-muted">{t('toCreators', { count: g.streamers })}</span>
                  </span>
                  <span className="tabular-nums text-accent-2" title={formatCount(g.value, locale)}>
                    {valueIcon(platform)} {formatCompact(g.value, locale)}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <Pager page={gifters.page} pages={gifters.pages} makeHref={(gpage) => href({ gpage })} label={t('giftersPages')} />
        </Card>
      </div>
      {/* The ranks compare the platform's stored channels: TikTok by followers, likes, engagement and
          diamonds; Bilibili by followers and gold. */}
      <RankList search={raw} platform={platform} />
      {creators.items.length > 0 && <MoneyNote />}
      {creators.computedAt && <UpdatedAt at={creators.computedAt} />}
    </div>
  );
}
