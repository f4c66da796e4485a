import { Card, StatTile } from '@/components/ui/card';
import type { GuideSection, ReportData } from '@/lib/reports/types';
import { formatCompact, formatCount, formatPercent, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';

const AREA_TITLES: Record<GuideSection['area'], string> = {
  reach: 'Reach',
  engagement: 'Engagement',
  cadence: 'Posting cadence',
  live: 'LIVE schedule',
  gifting: 'Gifting',
};

const date = (iso: string) => new Date(iso).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const num = (value: number | null, digits = 1) => (value === null ? MISSING_VALUE : value.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function ReportView({ report }: { report: ReportData }) {
  const { account, numbers, band, cadence, growth, live } = report;
  return (
    <article className="report flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm uppercase tracking-wide text-muted">LiveLens growth report</p>
        <h1 className="text-3xl font-bold">{account.nickname ?? `@${account.handle}`}</h1>
        <p className="text-muted">
          @{account.handle}
          {account.verified && ' · verified'}
          {account.region && ` · ${account.region}`} · generated {date(report.generatedAt)} from numbers of {date(numbers.snapshotAt)}
        </p>
      </header>

      <Card title="The numbers">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <StatTile label="Followers" value={formatCompact(numbers.followers)} hint={formatCount(numbers.followers)} />
          <StatTile label="Likes" value={formatCompact(numbers.hearts)} />
          <StatTile label="Videos" value={formatCount(numbers.videos)} />
          <StatTile label="Avg likes / video" value={numbers.averageLikesPerVideo === null ? MISSING_VALUE : formatCompact(Math.round(numbers.averageLikesPerVideo))} />
          <StatTile label="Engagement" value={numbers.engagement ? formatPercent(numbers.engagement.percent) : MISSING_VALUE} hint={numbers.engagement?.basis === 'followers-approximation' ? 'approximation' : undefined} />
          <StatTile label="Earnings / video" value={numbers.perVideo ? formatUsdRange(numbers.perVideo.total) : MISSING_VALUE} hint="estimate" />
          <StatTile label="LIVE diamonds, 30 d" value={numbers.live ? formatCompact(numbers.live.diamonds30d) : MISSING_VALUE} />
          <StatTile label="LIVE earnings, 30 d" value={numbers.live ? formatUsdRange(numbers.live.earnings30d) : MISSING_VALUE} hint="estimate" />
        </dl>
      </Card>

      <Card title={`Compared with accounts of ${band.label} followers`}>
        <p className="mb-3 text-sm text-muted">
          {band.accounts} stored account{band.accounts === 1 ? '' : 's'} in this band. Typical engagement for the band: {formatPercent(band.typicalEngagementPercent)}.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-1.5 pr-2">Measure</th>
                <th scope="col" className="py-1.5 pr-2 text-right">This account</th>
                <th scope="col" className="py-1.5 pr-2 text-right">Band median</th>
                <th scope="col" className="py-1.5 text-right">Percentile in band</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Followers', band.account.followers, band.medians.followers, band.percentiles.followers, (v: number) => formatCompact(v)],
                  ['Engagement', band.account.engagementPercent, band.medians.engagementPercent, band.percentiles.engagementPercent, (v: number) => formatPercent(v)],
                  ['Avg likes / video', band.account.averageLikesPerVideo, band.medians.averageLikesPerVideo, band.percentiles.averageLikesPerVideo, (v: number) => formatCompact(Math.round(v))],
                ] as const
              ).map(([label, own, median, percentile, format]) => (
                <tr key={label} className="border-t border-line">
                  <td className="py-1.5 pr-2">{label}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{own === null ? MISSING_VALUE : format(own)}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{median === null ? MISSING_VALUE : format(median)}</td>
                  <td className="py-1.5 text-right tabular-nums">{percentile === null ? MISSING_VALUE : `${Math.round(percentile)}th`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {band.medians.followers === null && <p className="mt-2 text-xs text-muted">Medians and percentiles appear once enough accounts of this size are stored.</p>}
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Activity">
          <dl className="grid grid-cols-2 gap-2">
            <StatTile label="Videos / week" value={num(cadence.videosPerWeek)} hint={cadence.videosPerWeek === null ? 'needs a week of history' : `over ${Math.round(cadence.spanDays)} days`} />
            <StatTile label="Followers / week" value={growth ? formatCompact(Math.round(growth.followersPerWeek)) : MISSING_VALUE} hint={growth?.percentPerWeek != null ? formatPercent(growth.percentPerWeek) : undefined} />
          </dl>
        </Card>
        <Card title="LIVE">
          {live ? (
            <dl className="grid grid-cols-2 gap-2">
              <StatTile label="Lives / week" value={num(live.livesPerWeek)} />
              <StatTile label="Hours / week" value={num(live.hoursPerWeek)} />
              <StatTile label="Diamonds / hour" value={num(live.averageDiamondsPerHour, 0)} />
              <StatTile label="Best start (UTC)" value={live.bestStartHourUtc === null ? MISSING_VALUE : `${String(live.bestStartHourUtc).padStart(2, '0')}:00`} />
            </dl>
          ) : (
            <p className="text-sm text-muted">No lives recorded in the 30 days before this report.</p>
          )}
        </Card>
      </div>

      <Card title="Your growth guide">
        <ol className="flex flex-col gap-4">
          {report.guide.map((section, i) => (
            <li key={`${section.area}-${i}`} className="break-inside-avoid">
              <p className="text-xs uppercase tracking-wide text-accent-2">{AREA_TITLES[section.area]}</p>
              <h3 className="text-lg font-semibold">{section.title}</h3>
              <p className="mt-1 whitespace-pre-line text-sm">{section.body}</p>
              <p className="mt-1 text-xs text-muted">
                Based on: {section.evidence.metric} = {num(section.evidence.value)} {section.evidence.unit}
                {section.evidence.benchmark !== null && ` (benchmark ${num(section.evidence.benchmark)} ${section.evidence.unit})`}
              </p>
            </li>
          ))}
        </ol>
      </Card>
      <p className="text-xs text-muted">Estimates from public statistics, not figures from TikTok. LiveLens is not affiliated with TikTok.</p>
    </article>
  );
}
