import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { MoneyNote } from '@/components/site/money-note';
import { MoneyRange } from '@/components/stats/money';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState, StatTile } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { db } from '@/lib/db';
import { alternatesFor, isLocale } from '@/lib/i18n/locales';
import { bilibiliChannelPage, type BilibiliChannelOutcome } from '@/lib/platforms/bilibili/room-lookup';
import { bilibiliUidSchema } from '@/lib/platforms/channel-page';
import { translateError } from '@/lib/i18n/errors';
import { clientIp } from '@/lib/rate-limit';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { channelCheckoutPath } from '@/lib/platforms/naming';
import { getFollowerHistory } from '@/lib/platforms/follower-history';
import { getBilibiliStanding } from '@/lib/stats/profile-view';
import { AccountRanksCard } from '@/components/stats/account-ranks';
import { RatingBadge } from '@/components/stats/rating-badge';
import { FollowerHistory } from './_components/follower-history';
import { LiveTime } from './_components/live-time';

// A Bilibili streamer (issue 20): /bilibili/{uid}, beside TikTok's /@handle. The room's facts (followers,
// title, area, live status) come from Bilibili's room API, fetched when missing or older than 30 minutes
// (lib/platforms/bilibili/room-lookup.ts); LIVE statistics are what LiveLens recorded while watching. A uid
// Bilibili does not know answers 404 (not-found.tsx).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; uid: string }> };

// Once per request: the metadata and the page share one lookup.
const load = cache(async (uid: string): Promise<BilibiliChannelOutcome> => {
  const parsed = bilibiliUidSchema.safeParse(uid);
  if (!parsed.success) return { kind: 'not_found' };
  return bilibiliChannelPage(db, parsed.data, clientIp(await headers()));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, uid } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'en', namespace: 'profile.bilibili' });
  const outcome = await load(uid);
  if (outcome.kind !== 'page') return { title: t('notFoundTitle'), robots: { index: false } };
  const { page } = outcome;
  const name = page.nickname ?? page.handle;
  return { title: t('metaTitle', { name }), description: t('metaDescription', { name, uid: page.handle }), alternates: alternatesFor(locale, `/bilibili/${page.handle}`) };
}

export default async function BilibiliChannelPage({ params }: Props) {
  const { locale: addressed, uid } = await params;
  if (isLocale(addressed)) setRequestLocale(addressed);
  const outcome = await load(uid);
  if (outcome.kind === 'not_found') notFound();
  const [t, tProfile, locale] = await Promise.all([getTranslations('profile.bilibili'), getTranslations('profile'), getLocale()]);
  if (outcome.kind === 'error') {
    return (
      <StatusMessage title={t('lookupFailed')} body={translateError(outcome.message, isLocale(locale) ? locale : 'en')} alert>
        <StatusLink href="/" primary>
          {t('home')}
        </StatusLink>
      </StatusMessage>
    );
  }
  const { page } = outcome;
  const { room } = page;
  const [daily, standing] = await Promise.all([getFollowerHistory(db, page.id), getBilibiliStanding(db, { id: page.id, followers: room?.followers ?? null })]);
  const name = page.nickname ?? page.handle;
  const { totals } = page;
  const livesTitle = t('livesTitle');
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar src={page.avatarUrl} name={name} size={72} />
        <div className="min-w-0">
          <p className="text-sm font-semibold text-accent-2">{t('platform')}</p>
          <h1 className="text-3xl font-bold wrap-anywhere">{name}</h1>
          <dl className="mt-1 flex flex-wrap gap-x-4 text-sm text-muted">
            <div className="flex gap-1">
              <dt>{t('uid')}</dt>
              <dd className="tabular-nums">{page.handle}</dd>
            </div>
            <div className="flex gap-1">
              <dt>{t('roomId')}</dt>
              <dd className="tabular-nums">{page.roomId ?? t('noRoom')}</dd>
            </div>
            {room?.followers != null && (
              <div className="flex gap-1">
                <dt>{t('followers')}</dt>
                <dd className="tabular-nums" title={formatCount(room.followers, locale)}>
                  {formatCompact(room.followers, locale)}
                </dd>
              </div>
            )}
          </dl>
        </div>
        {/* A report needs a follower count (lib/reports/collect.ts). */}
        {room?.followers != null && (
          <Link href={channelCheckoutPath(page)} className="ml-auto rounded-lg border border-line px-4 py-2 text-center font-semibold hover:bg-panel-2">
            {tProfile('buyReport')}
          </Link>
        )}
      </header>

      {room && (
        <Card title={t('roomTitle')}>
          <div className="flex flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2">
              <span className={room.liveStatus === 1 ? 'rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold text-white' : 'rounded-full border border-line px-2 py-0.5 text-xs text-muted'}>{t('roomStatus', { status: String(room.liveStatus ?? 'unknown') })}</span>
              <span className="font-semibold wrap-anywhere">{room.title ?? t('untitled')}</span>
            </p>
            {room.area && <p className="text-sm text-muted wrap-anywhere">{room.area}</p>}
            <p className="text-xs text-muted">
              {room.fetchStatus === 'ok' ? t('roomAsOf') : t('roomStale')} <LiveTime at={room.fetchedAt.toISOString()} />
            </p>
          </div>
        </Card>
      )}

      <Card title={t('totalsTitle')}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <StatTile label={t('lives')} value={formatCount(totals.lives, locale)} />
          <StatTile
            label={t('value')}
            value={<span title={formatCount(totals.value, locale)}>{formatCompact(totals.value, locale)}</span>}
            hint={
              <>
                {t('worth')} <MoneyRange low={totals.usd.low} high={totals.usd.high} />
              </>
            }
          />
          <StatTile label={t('gifts')} value={formatCount(totals.gifts, locale)} />
          <StatTile label={t('comments')} value={formatCount(totals.comments, locale)} />
          <StatTile label={t('likes')} value={formatCompact(totals.likes, locale)} />
          <StatTile label={t('peakViewers')} value={formatCount(totals.peakViewers, locale)} />
        </dl>
        <p className="mt-3 text-xs text-muted">{t('storedOnly')}</p>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={tProfile('rating')}>{standing.rating ? <RatingBadge rating={standing.rating} /> : <p className="text-muted">{tProfile('noRating')}</p>}</Card>
        <AccountRanksCard ranks={standing.ranks} />
      </div>

      <FollowerHistory daily={daily} />

      <Card title={livesTitle}>
        {page.lives.length === 0 ? (
          <EmptyState title={t('livesEmpty')} />
        ) : (
          <ScrollRegion label={livesTitle}>
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">{t('colStarted')}</th>
                  <th scope="col" className="py-2 pr-2">{t('colTitle')}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{t('colValue')}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{t('colGifts')}</th>
                  <th scope="col" className="hidden py-2 pr-2 text-right sm:table-cell">{t('colComments')}</th>
                  <th scope="col" className="py-2 text-right">{t('colPeak')}</th>
                </tr>
              </thead>
              <tbody>
                {page.lives.map((live) => (
                  <tr key={live.id} className="border-t border-line">
                    <td className="py-2 pr-2 whitespace-nowrap">
                      <LiveTime at={live.startedAt.toISOString()} />
                      {live.endedAt === null && <span className="ml-2 text-xs font-semibold text-accent">{t('liveNow')}</span>}
                    </td>
                    <td className="py-2 pr-2 wrap-anywhere">{live.title ?? t('untitled')}</td>
                    <td className="py-2 pr-2 text-right tabular-nums" title={formatCount(live.value, locale)}>{formatCompact(live.value, locale)}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{formatCount(live.gifts, locale)}</td>
                    <td className="hidden py-2 pr-2 text-right tabular-nums sm:table-cell">{formatCount(live.comments, locale)}</td>
                    <td className="py-2 text-right tabular-nums">{formatCount(live.peakViewers, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
      {totals.value > 0n && <MoneyNote />}
    </div>
  );
}
