import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState, Notice } from '@/components/ui/card';
import { db } from '@/lib/db';
import { DEFAULT_LOCALE, isLocale, localePath, profilePath, readerPath } from '@/lib/i18n/locales';
import { channelPublicPath } from '@/lib/platforms/naming';
import { COMPARE_MAX_ACCOUNTS, getComparison, parseCompareHandles, type MissingEntry } from '@/lib/stats/compare';
import { CompareCharts } from './_components/compare-charts';
import { CompareTable } from './_components/compare-table';

// Reads `?h=` on every request; the numbers are what is stored (a comparison never fetches from TikTok).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('compare');
  return { title: t('metaTitle'), description: t('metaDescription') };
}

type Search = Record<string, string | string[] | undefined>;

/** A missing entry as the reader typed it: @handle, "UID 123", or the room's address (no page to link to). */
function MissingName({ entry, locale, t }: { entry: MissingEntry; locale: string; t: Awaited<ReturnType<typeof getTranslations<'compare'>>> }) {
  if (entry.platform === 'tiktok' && entry.handle) {
    return (
      <Link href={profilePath(locale, entry.handle)} className="font-semibold underline">
        @{entry.handle}
      </Link>
    );
  }
  if (entry.handle) {
    return (
      <Link href={readerPath(locale, channelPublicPath({ platform: entry.platform, handle: entry.handle }))} className="font-semibold underline">
        {t('missingBilibili', { uid: entry.handle })}
      </Link>
    );
  }
  return <span className="font-semibold">{t('missingRoom', { room: entry.key.slice('bilibili:room:'.length) })}</span>;
}

// GET /compare?h=a,b,c (or ?h=a&h=b&h=c, which the form below sends): up to three channels side by side,
// TikTok usernames and Bilibili channels ("bilibili:<uid>", a room or space link) alike.
export default async function ComparePage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const { handles, invalid } = parseCompareHandles(raw.h);
  const [{ accounts, missing }, t, locale] = await Promise.all([getComparison(db, handles), getTranslations('compare'), getLocale()]);
  // A room link found among the stored channels is shown back as its channel's key.
  const slots = Array.from({ length: COMPARE_MAX_ACCOUNTS }, (_, i) => accounts.find((a) => a.key === handles[i])?.canonical ?? handles[i] ?? '');
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-3xl font-bold">{t('heading')}</h1>
        <p className="text-muted">{t('intro', { max: COMPARE_MAX_ACCOUNTS })}</p>
      </header>

      <Card>
        {/* The reader's language stays in the address: "/compare" would answer a Russian reader without a saved choice in English. */}
        <form action={localePath(isLocale(locale) ? locale : DEFAULT_LOCALE, '/compare')} method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          {slots.map((handle, i) => (
            <label key={i} className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
              <span className="text-muted">{t('accountLabel', { n: i + 1 })}</span>
              <input name="h" defaultValue={handle} placeholder={t('placeholder')} autoComplete="off" spellCheck={false} className="rounded-lg border border-line bg-panel px-3 py-2 text-white placeholder:text-muted focus:border-accent-2" />
            </label>
          ))}
          <button type="submit" className="rounded-lg bg-accent-strong px-5 py-2 font-semibold text-white hover:opacity-90">
            {t('submit')}
          </button>
        </form>
      </Card>

      {invalid.length > 0 && <Notice tone="warn">{t('invalid', { handles: invalid.join(', '), count: invalid.length })}</Notice>}
      {missing.length > 0 && (
        <Notice tone="warn">
          {t('missing', { count: missing.length })}{' '}
          {missing.map((entry, i) => (
            <span key={entry.key}>
              {i > 0 && ', '}
              <MissingName entry={entry} locale={locale} t={t} />
            </span>
          ))}
        </Notice>
      )}

      {accounts.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('empty')}</EmptyState>
      ) : (
        <>
          <CompareTable accounts={accounts} />
          <CompareCharts accounts={accounts.map((a) => ({ handle: a.canonical, name: a.nickname ?? (a.platform === 'tiktok' ? `@${a.handle}` : a.handle), daily: a.daily, followersOnly: a.platform !== 'tiktok' }))} />
        </>
      )}
    </div>
  );
}
