// The report's guide: rule-based advice, each section tied to one figure of the report (its evidence)
// so a reader can see why it was given. Sections come in a fixed order — reach, engagement, cadence,
// LIVE, gifting — and every area always has at least one section.
//
// The rules choose the advice (a section id) and the figures it quotes (values); they write no text.
// guide-text.ts writes each section in the reader's language, time zone and currency, so one stored
// report reads right for every reader. Thresholds and their sources are in thresholds.ts; engagement
// rules are in guide-engagement.ts, LIVE and gifting rules in guide-live.ts.
//
// A Bilibili report has no video figures (its room API gives followers only), so its guide has no engagement
// or cadence sections: reach, LIVE and gifting, each area at least one section.
import { writeEngagementSections } from '@/lib/reports/guide-engagement';
import { writeGiftingSections, writeLiveSections } from '@/lib/reports/guide-live';
import { HEALTHY_WEEKLY_GROWTH_PERCENT, RECOMMENDED_POSTS_PER_WEEK } from '@/lib/reports/thresholds';
import type { GuideEvidence, GuideFacts, GuideSection, GuideValue } from '@/lib/reports/types';
import { CREATOR_REWARDS_MIN_FOLLOWERS } from '@/lib/stats/constants';

// A projection further out than a year says more about arithmetic than about the account.
const MAX_PROJECTION_WEEKS = 52;

const POSTS = { min: RECOMMENDED_POSTS_PER_WEEK.min, max: RECOMMENDED_POSTS_PER_WEEK.max };

/** The next band's threshold, how far away it is, and whether it is also TikTok's Creator Rewards minimum. */
function nextBandValues(facts: GuideFacts): Record<string, GuideValue> {
  const next = facts.band.maxFollowers;
  if (next === null) return { next: null, gap: null, rewards: false };
  return { next, gap: next - facts.numbers.followers, rewards: facts.platform === 'tiktok' && next === CREATOR_REWARDS_MIN_FOLLOWERS };
}

function writePrivateSection(facts: GuideFacts): GuideSection {
  return {
    area: 'reach',
    id: 'private',
    values: { followers: facts.numbers.followers },
    evidence: { metric: 'followers', value: facts.numbers.followers, benchmark: facts.band.medians.followers },
  };
}

function writeBandReachSection(facts: GuideFacts): GuideSection {
  const { band, numbers } = facts;
  const median = band.medians.followers;
  const shared = { followers: numbers.followers, accounts: band.accounts, ...nextBandValues(facts) };
  if (median === null) {
    return { area: 'reach', id: 'bandFew', values: shared, evidence: { metric: 'followers', value: numbers.followers, benchmark: band.maxFollowers } };
  }
  return {
    area: 'reach',
    id: numbers.followers < median ? 'bandBelow' : 'bandAbove',
    values: { ...shared, median, percentile: band.percentiles.followers ?? 0 },
    evidence: { metric: 'followers', value: numbers.followers, benchmark: median },
  };
}

function writeGrowthSection(facts: GuideFacts): GuideSection | null {
  const { growth } = facts;
  if (growth === null) return null;
  const percent = growth.percentPerWeek;
  const evidence: GuideEvidence =
    percent === null
      ? { metric: 'followersPerWeek', value: growth.followersPerWeek, benchmark: null }
      : { metric: 'followerGrowthPercentPerWeek', value: percent, benchmark: HEALTHY_WEEKLY_GROWTH_PERCENT };
  const measured = { perWeek: Math.abs(growth.followersPerWeek), days: growth.spanDays, percent: percent === null ? null : Math.abs(percent) };
  if (growth.followersPerWeek < 0) return { area: 'reach', id: 'growthFalling', values: measured, evidence };

  const next = facts.band.maxFollowers;
  const weeksToNext = next !== null && growth.followersPerWeek > 0 ? Math.ceil((next - facts.numbers.followers) / growth.followersPerWeek) : null;
  const projects = weeksToNext !== null && weeksToNext <= MAX_PROJECTION_WEEKS;
  const values = { ...measured, healthy: HEALTHY_WEEKLY_GROWTH_PERCENT, projectionTarget: projects ? next : null, projectionWeeks: projects ? weeksToNext : null };
  const slow = percent !== null && percent < HEALTHY_WEEKLY_GROWTH_PERCENT;
  return { area: 'reach', id: slow ? 'growthSlow' : 'growthHealthy', values, evidence };
}

function writeReachSections(facts: GuideFacts): GuideSection[] {
  const sections = facts.account.privateAccount ? [writePrivateSection(facts)] : [];
  sections.push(writeBandReachSection(facts));
  const growth = writeGrowthSection(facts);
  if (growth) sections.push(growth);
  return sections;
}

function writeCadenceSection(facts: GuideFacts): GuideSection {
  const { cadence, numbers, band } = facts;
  const { min, max } = POSTS;
  if (numbers.videos === 0) {
    return { area: 'cadence', id: 'cadenceNoVideos', values: { ...POSTS }, evidence: { metric: 'videosPerWeek', value: 0, benchmark: min } };
  }
  const perWeek = cadence.videosPerWeek;
  if (perWeek === null) {
    return {
      area: 'cadence',
      id: 'cadenceUnmeasured',
      values: { ...POSTS, snapshots: cadence.snapshots, days: cadence.spanDays, videos: numbers.videos },
      evidence: { metric: 'snapshotSpanDays', value: cadence.spanDays, benchmark: 7 },
    };
  }
  const measured = { ...POSTS, perWeek, days: cadence.spanDays };
  if (perWeek === 0) {
    return { area: 'cadence', id: 'cadencePaused', values: measured, evidence: { metric: 'videosPerWeek', value: 0, benchmark: min } };
  }
  if (perWeek < min) {
    const more = Math.max(1, Math.ceil(min - perWeek));
    return { area: 'cadence', id: 'cadenceLow', values: { ...measured, more }, evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: min } };
  }
  if (perWeek <= max) {
    return { area: 'cadence', id: 'cadenceOnTarget', values: measured, evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: min } };
  }
  const weakEngagement = band.account.engagementPercent !== null && band.account.engagementPercent < band.typicalEngagementPercent;
  return {
    area: 'cadence',
    id: weakEngagement ? 'cadenceFewerStronger' : 'cadenceHigh',
    values: measured,
    evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: max },
  };
}

/** The guide for a report's figures, in area order; never empty, never missing an area of its platform. */
export function writeGuide(facts: GuideFacts): GuideSection[] {
  if (facts.platform === 'bilibili') return [...writeReachSections(facts), ...writeLiveSections(facts), ...writeGiftingSections(facts)];
  return [
    ...writeReachSections(facts),
    ...writeEngagementSections(facts),
    writeCadenceSection(facts),
    ...writeLiveSections(facts),
    ...writeGiftingSections(facts),
  ];
}
