// The guide's engagement sections (see guide.ts for the rest and the ordering). Engagement is compared
// on one basis throughout: average likes per video as a share of followers, the measure the band
// benchmarks in TYPICAL_ENGAGEMENT_PERCENT use, even when the account's headline figure uses views.
import { HIGH_ENGAGEMENT_RATIO, LOW_ENGAGEMENT_RATIO, RECOMMENDED_POSTS_PER_WEEK } from '@/lib/reports/thresholds';
import type { GuideFacts, GuideSection } from '@/lib/reports/types';

function writeEngagementLevelSection(facts: GuideFacts, engagement: number): GuideSection {
  const { band, numbers } = facts;
  const typical = band.typicalEngagementPercent;
  const ratio = engagement / typical;
  const id = ratio < LOW_ENGAGEMENT_RATIO ? 'engagementLow' : ratio < 1 ? 'engagementBelow' : ratio < HIGH_ENGAGEMENT_RATIO ? 'engagementOnPar' : 'engagementStrong';
  return {
    area: 'engagement',
    id,
    // Above 100%, some videos drew more likes than the account has followers: the advice says so.
    values: { likes: numbers.averageLikesPerVideo ?? 0, engagement, typical, ratio, viral: engagement > 100 },
    evidence: { metric: 'engagementPercent', value: engagement, benchmark: typical },
  };
}

function writeEngagementBandSection(facts: GuideFacts, engagement: number): GuideSection | null {
  const { band, numbers } = facts;
  const median = band.medians.engagementPercent;
  if (median === null) return null;
  return {
    area: 'engagement',
    id: 'engagementBand',
    values: {
      median,
      engagement,
      percentile: band.percentiles.engagementPercent ?? 0,
      likesMedian: band.medians.averageLikesPerVideo,
      likes: numbers.averageLikesPerVideo ?? 0,
      above: engagement >= median,
    },
    evidence: { metric: 'engagementPercent', value: engagement, benchmark: median },
  };
}

/** Engagement advice: against the typical value for the band, then against the band's stored accounts. */
export function writeEngagementSections(facts: GuideFacts): GuideSection[] {
  const { band, numbers } = facts;
  if (numbers.videos === 0) {
    const posts = RECOMMENDED_POSTS_PER_WEEK.min;
    return [{ area: 'engagement', id: 'engagementNoVideos', values: { posts }, evidence: { metric: 'videos', value: 0, benchmark: posts } }];
  }
  const engagement = band.account.engagementPercent;
  if (engagement === null) {
    const likes = numbers.averageLikesPerVideo ?? 0;
    return [
      {
        area: 'engagement',
        id: 'engagementNoFollowers',
        values: { likes },
        evidence: { metric: 'averageLikesPerVideo', value: likes, benchmark: band.medians.averageLikesPerVideo },
      },
    ];
  }
  const sections = [writeEngagementLevelSection(facts, engagement)];
  const versusBand = writeEngagementBandSection(facts, engagement);
  if (versusBand) sections.push(versusBand);
  return sections;
}
