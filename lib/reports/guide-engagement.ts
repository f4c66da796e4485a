// The guide's engagement sections (see guide.ts for the rest and the ordering). Engagement is compared
// on one basis throughout: average likes per video as a share of followers, the measure the band
// benchmarks in TYPICAL_ENGAGEMENT_PERCENT use, even when the account's headline figure uses views.
import { HIGH_ENGAGEMENT_RATIO, LOW_ENGAGEMENT_RATIO, RECOMMENDED_POSTS_PER_WEEK } from '@/lib/reports/thresholds';
import type { GuideEvidence, GuideFacts, GuideSection } from '@/lib/reports/types';
import { formatDecimal } from '@/lib/reports/wording';
import { formatCount, formatPercent } from '@/lib/stats/format';

const HOOK_ADVICE =
  'Open every video with the payoff or a question in the first two seconds, put a short text hook on screen, ' +
  'cut anything that does not move the video forward, end with a question viewers can answer in a word, ' +
  'and reply to comments in the first hour (a video reply to the best one counts twice: it is a new post too).';

function writeEngagementLevelSection(facts: GuideFacts, engagement: number): GuideSection {
  const { band, numbers } = facts;
  const typical = band.typicalEngagementPercent;
  const ratio = engagement / typical;
  const measured =
    `Your videos average ${formatCount(numbers.averageLikesPerVideo ?? 0)} likes, ${formatPercent(engagement)} of your followers ` +
    '(likes per video as a share of followers, the measure the benchmarks use)';
  const typicalText = `the typical ${formatPercent(typical)} for accounts with ${band.label} followers`;
  const evidence: GuideEvidence = { metric: 'engagementPercent', value: engagement, benchmark: typical, unit: '%' };
  if (ratio < LOW_ENGAGEMENT_RATIO) {
    return {
      area: 'engagement',
      title: 'Lift engagement first: hooks and replies',
      body:
        `${measured}, less than half ${typicalText}. Low engagement tells TikTok to show your videos to fewer people, ` +
        `so this is the first thing to fix. ${HOOK_ADVICE}`,
      evidence,
    };
  }
  if (ratio < 1) {
    return {
      area: 'engagement',
      title: 'Engagement is a little below typical',
      body: `${measured}, below ${typicalText}. Small changes move this number: ${HOOK_ADVICE.charAt(0).toLowerCase()}${HOOK_ADVICE.slice(1)}`,
      evidence,
    };
  }
  if (ratio < HIGH_ENGAGEMENT_RATIO) {
    return {
      area: 'engagement',
      title: 'Engagement is on par with your band',
      body:
        `${measured}, in line with ${typicalText}. To stand out, pin a comment that invites replies, answer the best questions ` +
        'with video replies, and turn your strongest topics into numbered series so viewers come back for the next part.',
      evidence,
    };
  }
  const viral =
    engagement > 100
      ? ' Above 100% means some videos drew far more likes than you have followers: they reached well beyond your audience, so study what they have in common.'
      : '';
  return {
    area: 'engagement',
    title: 'Strong engagement: put it to work',
    body:
      `${measured}, ${formatDecimal(ratio)}× ${typicalText}. Your viewers respond; the limit is how many of them see you. ` +
      `Post more often and go LIVE, where an engaged audience turns into gifts.${viral}`,
    evidence,
  };
}

function writeEngagementBandSection(facts: GuideFacts, engagement: number): GuideSection | null {
  const { band, numbers } = facts;
  const median = band.medians.engagementPercent;
  if (median === null) return null;
  const likesMedian = band.medians.averageLikesPerVideo;
  const likesText =
    likesMedian === null ? '' : ` Their median video gets ${formatCount(likesMedian)} likes; yours get ${formatCount(numbers.averageLikesPerVideo ?? 0)}.`;
  const advice =
    engagement < median
      ? ' The accounts above the median are not always bigger, they are the ones viewers answer: reply to every comment in the first hour and ask one clear question per video.'
      : ' Keep the habits that got you here, and watch this figure as you grow: engagement usually falls as an audience widens, so a steady figure is a good result.';
  return {
    area: 'engagement',
    title: 'Engagement against your band',
    body:
      `Among the accounts LiveLens stores in the ${band.label} band, the median engagement is ${formatPercent(median)}; yours is ` +
      `${formatPercent(engagement)}, higher than ${formatDecimal(band.percentiles.engagementPercent ?? 0)}% of them.${likesText}${advice}`,
    evidence: { metric: 'engagementPercent', value: engagement, benchmark: median, unit: '%' },
  };
}

/** Engagement advice: against the typical value for the band, then against the band's stored accounts. */
export function writeEngagementSections(facts: GuideFacts): GuideSection[] {
  const { band, numbers } = facts;
  if (numbers.videos === 0) {
    return [
      {
        area: 'engagement',
        title: 'Post your first videos',
        body:
          'Your profile shows no public videos, so there is no engagement to measure yet and nothing for the For You feed to recommend. ' +
          `Post at least ${RECOMMENDED_POSTS_PER_WEEK.min} videos in your first week, each with a clear hook in the first two seconds; ` +
          'the engagement part of this report starts working from your first video.',
        evidence: { metric: 'videos', value: 0, benchmark: RECOMMENDED_POSTS_PER_WEEK.min, unit: 'videos' },
      },
    ];
  }
  const engagement = band.account.engagementPercent;
  if (engagement === null) {
    return [
      {
        area: 'engagement',
        title: 'Engagement needs followers to measure',
        body:
          `Your videos average ${formatCount(numbers.averageLikesPerVideo ?? 0)} likes each, but with no followers yet LiveLens cannot ` +
          `measure engagement (likes per video as a share of followers). ${HOOK_ADVICE}`,
        evidence: { metric: 'averageLikesPerVideo', value: numbers.averageLikesPerVideo ?? 0, benchmark: band.medians.averageLikesPerVideo, unit: 'likes/video' },
      },
    ];
  }
  const sections = [writeEngagementLevelSection(facts, engagement)];
  const versusBand = writeEngagementBandSection(facts, engagement);
  if (versusBand) sections.push(versusBand);
  return sections;
}
