import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useDisplay } from '@/components/site/display';
import { MoneyNote, TimesIn } from '@/components/site/money-note';
import { Avatar } from '@/components/ui/avatar';
import { Card, Notice, StatTile } from '@/components/ui/card';
import { formatDecimal } from '@/components/stats/numbers';
import type { ProfileView } from '@/lib/stats/profile-view';
import { formatCompact, formatCount, formatMoneyRange, formatPercent, MISSING_VALUE } from '@/lib/stats/format';
import { AccountHistory } from './account-history';
import { RatingBadge } from '@/components/stats/rating-badge';
import { VideoEarningNotes, VideoEarningTiles } from './video-earnings';

const strong = (chunks: ReactNode) => <strong className="text-white">{chunks}</strong>;

// `notice` is the lookup's own (English) text from lib/; the labels of the estimates are chosen here by
// their basis, so they read in the page's language.
//
// The page is rendered once for everyone (route cache), so times and money start in UTC and the
// language's currency and switch to the reader's zone and currency once loaded (useDisplay). Estimates
// arrive in US dollars and are converted here.
export function ProfileDetails({ view, stale, notice }: { view: ProfileView; stale: boolean; notice: string | null }) {
  const t = useTranslations('profile');
  const locale = useLocale();
  const display = useDisplay();
  const when = (iso: string) => display.date(iso, 'dateTime');
  const { stats, live } = view;
  const name = view.nickname || `@${view.handle}`;
  return (
    <div className="flex flex-col gap-4">
      {notice && <Notice tone={stale ? 'warn' : 'info'}>{notice}</Notice>}

      <Card>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <Avatar src={view.avatarUrl} name={name} size={88} />
          <div className="min-w-0 flex-1">
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
              <span className="break-words">{name}</span>
              {view.verified && (
                <span title={t('verifiedTitle')} className="rounded-full bg-accent-2 px-2 py-0.5 text-xs font-semibold text-black">
                  {t('verified')}
                </span>
              )}
              {live?.liveNow && <span className="animate-live motion-reduce:animate-none rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold">{t('liveNow')}</span>}
            </h1>
            <p className="text-muted">
              @{view.handle}
              {view.region && <> · {view.region}</>}
              {view.privateAccount && <> · {t('privateAccount')}</>}
            </p>
            {view.bio && <p className="mt-2 whitespace-pre-line break-words text-sm">{view.bio}</p>}
            <p className="mt-2 text-xs text-muted">
              {view.fetchedAt ? t(stale ? 'dataFromStale' : 'dataFrom', { when: when(view.fetchedAt) }) : t('notFetched')}
              {(view.fetchedAt || live?.lastLiveAt) && (
                <>
                  {' · '}
                  <TimesIn className="" />
                </>
              )}
            </p>
          </div>
          <div className="flex flex-col gap-2 sm:w-48">
            <Link href={`/dashboard?handle=${encodeURIComponent(view.handle)}`} className="rounded-lg bg-accent-strong px-4 py-2 text-center font-semibold hover:opacity-90">
              {t('track')}
            </Link>
            <Link href={`/checkout?handle=${encodeURIComponent(view.handle)}`} className="rounded-lg border border-line px-4 py-2 text-center font-semibold hover:bg-panel-2">
              {t('buyReport')}
            </Link>
          </div>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('statistics')} className="lg:col-span-2">
          {stats ? (
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <StatTile label={t('followers')} value={formatCompact(stats.followers, locale)} hint={formatCount(stats.followers, locale)} />
              <StatTile label={t('following')} value={formatCompact(stats.following, locale)} />
              <StatTile label={t('likes')} value={formatCompact(stats.hearts, locale)} hint={formatCount(stats.hearts, locale)} />
              <StatTile label={t('videos')} value={formatCount(stats.videos, locale)} />
              <StatTile label={t('videosLiked')} value={formatCompact(stats.diggs, locale)} />
              <StatTile label={t('friends')} value={formatCompact(stats.friends, locale)} />
              <StatTile label={t('avgLikes')} value={view.averageLikesPerVideo === null ? MISSING_VALUE : formatCompact(Math.round(view.averageLikesPerVideo), locale)} />
              <StatTile label={t('engagement')} value={view.engagement ? formatPercent(view.engagement.percent, locale) : MISSING_VALUE} hint={view.engagement?.basis === 'followers-approximation' ? t('approximation') : undefined} />
              <VideoEarningTiles perVideo={view.perVideo} />
            </dl>
          ) : (
            <p className="text-muted">{t('noPublicNumbers')}</p>
          )}
        </Card>
        <Card title={t('rating')}>{view.rating ? <RatingBadge rating={view.rating} /> : <p className="text-muted">{t('noRating')}</p>}</Card>
      </div>

      <Card title={t('live')} action={live?.tracked ? <span className="text-xs text-muted">{t('monitored')}</span> : undefined}>
        {live ? (
          <div className="grid gap-4 md:grid-cols-2">
            <dl className="grid grid-cols-2 gap-2">
              <StatTile label={t('lives30d')} value={formatCount(live.lives30d, locale)} />
              <StatTile label={t('hoursLive')} value={formatDecimal(live.hours30d, locale, 1)} />
              <StatTile label={t('diamonds')} value={formatCompact(live.diamonds30d, locale)} hint={formatCount(live.diamonds30d, locale)} />
              <StatTile label={t('liveEarnings')} value={formatMoneyRange(live.earnings30d, display.money)} hint={t('estimate30d')} />
            </dl>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-muted">{t('topGifters')}</h3>
              {live.topGifters.length === 0 ? (
                <p className="text-sm text-muted">{t('noGifts')}</p>
              ) : (
                <ol className="flex flex-col gap-1.5">
                  {live.topGifters.map((g, i) => (
                    <li key={`${g.handle}-${i}`} className="flex items-center gap-2 text-sm">
                      <span className="w-5 text-right text-muted">{i + 1}</span>
                      <Avatar src={g.avatarUrl} name={g.nickname ?? g.handle ?? '?'} size={24} />
                      <span className="min-w-0 flex-1 truncate">{g.nickname ?? g.handle}</span>
                      <span className="tabular-nums text-accent-2">💎 {formatCompact(g.diamonds, locale)}</span>
                    </li>
                  ))}
                </ol>
              )}
              {live.lastLiveAt && <p className="mt-2 text-xs text-muted">{t('lastLive', { when: when(live.lastLiveAt) })}</p>}
            </div>
          </div>
        ) : (
          <p className="text-sm text-muted">{t.rich('notWatched', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        )}
      </Card>
      {(view.perVideo || live) && <MoneyNote className="-mt-2 text-xs text-muted" />}

      <AccountHistory handle={view.handle} daily={view.daily} ranks={view.ranks} />

      <Card title={t('howEstimated')}>
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          <li>
            {t.rich('howEngagement', {
              basis: !view.engagement ? t('engagementNone') : view.engagement.basis === 'views' ? t('engagementViews') : t('engagementApproximation'),
              strong,
            })}
          </li>
          <VideoEarningNotes perVideo={view.perVideo} />
          <li>{t.rich('howLiveEarnings', { strong })}</li>
          <li>{t.rich('howRating', { strong })}</li>
        </ul>
      </Card>
    </div>
  );
}
