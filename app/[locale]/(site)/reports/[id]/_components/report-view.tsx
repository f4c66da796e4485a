import { useTranslations } from 'next-intl';
import { MoneyNote } from '@/components/site/money-note';
import { Card, StatTile } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { Display } from '@/lib/i18n/display-settings';
import type { BandComparison } from '@/lib/reports/band-text';
import { bandName, bestStartText, type GuideText } from '@/lib/reports/guide-text';
import type { ReportData } from '@/lib/reports/types';
import { formatDecimal } from '@/lib/reports/wording';
import { CREATOR_REWARDS_MIN_FOLLOWERS } from '@/lib/stats/constants';
import { formatCompact, formatCount, formatMoneyRange, formatPercent, MISSING_VALUE } from '@/lib/stats/format';

const LIVE_WINDOW_MS = 30 * 86_400_000;

// The report in the reader's language, time zone and currency: `display` is the reader's (readerFormat),
// `guide` the guide and `comparison` the band table written for them (guide-text.ts, band-text.ts), the
// same words the PDF prints. A Bilibili report (issue 20) shows its followers and LIVE in gold coins, Super
// Chats and guards; it has no video figures, so their tiles are left out rather than shown empty.
export function ReportView({ report, guide, comparison, display }: { report: ReportData; guide: GuideText[]; comparison: BandComparison; display: Display }) {
  const t = useTranslations('reports');
  const { locale, money } = display;
  const { account, numbers, band, cadence, growth } = report;
  const perVideo = numbers.perVideo;
  const decimal = (value: number | null) => (value === null ? MISSING_VALUE : formatDecimal(value, locale));
  const compareTitle = t('compareTitle', { band: bandName(t, locale, band) });
  if (report.platform === 'bilibili') return <BilibiliReportView report={report} guide={guide} comparison={comparison} display={display} />;
  return (
    <article className="report flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm uppercase tracking-wide text-muted">{t('kicker')}</p>
        <h1 className="text-3xl font-bold">{account.nickname ?? `@${account.handle}`}</h1>
        <p className="text-muted">
          @{account.handle}
          {account.verified && ` · ${t('verified')}`}
          {account.region && ` · ${account.region}`} · {t('generated', { generated: display.date(report.generatedAt, 'dateLong'), snapshot: display.date(numbers.snapshotAt, 'dateLong') })}
        </p>
      </header>

      <Card title={t('numbersTitle')}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <StatTile label={t('followers')} value={formatCompact(numbers.followers, locale)} hint={formatCount(numbers.followers, locale)} />
          <StatTile label={t('likes')} value={formatCompact(numbers.hearts, locale)} />
          <StatTile label={t('videos')} value={formatCount(numbers.videos, locale)} />
          <StatTile label={t('avgLikes')} value={numbers.averageLikesPerVideo === null ? MISSING_VALUE : formatCompact(Math.round(numbers.averageLikesPerVideo), locale)} />
          <StatTile label={t('engagement')} value={numbers.engagement ? formatPercent(numbers.engagement.percent, locale) : MISSING_VALUE} hint={numbers.engagement?.basis === 'followers-approximation' ? t('approximation') : undefined} />
          {/* Creator Rewards and a sponsor's price apart: their sum read as what every video earns (issue 19). */}
          <StatTile
            label={t('creatorRewardsPerVideo')}
            value={perVideo?.creatorRewardsEligible ? formatMoneyRange(perVideo.creatorRewards, money) : MISSING_VALUE}
            hint={perVideo && !perVideo.creatorRewardsEligible ? t('notEligible', { min: formatCompact(CREATOR_REWARDS_MIN_FOLLOWERS, locale) }) : t('estimate')}
          />
          <StatTile label={t('sponsoredPrice')} value={perVideo && perVideo.sponsoredPost.high > 0 ? formatMoneyRange(perVideo.sponsoredPost, money) : MISSING_VALUE} hint={t('perBookedVideo')} />
          <StatTile label={t('liveDiamonds30d')} value={numbers.live ? formatCompact(numbers.live.diamonds30d, locale) : MISSING_VALUE} />
          <StatTile label={t('liveEarnings30d')} value={numbers.live ? formatMoneyRange(numbers.live.earnings30d, money) : MISSING_VALUE} hint={t('estimate')} />
        </dl>
        <MoneyNote className="mt-2 text-xs text-muted" />
      </Card>

      <BandCard title={compareTitle} intro={t('bandAccounts', { count: band.accounts, typical: formatPercent(band.typicalEngagementPercent, locale) })} comparison={comparison} />

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('activityTitle')}>
          <dl className="grid grid-cols-2 gap-2">
            <StatTile label={t('videosPerWeek')} value={decimal(cadence.videosPerWeek)} hint={cadence.videosPerWeek === null ? t('needsWeek') : t('overDays', { days: Math.round(cadence.spanDays) })} />
            <StatTile label={t('followersPerWeek')} value={growth ? formatCompact(Math.round(growth.followersPerWeek), locale) : MISSING_VALUE} hint={growth?.percentPerWeek != null ? formatPercent(growth.percentPerWeek, locale) : undefined} />
          </dl>
        </Card>
        <LiveCard report={report} display={display} perHourLabel={t('diamondsPerHour')} />
      </div>

      <GuideCard guide={guide} />
      <p className="text-xs text-muted">{t('disclaimer')}</p>
    </article>
  );
}

function BandCard({ title, intro, comparison }: { title: string; intro: string; comparison: BandComparison }) {
  return (
    <Card title={title}>
      <p className="mb-3 text-sm text-muted">{intro}</p>
      {comparison.table && (
        <ScrollRegion label={title}>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                {comparison.table.columns.map((column, i) => (
                  <th key={column} scope="col" className={`py-1.5 pr-2 ${i > 0 ? 'text-right' : ''}`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.table.rows.map(([label, ...cells]) => (
                <tr key={label} className="border-t border-line">
                  <td className="py-1.5 pr-2">{label}</td>
                  {cells.map((cell, i) => (
                    <td key={i} className="py-1.5 pr-2 text-right tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {comparison.note && <p className="mt-2 text-xs text-muted">{comparison.note}</p>}
    </Card>
  );
}

function GuideCard({ guide }: { guide: GuideText[] }) {
  const t = useTranslations('reports');
  return (
    <Card title={t('guideTitle')}>
      <ol className="flex flex-col gap-4">
        {guide.map((section, i) => (
          <li key={`${section.area}-${i}`} className="break-inside-avoid">
            <p className="text-xs uppercase tracking-wide text-accent-2">{section.areaTitle}</p>
            <h3 className="text-lg font-semibold">{section.title}</h3>
            <p className="mt-1 whitespace-pre-line text-sm">{section.body}</p>
            <p className="mt-1 text-xs text-muted">{section.evidence}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

function BilibiliReportView({ report, guide, comparison, display }: { report: ReportData; guide: GuideText[]; comparison: BandComparison; display: Display }) {
  const t = useTranslations('reports');
  const { locale, money } = display;
  const { account, numbers, band, cadence, growth } = report;
  const count = (value: number | null | undefined) => (value === null || value === undefined ? MISSING_VALUE : formatCount(value, locale));
  const compareTitle = t('compareTitle', { band: bandName(t, locale, band) });
  return (
    <article className="report flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm uppercase tracking-wide text-muted">
          {t('kicker')} · {t('bilibili.platform')}
        </p>
        <h1 className="text-3xl font-bold wrap-anywhere">{account.nickname ?? t('bilibili.uid', { uid: account.handle })}</h1>
        <p className="text-muted">
          {t('bilibili.uid', { uid: account.handle })} · {t('generated', { generated: display.date(report.generatedAt, 'dateLong'), snapshot: display.date(numbers.snapshotAt, 'dateLong') })}
        </p>
      </header>

      <Card title={t('numbersTitle')}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <StatTile label={t('followers')} value={formatCompact(numbers.followers, locale)} hint={formatCount(numbers.followers, locale)} />
          <StatTile label={t('bilibili.gold30d')} value={numbers.live ? formatCompact(numbers.live.diamonds30d, locale) : MISSING_VALUE} hint={numbers.live ? formatCount(numbers.live.diamonds30d, locale) : undefined} />
          <StatTile label={t('liveEarnings30d')} value={numbers.live ? formatMoneyRange(numbers.live.earnings30d, money) : MISSING_VALUE} hint={t('estimate')} />
          <StatTile label={t('bilibili.superChats30d')} value={count(numbers.live?.superChats30d)} />
          <StatTile label={t('bilibili.guards30d')} value={count(numbers.live?.guards30d)} />
        </dl>
        <MoneyNote className="mt-2 text-xs text-muted" />
      </Card>

      <BandCard title={compareTitle} intro={t('bilibili.bandAccounts', { count: band.accounts })} comparison={comparison} />

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('activityTitle')}>
          <dl className="grid grid-cols-2 gap-2">
            <StatTile label={t('followersPerWeek')} value={growth ? formatCompact(Math.round(growth.followersPerWeek), locale) : MISSING_VALUE} hint={growth?.percentPerWeek != null ? formatPercent(growth.percentPerWeek, locale) : t('needsWeek')} />
            <StatTile label={t('bilibili.followerSamples')} value={formatCount(cadence.snapshots, locale)} hint={t('overDays', { days: Math.round(cadence.spanDays) })} />
          </dl>
        </Card>
        <LiveCard report={report} display={display} perHourLabel={t('bilibili.goldPerHour')} />
      </div>

      <GuideCard guide={guide} />
      <p className="text-xs text-muted">{t('bilibili.disclaimer')}</p>
    </article>
  );
}

/** The LIVE habits card; `perHourLabel` names the platform's value unit. */
function LiveCard({ report, display, perHourLabel }: { report: ReportData; display: Display; perHourLabel: string }) {
  const t = useTranslations('reports');
  const { live } = report;
  const { locale } = display;
  const decimal = (value: number | null) => (value === null ? MISSING_VALUE : formatDecimal(value, locale));
  const liveEnd = new Date(report.generatedAt);
  return (
    <Card title={t('liveTitle')}>
      {live ? (
        <>
          <dl className="grid grid-cols-2 gap-2">
            <StatTile label={t('livesPerWeek')} value={decimal(live.livesPerWeek)} />
            <StatTile label={t('hoursPerWeek')} value={decimal(live.hoursPerWeek)} />
            <StatTile label={perHourLabel} value={live.averageDiamondsPerHour === null ? MISSING_VALUE : formatCount(live.averageDiamondsPerHour, locale)} />
            <StatTile label={t('bestStart')} value={bestStartText(report, display)} hint={display.zoneLabel} />
          </dl>
          <p className="mt-2 text-xs text-muted">{t('livePeriod', { from: display.date(new Date(liveEnd.getTime() - LIVE_WINDOW_MS), 'dateLong'), to: display.date(liveEnd, 'dateLong') })}</p>
        </>
      ) : (
        <p className="text-sm text-muted">{t('noLives')}</p>
      )}
    </Card>
  );
}
