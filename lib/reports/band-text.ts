// The comparison with the account's follower band, in the reader's words: the web report and the PDF
// show the same table and the same note. A band with enough stored accounts gets medians and
// percentiles; a smaller one still has accounts to compare with, so the table then gives their range
// and the account's place among them and the note says how many accounts medians need. Only a band
// holding this account alone (or a report made before version 3, which kept no places) gets no table.
import { getTranslations } from 'next-intl/server';
import type { Display } from '@/lib/i18n/display-settings';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { MIN_BAND_ACCOUNTS } from '@/lib/reports/generate';
import { metricLabel, type ReportReader } from '@/lib/reports/guide-text';
import type { BandMetric, BandStanding, ReportBand, ReportPlatform } from '@/lib/reports/types';
import { formatCompact, formatCount, formatPercent, MISSING_VALUE } from '@/lib/stats/format';

/** The band comparison as shown: a note (null when the table says it all) and a table (null when there is nothing to tabulate). */
export type BandComparison = { note: string | null; table: { columns: string[]; rows: string[][] } | null };

/** How counts are written: compact on the page ("25K"), in full in the PDF ("25,000"). */
export type CountStyle = 'compact' | 'full';

// A Bilibili band is compared on followers only: its room API gives no video figures.
const METRICS: Readonly<Record<ReportPlatform, readonly BandMetric[]>> = { tiktok: ['followers', 'engagementPercent', 'averageLikesPerVideo'], bilibili: ['followers'] };

/** The band comparison for the reader of `display` (server components; the PDF writes with its own translator). */
export async function bandComparisonText(band: ReportBand, display: Display, platform: ReportPlatform = 'tiktok'): Promise<BandComparison> {
  const t = await getTranslations({ locale: isLocale(display.locale) ? display.locale : DEFAULT_LOCALE, namespace: 'reports' });
  return writeBandComparison(band, { t, display }, 'compact', platform);
}

export function writeBandComparison(band: ReportBand, { t, display }: ReportReader, style: CountStyle, platform: ReportPlatform = 'tiktok'): BandComparison {
  const { locale } = display;
  const metrics = METRICS[platform];
  // Counts of people and likes are whole numbers wherever they are shown (a median can fall between two).
  const count = (value: number) => (style === 'compact' ? formatCompact(Math.round(value), locale) : formatCount(Math.round(value), locale));
  const format = (metric: BandMetric, value: number | null) => (value === null ? MISSING_VALUE : metric === 'engagementPercent' ? formatPercent(value, locale) : count(value));
  const label = (metric: BandMetric) => (metric === 'followers' ? t('followers') : metric === 'engagementPercent' ? t('engagement') : metricLabel(t, 'averageLikesPerVideo'));
  const needed = MIN_BAND_ACCOUNTS;

  if (band.medians.followers !== null) {
    const percentile = (value: number | null) => (value === null ? MISSING_VALUE : t('percentile', { value: Math.round(value) }));
    return {
      note: null,
      table: {
        columns: [t('colMeasure'), t('colThisAccount'), t('colMedian'), t('colPercentile')],
        rows: metrics.map((metric) => [label(metric), format(metric, band.account[metric]), format(metric, band.medians[metric]), percentile(band.percentiles[metric])]),
      },
    };
  }
  if (band.accounts < 2) return { note: t('bandAlone', { needed }), table: null };
  const standings = band.standings;
  if (standings === null) return { note: t('bandFewOld', { needed, count: band.accounts }), table: null };

  const range = (metric: BandMetric, standing: BandStanding | null) => {
    if (standing === null) return MISSING_VALUE;
    const [low, high] = [format(metric, standing.low), format(metric, standing.high)];
    return low === high ? low : t('band.range', { min: low, max: high });
  };
  const place = (standing: BandStanding | null) => (standing === null ? MISSING_VALUE : t('rank', { rank: standing.rank, of: standing.of }));
  return {
    note: t('bandFewRanked', { needed, count: band.accounts }),
    table: {
      columns: [t('colMeasure'), t('colThisAccount'), t('colRange'), t('colRank')],
      rows: metrics.map((metric) => [label(metric), format(metric, band.account[metric]), range(metric, standings[metric]), place(standings[metric])]),
    },
  };
}
