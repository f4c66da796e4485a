import { useLocale, useTranslations } from 'next-intl';
import { Card, StatTile } from '@/components/ui/card';
import type { GuideSection, ReportData } from '@/lib/reports/types';
import { formatCompact, formatCount, formatPercent, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';

type T = ReturnType<typeof useTranslations<'reports'>>;

function areaTitle(t: T, area: GuideSection['area']): string {
  switch (area) {
    case 'reach':
      return t('areaReach');
    case 'engagement':
      return t('areaEngagement');
    case 'cadence':
      return t('areaCadence');
    case 'live':
      return t('areaLive');
    case 'gifting':
      return t('areaGifting');
  }
}

/** The follower band's name: the two with words are translated, the others ("10K–100K") read alike. */
function bandLabel(t: T, band: ReportData['band']): string {
  if (band.id === 'under-10k') return t('bandUnder10k');
  if (band.id === 'over-10m') return t('bandOver10m');
  return band.label;
}

const dateIn = (locale: string) => (iso: string) => new Date(iso).toLocaleDateString(locale === 'en' ? 'en-US' : locale, { dateStyle: 'long', timeZone: 'UTC' });
const num = (value: number | null, digits = 1) => (value === null ? MISSING_VALUE : value.toLocaleString('en-US', { maximumFractionDigits: digits }));

// The guide's titles, bodies and units are the report's generated text (lib/reports, English).
export function ReportView({ report }: { report: ReportData }) {
  const t = useTranslations('reports');
  const date = dateIn(useLocale());
  const { account, numbers, band, cadence, growth, live } = report;
  return (
    <article className="report flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm uppercase tracking-wide text-muted">{t('kicker')}</p>
        <h1 className="text-3xl font-bold">{account.nickname ?? `@${account.handle}`}</h1>
        <p className="text-muted">
          @{account.handle}
          {account.verified && ` · ${t('verified')}`}
          {account.region && ` · ${account.region}`} · {t('generated', { generated: date(report.generatedAt), snapshot: date(numbers.snapshotAt) })}
        </p>
      </header>

      <Card title={t('numbersTitle')}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <StatTile label={t('followers')} value={formatCompact(numbers.followers)} hint={formatCount(numbers.followers)} />
          <StatTile label={t('likes')} value={formatCompact(numbers.hearts)} />
          <StatTile label={t('videos')} value={formatCount(numbers.videos)} />
          <StatTile label={t('avgLikes')} value={numbers.averageLikesPerVideo === null ? MISSING_VALUE : formatCompact(Math.round(numbers.averageLikesPerVideo))} />
          <StatTile label={t('engagement')} value={numbers.engagement ? formatPercent(numbers.engagement.percent) : MISSING_VALUE} hint={numbers.engagement?.basis === 'followers-approximation' ? t('approximation') : undefined} />
          <StatTile label={t('earningsPerVideo')} value={numbers.perVideo ? formatUsdRange(numbers.perVideo.total) : MISSING_VALUE} hint={t('estimate')} />
          <StatTile label={t('liveDiamonds30d')} value={numbers.live ? formatCompact(numbers.live.diamonds30d) : MISSING_VALUE} />
          <StatTile label={t('liveEarnings30d')} value={numbers.live ? formatUsdRange(numbers.live.earnings30d) : MISSING_VALUE} hint={t('estimate')} />
        </dl>
      </Card>

      <Card title={t('compareTitle', { band: bandLabel(t, band) })}>
        <p className="mb-3 text-sm text-muted">{t('bandAccounts', { count: band.accounts, typical: formatPercent(band.typicalEngagementPercent) })}</p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-1.5 pr-2">{t('colMeasure')}</th>
                <th scope="col" className="py-1.5 pr-2 text-right">{t('colThisAccount')}</th>
                <th scope="col" className="py-1.5 pr-2 text-right">{t('colMedian')}</th>
                <th scope="col" className="py-1.5 text-right">{t('colPercentile')}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [t('followers'), band.account.followers, band.medians.followers, band.percentiles.followers, (v: number) => formatCompact(v)],
                  [t('engagement'), band.account.engagementPercent, band.medians.engagementPercent, band.percentiles.engagementPercent, (v: number) => formatPercent(v)],
                  [t('avgLikes'), band.account.averageLikesPerVideo, band.medians.averageLikesPerVideo, band.percentiles.averageLikesPerVideo, (v: number) => formatCompact(Math.round(v))],
                ] as const
              ).map(([label, own, median, percentile, format]) => (
                <tr key={label} className="border-t border-line">
                  <td className="py-1.5 pr-2">{label}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{own === null ? MISSING_VALUE : format(own)}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{median === null ? MISSING_VALUE : format(median)}</td>
                  <td className="py-1.5 text-right tabular-nums">{percentile === null ? MISSING_VALUE : t('percentile', { value: Math.round(percentile) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {band.medians.followers === null && <p className="mt-2 text-xs text-muted">{t('mediansLater')}</p>}
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('activityTitle')}>
          <dl className="grid grid-cols-2 gap-2">
            <StatTile label={t('videosPerWeek')} value={num(cadence.videosPerWeek)} hint={cadence.videosPerWeek === null ? t('needsWeek') : t('overDays', { days: Math.round(cadence.spanDays) })} />
            <StatTile label={t('followersPerWeek')} value={growth ? formatCompact(Math.round(growth.followersPerWeek)) : MISSING_VALUE} hint={growth?.percentPerWeek != null ? formatPercent(growth.percentPerWeek) : undefined} />
          </dl>
        </Card>
        <Card title={t('liveTitle')}>
          {live ? (
            <dl className="grid grid-cols-2 gap-2">
              <StatTile label={t('livesPerWeek')} value={num(live.livesPerWeek)} />
              <StatTile label={t('hoursPerWeek')} value={num(live.hoursPerWeek)} />
              <StatTile label={t('diamondsPerHour')} value={num(live.averageDiamondsPerHour, 0)} />
              <StatTile label={t('bestStart')} value={live.bestStartHourUtc === null ? MISSING_VALUE : `${String(live.bestStartHourUtc).padStart(2, '0')}:00`} />
            </dl>
          ) : (
            <p className="text-sm text-muted">{t('noLives')}</p>
          )}
        </Card>
      </div>

      <Card title={t('guideTitle')}>
        <ol className="flex flex-col gap-4">
          {report.guide.map((section, i) => (
            <li key={`${section.area}-${i}`} className="break-inside-avoid">
              <p className="text-xs uppercase tracking-wide text-accent-2">{areaTitle(t, section.area)}</p>
              <h3 className="text-lg font-semibold">{section.title}</h3>
              <p className="mt-1 whitespace-pre-line text-sm">{section.body}</p>
              <p className="mt-1 text-xs text-muted">
                {section.evidence.benchmark === null
                  ? t('basedOn', { metric: section.evidence.metric, value: num(section.evidence.value), unit: section.evidence.unit })
                  : t('basedOnBenchmark', { metric: section.evidence.metric, value: num(section.evidence.value), unit: section.evidence.unit, benchmark: num(section.evidence.benchmark) })}
              </p>
            </li>
          ))}
        </ol>
      </Card>
      <p className="text-xs text-muted">{t('disclaimer')}</p>
    </article>
  );
}
