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
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { topCreators, topGifters } from '@/lib/stats/public-lists';
import { RankList } from './_components/rank-list';
import { UpdatedAt } from './_components/updated-at';
import { profilePath } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('top');
  return { title: t('metaTitle'), description: t('metaDescription') };
}

const topQuery = z.object({
  period: z.enum(['7', '30']).catch('7').transform(Number),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
  gpage: z.coerce.number().int().min(1).max(1000).catch(1),
});

type Search = Record<string, string | string[] | undefined>;

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

// Earnings and the time the lists were computed are shown by client components in the reader's currency
// and zone (useDisplay), so the HTML is the same for every reader of a language.
export default async function TopPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const query = topQuery.parse({ period: raw.period, page: raw.page, gpage: raw.gpage });
  const period = query.period === 30 ? 30 : 7;
  const [creators, gifters, t, locale] = await Promise.all([topCreators('tiktok', period, query.page), topGifters('tiktok', period, query.gpage), getTranslations('top'), getLocale()]);
  const href = (p: { period?: number; page?: number; gpage?: number }) => {
    const params = new URLSearchParams({ period: String(p.period ?? period), page: String(p.page ?? query.page), gpage: String(p.gpage ?? query.gpage) });
    return `/top?${params.toString()}`;
  };
  const creatorsTitle = t('creatorsTitle', { days: period });
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t('heading')}</h1>
          <p className="text-muted">{t('intro')}</p>
        </div>
        <div role="tablist" aria-label={t('period')} className="flex rounded-lg border border-line p-1">
          {[7, 30].map((p) => (
            <Link key={p} role="tab" aria-selected={p === period} href={href({ period: p, page: 1, gpage: 1 })} className={`rounded-md px-3 py-1.5 text-sm font-semibold ${p === period ? 'bg-accent-strong text-white' : 'text-muted hover:text-white'}`}>
              {t('days', { days: p })}
            </Link>
          ))}
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={creatorsTitle} className="lg:col-span-2">
          {creators.items.length === 0 ? (
            <EmptyState title={t('creatorsEmptyTitle')}>{t('creatorsEmpty')}</EmptyState>
          ) : (
            <ScrollRegion label={creatorsTitle}>
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-2">#</th>
                    <th scope="col" className="py-2 pr-2">{t('colCreator')}</th>
                    <th scope="col" className="py-2 pr-2 text-right">{t('colDiamonds')}</th>
                    <th scope="col" className="py-2 pr-2 text-right">{t('colEarnings')}</th>
                    <th scope="col" className="hidden py-2 text-right sm:table-cell">{t('colLivesHours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {creators.items.map((c) => (
                    <tr key={c.handle} className="border-t border-line">
                      <td className="py-2 pr-2 text-muted">{formatCount(c.rank, locale)}</td>
                      <td className="py-2 pr-2">
                        <Link href={profilePath(locale, c.handle)} className="flex items-center gap-2 hover:underline">
                          <Avatar src={c.avatarUrl} name={c.nickname ?? c.handle} size={28} />
                          <span className="min-w-0 truncate">{c.nickname ?? c.handle}</span>
                          {c.verified && <span title={t('verified')} className="text-accent-2">✓</span>}
                        </Link>
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
                  <span className="tabular-nums text-accent-2">💎 {formatCompact(g.value, locale)}</span>
                </li>
              ))}
            </ol>
          )}
          <Pager page={gifters.page} pages={gifters.pages} makeHref={(gpage) => href({ gpage })} label={t('giftersPages')} />
        </Card>
      </div>
      <RankList search={raw} />
      {creators.items.length > 0 && <MoneyNote />}
      {creators.computedAt && <UpdatedAt at={creators.computedAt} />}
    </div>
  );
}
