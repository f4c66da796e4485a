import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { Card, Notice, StatTile } from '@/components/ui/card';
import { HistoryChart } from '@/components/stats/history-chart-lazy';
import type { ProfileView } from '@/lib/stats/profile-view';
import { formatCompact, formatCount, formatPercent, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';
import { RatingBadge } from './rating-badge';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export function ProfileDetails({ view, stale, notice }: { view: ProfileView; stale: boolean; notice: string | null }) {
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
                <span title="Verified account" className="rounded-full bg-accent-2 px-2 py-0.5 text-xs font-semibold text-black">
                  ✓ Verified
                </span>
              )}
              {live?.liveNow && <span className="animate-pulse rounded-full bg-accent px-2 py-0.5 text-xs font-semibold">● LIVE</span>}
            </h1>
            <p className="text-muted">
              @{view.handle}
              {view.region && <> · {view.region}</>}
              {view.privateAccount && <> · private account</>}
            </p>
            {view.bio && <p className="mt-2 whitespace-pre-line break-words text-sm">{view.bio}</p>}
            <p className="mt-2 text-xs text-muted">{view.fetchedAt ? `Data from ${when(view.fetchedAt)}${stale ? ' (last stored)' : ''}` : 'Not fetched yet'}</p>
          </div>
          <div className="flex flex-col gap-2 sm:w-48">
            <Link href={`/dashboard?handle=${encodeURIComponent(view.handle)}`} className="rounded-lg bg-accent px-4 py-2 text-center font-semibold hover:opacity-90">
              Track this account
            </Link>
            <Link href={`/checkout?handle=${encodeURIComponent(view.handle)}`} className="rounded-lg border border-line px-4 py-2 text-center font-semibold hover:bg-panel-2">
              Buy growth report
            </Link>
          </div>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Statistics" className="lg:col-span-2">
          {stats ? (
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <StatTile label="Followers" value={formatCompact(stats.followers)} hint={formatCount(stats.followers)} />
              <StatTile label="Following" value={formatCompact(stats.following)} />
              <StatTile label="Likes" value={formatCompact(stats.hearts)} hint={formatCount(stats.hearts)} />
              <StatTile label="Videos" value={formatCount(stats.videos)} />
              <StatTile label="Videos liked" value={formatCompact(stats.diggs)} />
              <StatTile label="Friends" value={formatCompact(stats.friends)} />
              <StatTile label="Avg likes / video" value={view.averageLikesPerVideo === null ? MISSING_VALUE : formatCompact(Math.round(view.averageLikesPerVideo))} />
              <StatTile label="Engagement" value={view.engagement ? formatPercent(view.engagement.percent) : MISSING_VALUE} hint={view.engagement?.basis === 'followers-approximation' ? 'approximation' : undefined} />
              <StatTile label="Earnings / video" value={view.perVideo ? formatUsdRange(view.perVideo.total) : MISSING_VALUE} hint="estimate" />
            </dl>
          ) : (
            <p className="text-muted">TikTok shows no public numbers for this account.</p>
          )}
        </Card>
        <Card title="LiveLens rating">{view.rating ? <RatingBadge rating={view.rating} /> : <p className="text-muted">No rating without public numbers.</p>}</Card>
      </div>

      <Card title="LIVE" action={live?.tracked ? <span className="text-xs text-muted">monitored by LiveLens</span> : undefined}>
        {live ? (
          <div className="grid gap-4 md:grid-cols-2">
            <dl className="grid grid-cols-2 gap-2">
              <StatTile label="Lives, 30 days" value={formatCount(live.lives30d)} />
              <StatTile label="Hours live" value={live.hours30d.toFixed(1)} />
              <StatTile label="Diamonds" value={formatCompact(live.diamonds30d)} hint={formatCount(live.diamonds30d)} />
              <StatTile label="LIVE earnings" value={formatUsdRange(live.earnings30d)} hint="estimate, 30 days" />
            </dl>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-muted">Top gifters, 30 days</h3>
              {live.topGifters.length === 0 ? (
                <p className="text-sm text-muted">No gifts recorded yet.</p>
              ) : (
                <ol className="flex flex-col gap-1.5">
                  {live.topGifters.map((g, i) => (
                    <li key={`${g.handle}-${i}`} className="flex items-center gap-2 text-sm">
                      <span className="w-5 text-right text-muted">{i + 1}</span>
                      <Avatar src={g.avatarUrl} name={g.nickname ?? g.handle ?? '?'} size={24} />
                      <span className="min-w-0 flex-1 truncate">{g.nickname ?? g.handle}</span>
                      <span className="tabular-nums text-accent-2">💎 {formatCompact(g.diamonds)}</span>
                    </li>
                  ))}
                </ol>
              )}
              {live.lastLiveAt && <p className="mt-2 text-xs text-muted">Last live: {when(live.lastLiveAt)}</p>}
            </div>
          </div>
        ) : (
          <p className="text-sm text-muted">
            LiveLens has not watched this account&rsquo;s lives yet. <strong>Track this account</strong> to record its lives, gifts and top gifters.
          </p>
        )}
      </Card>

      <Card title="History">
        {view.history.length >= 2 ? <HistoryChart points={view.history} /> : <p className="text-sm text-muted">The chart fills in as LiveLens looks at this account on different days.</p>}
      </Card>

      <Card title="How these numbers are estimated">
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          <li>
            <strong className="text-white">Engagement</strong>: {view.engagement?.label ?? 'needs at least one video and a follower count'}.
          </li>
          <li>
            <strong className="text-white">Earnings per video</strong>: Creator Rewards at $0.40–$1.00 per 1,000 views (accounts with 10,000+ followers) plus a
            sponsored-post range of about $10–$25 per 1,000 followers, scaled by engagement. {view.perVideo ? `Views are estimated ${view.perVideo.basisLabel}.` : ''}
          </li>
          <li>
            <strong className="text-white">LIVE earnings</strong>: diamonds received × about $0.005 per diamond (shown as a ±20% range); viewers pay about
            $0.01–$0.015 per coin and creators receive roughly half. TikTok publishes no rate.
          </li>
          <li>
            <strong className="text-white">Rating</strong>: percentiles among the accounts LiveLens has seen, weighted: reach 30%, likes 10%, engagement 30%, LIVE
            diamonds 30% (missing parts are left out and their weight shared).
          </li>
        </ul>
      </Card>
    </div>
  );
}
