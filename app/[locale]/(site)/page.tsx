import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { MoneyNote } from '@/components/site/money-note';
import { MoneyRange } from '@/components/stats/money';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { SearchBox } from '@/components/lookup/search-box';
import { alternatesFor, profilePath } from '@/lib/i18n/locales';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { recentLookups, topCreators, trendingLookups, type AccountChip } from '@/lib/stats/public-lists';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { alternates: alternatesFor((await params).locale, '/') };
}

function ChipList({ accounts, empty, locale }: { accounts: AccountChip[]; empty: string; locale: string }) {
  if (accounts.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {accounts.map((a) => (
        <li key={a.handle}>
          <Link href={profilePath(locale, a.handle)} className="flex items-center gap-3 rounded-lg p-1.5 hover:bg-panel-2">
            <Avatar src={a.avatarUrl} name={a.nickname ?? a.handle} size={36} />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{a.nickname ?? a.handle}</span>
              <span className="block truncate text-xs text-muted">@{a.handle}</span>
            </span>
            {a.followers !== null && <span className="text-sm tabular-nums text-muted">{formatCompact(a.followers, locale)}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

// Earnings are shown by a client component in the reader's currency (useDisplay), so the HTML is the
// same for every reader of a language.
export default async function HomePage() {
  const [recent, trending, top, t, locale] = await Promise.all([recentLookups(), trendingLookups(), topCreators('tiktok', 7, 1), getTranslations('home'), getLocale()]);
  return (
    <div className="flex flex-col gap-10">
      <section className="flex flex-col items-center gap-5 pt-6 text-center sm:pt-12">
        <h1 className="text-4xl font-extrabold tracking-tight sm:text-5xl">
          {t.rich('headline', { accent: (chunks) => <span className="text-accent">{chunks}</span> })}
        </h1>
        <p className="max-w-2xl text-lg text-muted">{t('pitch')}</p>
        <div className="w-full max-w-2xl">
          <SearchBox autoFocus />
        </div>
      </section>

      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t('recent')}>
          <ChipList accounts={recent} empty={t('recentEmpty')} locale={locale} />
        </Card>
        <Card title={t('trending')}>
          <ChipList accounts={trending} empty={t('trendingEmpty')} locale={locale} />
        </Card>
        <Card title={t('topEarners')} action={<Link href="/top" className="text-sm text-accent-2 hover:underline">{t('all')}</Link>}>
          {top.items.length === 0 ? (
            <EmptyState title={t('topEmptyTitle')}>{t('topEmpty')}</EmptyState>
          ) : (
            <>
              <ol className="flex flex-col gap-2">
                {top.items.slice(0, 5).map((c) => (
                  <li key={c.handle}>
                    <Link href={profilePath(locale, c.handle)} className="flex items-center gap-3 rounded-lg p-1.5 hover:bg-panel-2">
                      <span className="w-4 text-right text-sm text-muted">{formatCount(c.rank, locale)}</span>
                      <Avatar src={c.avatarUrl} name={c.nickname ?? c.handle} size={32} />
                      <span className="min-w-0 flex-1 truncate font-medium">{c.nickname ?? c.handle}</span>
                      <span className="text-sm tabular-nums text-accent-2">
                        <MoneyRange low={c.earnings.low} high={c.earnings.high} />
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
              <MoneyNote className="mt-3 text-xs text-muted" />
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
