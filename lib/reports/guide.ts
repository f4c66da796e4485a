// The report's written guide: rule-based advice in plain English, each section tied to one figure of
// the report (its evidence) so a reader can see why it was given. Sections come in a fixed order —
// reach, engagement, cadence, LIVE, gifting — and every area always has at least one section.
// Thresholds and their sources are in thresholds.ts; engagement rules are in guide-engagement.ts,
// LIVE and gifting rules in guide-live.ts.
import { writeEngagementSections } from '@/lib/reports/guide-engagement';
import { writeGiftingSections, writeLiveSections } from '@/lib/reports/guide-live';
import { HEALTHY_WEEKLY_GROWTH_PERCENT, RECOMMENDED_POSTS_PER_WEEK } from '@/lib/reports/thresholds';
import type { GuideEvidence, GuideFacts, GuideSection } from '@/lib/reports/types';
import { formatDays, formatDecimal, formatQuantity } from '@/lib/reports/wording';
import { CREATOR_REWARDS_MIN_FOLLOWERS, FOLLOWER_BANDS } from '@/lib/stats/constants';
import { formatCount, formatPercent } from '@/lib/stats/format';

// A projection further out than a year says more about arithmetic than about the account.
const MAX_PROJECTION_WEEKS = 52;

const POSTS_RANGE = `${RECOMMENDED_POSTS_PER_WEEK.min}–${RECOMMENDED_POSTS_PER_WEEK.max}`;

function describeNextBand(facts: GuideFacts): string {
  const next = facts.band.maxFollowers;
  if (next === null) return 'You are in the top band LiveLens measures.';
  const label = FOLLOWER_BANDS.find((band) => band.minFollowers === next)?.label ?? formatCount(next);
  const gap = next - facts.numbers.followers;
  const rewards = next === CREATOR_REWARDS_MIN_FOLLOWERS ? ", which is also the minimum for TikTok's Creator Rewards Program" : '';
  return `The next band (${label}) starts at ${formatCount(next)} followers, ${formatCount(gap)} away${rewards}.`;
}

function writePrivateSection(facts: GuideFacts): GuideSection {
  return {
    area: 'reach',
    title: 'Make your account public',
    body:
      'Your account is private, so your videos are shown only to followers you approve and never reach the For You feed, ' +
      'where most new followers find an account. Switching to public is the biggest reach change available to you; ' +
      `while it stays private, expect the ${formatCount(facts.numbers.followers)} followers you have to grow slowly whatever else you do.`,
    evidence: { metric: 'followers', value: facts.numbers.followers, benchmark: facts.band.medians.followers, unit: 'followers' },
  };
}

function writeBandReachSection(facts: GuideFacts): GuideSection {
  const { band, numbers } = facts;
  const followers = formatCount(numbers.followers);
  const median = band.medians.followers;
  if (median === null) {
    return {
      area: 'reach',
      title: `Your place in the ${band.label} band`,
      body:
        `You have ${followers} followers, which puts you in the ${band.label} band. LiveLens stores only ` +
        `${formatQuantity(band.accounts, 'account')} in this band, too few for a fair comparison, so this report measures you ` +
        `against rules of thumb instead. ${describeNextBand(facts)}`,
      evidence: { metric: 'followers', value: numbers.followers, benchmark: band.maxFollowers, unit: 'followers' },
    };
  }
  const share = `more followers than ${formatDecimal(band.percentiles.followers ?? 0)}% of the ${formatCount(band.accounts)} accounts LiveLens stores in the ${band.label} band`;
  const evidence: GuideEvidence = { metric: 'followers', value: numbers.followers, benchmark: median, unit: 'followers' };
  if (numbers.followers < median) {
    return {
      area: 'reach',
      title: "Close the gap to your band's median",
      body:
        `You have ${followers} followers; the median account in your band has ${formatCount(median)}. That is ${share}. ` +
        'On TikTok new followers come mostly from the For You feed, so the levers are the ones in the next sections: ' +
        'stronger first seconds, a regular posting rhythm and replies to comments, which keep your videos in circulation. ' +
        describeNextBand(facts),
      evidence,
    };
  }
  return {
    area: 'reach',
    title: 'You are ahead of most of your band',
    body:
      `You have ${followers} followers, above your band's median of ${formatCount(median)}: ${share}. ` +
      'Keep doing what brought them: look at your three most-liked videos of the last month and make more in that format, ' +
      `then test one new idea a week. ${describeNextBand(facts)}`,
    evidence,
  };
}

function writeGrowthSection(facts: GuideFacts): GuideSection | null {
  const { growth } = facts;
  if (growth === null) return null;
  const span = `over the last ${formatDays(growth.spanDays)}`;
  const perWeek = formatQuantity(Math.abs(growth.followersPerWeek), 'follower');
  const percent = growth.percentPerWeek;
  const evidence: GuideEvidence =
    percent === null
      ? { metric: 'followersPerWeek', value: growth.followersPerWeek, benchmark: null, unit: 'followers/week' }
      : { metric: 'followerGrowthPercentPerWeek', value: percent, benchmark: HEALTHY_WEEKLY_GROWTH_PERCENT, unit: '%/week' };
  const percentText = percent === null ? '' : ` (${formatPercent(Math.abs(percent))} a week)`;
  const benchmark = `about ${HEALTHY_WEEKLY_GROWTH_PERCENT}% a week (4–5% a month) is a common rule of thumb for steady, healthy growth`;

  if (growth.followersPerWeek < 0) {
    return {
      area: 'reach',
      title: 'Your follower count is falling',
      body:
        `You lost about ${perWeek} a week ${span}${percentText}. A fall usually follows a change of content or a long pause. ` +
        'Compare your recent videos with the ones that brought followers in, and return to what worked before trying new formats.',
      evidence,
    };
  }
  const next = facts.band.maxFollowers;
  const weeksToNext = next !== null && growth.followersPerWeek > 0 ? Math.ceil((next - facts.numbers.followers) / growth.followersPerWeek) : null;
  const projection =
    weeksToNext === null || weeksToNext > MAX_PROJECTION_WEEKS ? '' : ` At this pace you reach ${formatCount(next)} followers in about ${formatQuantity(weeksToNext, 'week')}.`;
  if (percent !== null && percent < HEALTHY_WEEKLY_GROWTH_PERCENT) {
    return {
      area: 'reach',
      title: 'Speed up follower growth',
      body:
        `You gained about ${perWeek} a week ${span}${percentText}; ${benchmark}.${projection} ` +
        'Growth follows reach, and reach follows the engagement and posting steps below: fix those first.',
      evidence,
    };
  }
  return {
    area: 'reach',
    title: 'Your followers are growing well',
    body: `You gained about ${perWeek} a week ${span}${percentText}; ${benchmark}.${projection} Keep your posting rhythm steady to hold this pace.`,
    evidence,
  };
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
  const { min, max } = RECOMMENDED_POSTS_PER_WEEK;
  const routine = `${POSTS_RANGE} posts a week on fixed days (for example Monday, Wednesday and Friday)`;
  if (numbers.videos === 0) {
    return {
      area: 'cadence',
      title: 'Set a posting routine from day one',
      body: `With no videos yet, start with ${routine}. Consistency matters more than volume: a steady rhythm gives TikTok regular signals about who your videos are for.`,
      evidence: { metric: 'videosPerWeek', value: 0, benchmark: min, unit: 'videos/week' },
    };
  }
  const perWeek = cadence.videosPerWeek;
  if (perWeek === null) {
    return {
      area: 'cadence',
      title: 'Measure your posting pace',
      body:
        `LiveLens needs two profile snapshots at least 7 days apart to measure how often you post; it has ` +
        `${formatQuantity(cadence.snapshots, 'snapshot')} over ${formatDays(cadence.spanDays)}. You have ${formatCount(numbers.videos)} videos in total. ` +
        `Aim for ${routine}; the next report will show your measured pace.`,
      evidence: { metric: 'snapshotSpanDays', value: cadence.spanDays, benchmark: 7, unit: 'days' },
    };
  }
  const measured = `over the last ${formatDays(cadence.spanDays)}`;
  if (perWeek === 0) {
    return {
      area: 'cadence',
      title: 'Start posting again',
      body:
        `You posted no new videos ${measured}. A pause costs reach: TikTok recommends accounts that post regularly. ` +
        `Come back with ${routine}, and keep the first few videos close to your most-liked ones.`,
      evidence: { metric: 'videosPerWeek', value: 0, benchmark: min, unit: 'videos/week' },
    };
  }
  if (perWeek < min) {
    const more = Math.max(1, Math.ceil(min - perWeek));
    return {
      area: 'cadence',
      title: 'Post more often',
      body:
        `You post about ${formatQuantity(perWeek, 'video')} a week (measured ${measured}); accounts that grow usually post ${POSTS_RANGE} times a week, ` +
        `a common rule of thumb. Add ${formatQuantity(more, 'video')} a week: film two or three in one session and schedule them on fixed days, ` +
        'so your followers learn when to expect you.',
      evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: min, unit: 'videos/week' },
    };
  }
  if (perWeek <= max) {
    return {
      area: 'cadence',
      title: 'Your posting pace is on target',
      body:
        `You post about ${formatQuantity(perWeek, 'video')} a week (measured ${measured}), inside the ${POSTS_RANGE} range that growing accounts aim for. ` +
        'Keep the same days every week; a steady rhythm beats bursts followed by silence.',
      evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: min, unit: 'videos/week' },
    };
  }
  const weakEngagement = band.account.engagementPercent !== null && band.account.engagementPercent < band.typicalEngagementPercent;
  return {
    area: 'cadence',
    title: weakEngagement ? 'Fewer, stronger videos' : 'High output: keep the quality',
    body: weakEngagement
      ? `You post about ${formatQuantity(perWeek, 'video')} a week (measured ${measured}), more than the ${POSTS_RANGE} that is usually enough, while your engagement is below typical. Move some of that time from volume to the first two seconds of each video.`
      : `You post about ${formatQuantity(perWeek, 'video')} a week (measured ${measured}), above the usual ${POSTS_RANGE}, and your engagement holds up, so keep going; spread posts across the week rather than in bursts.`,
    evidence: { metric: 'videosPerWeek', value: perWeek, benchmark: max, unit: 'videos/week' },
  };
}

/** The guide for a report's figures, in area order; never empty, never missing an area. */
export function writeGuide(facts: GuideFacts): GuideSection[] {
  return [
    ...writeReachSections(facts),
    ...writeEngagementSections(facts),
    writeCadenceSection(facts),
    ...writeLiveSections(facts),
    ...writeGiftingSections(facts),
  ];
}
