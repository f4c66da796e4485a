// Number wording for the guide's sentences. Fixed to en-US (like lib/stats/format.ts) so a report
// reads the same whichever server generated it.
import type { EvidenceMetric, GuideEvidence } from '@/lib/reports/types';
import { formatCount } from '@/lib/stats/format';

const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "1.4", "12", "1,234.5": at most one decimal, none when it would be ".0". */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** "1 video", "2 videos", "1.5 videos". */
export function formatQuantity(value: number, singular: string, pluralForm = `${singular}s`): string {
  const shown = formatDecimal(value);
  // Decided on the shown figure, so 1.02 (shown "1") reads "1 video", not "1 videos".
  return `${shown} ${shown === '1' ? singular : pluralForm}`;
}

/** "20:00 UTC". */
export function formatHourUtc(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00 UTC`;
}

/** "about 45 days" style span; whole days, at least 1. */
export function formatDays(days: number): string {
  const whole = Math.max(1, Math.round(days));
  return `${formatCount(whole)} ${whole === 1 ? 'day' : 'days'}`;
}

const EVIDENCE_LABELS: Readonly<Record<EvidenceMetric, string>> = Object.freeze({
  followers: 'Followers',
  followersPerWeek: 'Followers gained per week',
  followerGrowthPercentPerWeek: 'Follower growth per week',
  engagementPercent: 'Engagement',
  averageLikesPerVideo: 'Average likes per video',
  videos: 'Videos',
  videosPerWeek: 'Videos per week',
  snapshotSpanDays: 'Days of history',
  livesPerWeek: 'LIVEs per week',
  averageHoursPerLive: 'Average hours per LIVE',
  distinctStartHours: 'Different LIVE start hours',
  diamondsPerLiveAtBestHour: 'Diamonds per LIVE at the best start hour',
  diamonds30d: 'Diamonds in 30 days',
  diamondsPerHour: 'Diamonds per LIVE hour',
  topGifterSharePercent: "Top gifter's share of diamonds",
});

function formatWithUnit(value: number, unit: string): string {
  return unit.startsWith('%') ? `${formatDecimal(value)}${unit}` : `${formatDecimal(value)} ${unit}`;
}

/** One line for a guide section's evidence: "Videos per week: 1.4 videos/week (benchmark 3 videos/week)". */
export function formatEvidence(evidence: GuideEvidence): string {
  const measured = `${EVIDENCE_LABELS[evidence.metric]}: ${formatWithUnit(evidence.value, evidence.unit)}`;
  return evidence.benchmark === null ? measured : `${measured} (benchmark ${formatWithUnit(evidence.benchmark, evidence.unit)})`;
}
