// The guide's LIVE and gifting sections (see guide.ts for the rest and the ordering). Gift income is
// the part of LIVE a streamer controls most directly, so the advice here is about schedule, length,
// start time and how the diamonds are spread across gifters.
import {
  LIVE_MIN_FOLLOWERS,
  MIN_HOURS_PER_LIVE,
  RECOMMENDED_LIVES_PER_WEEK,
  STARTER_LIVES_PER_WEEK,
  TOP_GIFTER_CONCENTRATION_PERCENT,
} from '@/lib/reports/thresholds';
import type { GuideEvidence, GuideFacts, GuideSection } from '@/lib/reports/types';
import { formatDecimal, formatHourUtc, formatQuantity } from '@/lib/reports/wording';
import { formatCount, formatUsdRange } from '@/lib/stats/format';

type LiveFacts = NonNullable<GuideFacts['live']>;
type LiveNumbers = NonNullable<GuideFacts['numbers']['live']>;

const STARTER_SCHEDULE =
  `start with a fixed weekly schedule: ${STARTER_LIVES_PER_WEEK} LIVEs a week of at least ${formatQuantity(MIN_HOURS_PER_LIVE, 'hour')} each, ` +
  'on the same days and at the same time, announced in your videos and bio so followers can plan to join';

const GIFT_HABITS =
  'set one visible goal at the start of each LIVE and update it out loud, thank every gifter by name the moment the gift lands, ' +
  'and plan a moment (a challenge, a reveal, a request) that unlocks when the goal is reached';

function writeNoLiveSection(facts: GuideFacts): GuideSection {
  const followers = facts.numbers.followers;
  if (followers < LIVE_MIN_FOLLOWERS) {
    return {
      area: 'live',
      title: `Reach ${formatCount(LIVE_MIN_FOLLOWERS)} followers to go LIVE`,
      body:
        `LiveLens recorded no LIVE in the last 30 days, and TikTok generally lets an account go LIVE from ${formatCount(LIVE_MIN_FOLLOWERS)} ` +
        `followers (and age 18+). You have ${formatCount(followers)}, ${formatCount(LIVE_MIN_FOLLOWERS - followers)} to go; until then, ` +
        `put the time into the posting and engagement steps above. When you get there, ${STARTER_SCHEDULE}.`,
      evidence: { metric: 'followers', value: followers, benchmark: LIVE_MIN_FOLLOWERS, unit: 'followers' },
    };
  }
  return {
    area: 'live',
    title: 'Start with a fixed weekly LIVE schedule',
    body:
      `LiveLens recorded no LIVE in the last 30 days. To begin, ${STARTER_SCHEDULE}. ` +
      'Gifts, the main source of LIVE income, come mostly from regular viewers, and regulars need to know when to find you.',
    evidence: { metric: 'livesPerWeek', value: 0, benchmark: STARTER_LIVES_PER_WEEK, unit: 'LIVEs/week' },
  };
}

function writeScheduleSection(live: LiveFacts, numbers: LiveNumbers): GuideSection {
  const measured =
    `You went LIVE ${formatQuantity(numbers.lives30d, 'time')} in the last 30 days (about ${formatDecimal(live.livesPerWeek)} a week), ` +
    `${formatQuantity(numbers.hours30d, 'hour')} in all, about ${formatQuantity(live.hoursPerWeek, 'hour')} a week.`;
  const evidence: GuideEvidence = { metric: 'livesPerWeek', value: live.livesPerWeek, benchmark: RECOMMENDED_LIVES_PER_WEEK, unit: 'LIVEs/week' };
  if (live.livesPerWeek < RECOMMENDED_LIVES_PER_WEEK) {
    return {
      area: 'live',
      title: 'Go LIVE on a regular schedule',
      body:
        `${measured} Streamers with steady gift income usually go LIVE at least ${RECOMMENDED_LIVES_PER_WEEK} times a week on fixed days. ` +
        'Add one fixed slot a week and keep it even when a LIVE is quiet: regular viewers, and most gifts, come from knowing when you are on.',
      evidence,
    };
  }
  return {
    area: 'live',
    title: 'Your LIVE schedule is regular',
    body:
      `${measured} That meets the ${RECOMMENDED_LIVES_PER_WEEK}-a-week rhythm that steady LIVE earners keep. ` +
      'Keep the days and times fixed, and tell viewers at the end of each LIVE when the next one starts.',
    evidence,
  };
}

function writeDurationSection(live: LiveFacts): GuideSection | null {
  if (live.averageHoursPerLive >= MIN_HOURS_PER_LIVE) return null;
  const minutes = Math.round(live.averageHoursPerLive * 60);
  return {
    area: 'live',
    title: 'Stay LIVE longer',
    body:
      `Your LIVEs last about ${formatQuantity(minutes, 'minute')} on average. Viewers arrive gradually while TikTok recommends a LIVE, ` +
      `so short LIVEs end just as the audience builds. Aim for at least ${formatQuantity(MIN_HOURS_PER_LIVE, 'hour')}; fewer, longer LIVEs beat many short ones.`,
    evidence: { metric: 'averageHoursPerLive', value: live.averageHoursPerLive, benchmark: MIN_HOURS_PER_LIVE, unit: 'hours' },
  };
}

function writeStartHourSection(live: LiveFacts): GuideSection | null {
  const hour = live.bestStartHourUtc;
  if (hour === null || live.bestStartHourDiamondsPerLive === null) return null;
  if (live.distinctStartHours < 2) {
    return {
      area: 'live',
      title: 'Test another start time',
      body:
        `All your LIVEs in the last 30 days started in the ${formatHourUtc(hour)} hour, so there is nothing to compare them with. ` +
        'For the next month, move one LIVE a week to a different time (for example two hours earlier or later) and compare the diamonds.',
      evidence: { metric: 'distinctStartHours', value: live.distinctStartHours, benchmark: 2, unit: 'start times' },
    };
  }
  return {
    area: 'live',
    title: 'Your best start time',
    body:
      `Your LIVEs that started in the ${formatHourUtc(hour)} hour averaged ${formatCount(live.bestStartHourDiamondsPerLive)} diamonds each, against ` +
      `${formatCount(live.averageDiamondsPerLive)} across all your LIVEs. Move your fixed slot toward that hour (converted to your local time) ` +
      'and keep testing one other slot a week, since a few LIVEs can mislead.',
    evidence: {
      metric: 'diamondsPerLiveAtBestHour',
      value: live.bestStartHourDiamondsPerLive,
      benchmark: live.averageDiamondsPerLive,
      unit: 'diamonds/LIVE',
    },
  };
}

/** LIVE schedule advice: how to start without LIVE data, otherwise frequency, length and start time. */
export function writeLiveSections(facts: GuideFacts): GuideSection[] {
  const { live, numbers } = facts;
  if (live === null || numbers.live === null) return [writeNoLiveSection(facts)];
  const sections = [writeScheduleSection(live, numbers.live)];
  for (const section of [writeDurationSection(live), writeStartHourSection(live)]) if (section) sections.push(section);
  return sections;
}

function writeDiamondsSection(live: LiveFacts, numbers: LiveNumbers): GuideSection {
  if (numbers.diamonds30d === 0) {
    return {
      area: 'gifting',
      title: 'Turn viewers into gifters',
      body:
        `Your ${formatQuantity(numbers.lives30d, 'LIVE')} (${formatQuantity(numbers.hours30d, 'hour')}) received no gifts in the last 30 days. ` +
        `To change that, ${GIFT_HABITS}. A first small gift often comes from a viewer who has been greeted by name.`,
      evidence: { metric: 'diamonds30d', value: 0, benchmark: null, unit: 'diamonds' },
    };
  }
  const perHour = live.averageDiamondsPerHour;
  const rate = perHour === null ? '' : `, about ${formatCount(perHour)} diamonds an hour`;
  return {
    area: 'gifting',
    title: 'Raise your diamonds per hour',
    body:
      `You received ${formatCount(numbers.diamonds30d)} diamonds in ${formatQuantity(numbers.hours30d, 'hour')} LIVE over the last 30 days${rate} ` +
      `(an estimated ${formatUsdRange(numbers.earnings30d)} after TikTok's share). To raise it, ${GIFT_HABITS}.`,
    evidence:
      perHour === null
        ? { metric: 'diamonds30d', value: numbers.diamonds30d, benchmark: null, unit: 'diamonds' }
        : { metric: 'diamondsPerHour', value: perHour, benchmark: null, unit: 'diamonds/hour' },
  };
}

function writeConcentrationSection(live: LiveFacts): GuideSection | null {
  const share = live.topGifterSharePercent;
  if (share === null) return null;
  const evidence: GuideEvidence = { metric: 'topGifterSharePercent', value: share, benchmark: TOP_GIFTER_CONCENTRATION_PERCENT, unit: '%' };
  const measured = `Your top gifter sent ${formatDecimal(share)}% of the diamonds from your ${formatQuantity(live.gifters, 'gifter')} in the last 30 days`;
  if (share > TOP_GIFTER_CONCENTRATION_PERCENT) {
    return {
      area: 'gifting',
      title: 'Depend less on one gifter',
      body:
        `${measured}, above the ${TOP_GIFTER_CONCENTRATION_PERCENT}% at which income hangs on one person: if they stop, most of your LIVE income goes with them. ` +
        'Keep thanking them, and widen the base: welcome newcomers by name, set small goals a single first gift can complete, ' +
        'and give regulars a reason to come to every LIVE (a recurring segment, a weekly top-gifter shout-out).',
      evidence,
    };
  }
  return {
    area: 'gifting',
    title: 'Your gifting is well spread',
    body:
      `${measured}, below the ${TOP_GIFTER_CONCENTRATION_PERCENT}% at which income would hang on one person. ` +
      'Keep it that way by thanking every gifter, not only the largest, and by greeting returning viewers by name.',
    evidence,
  };
}

/** Gifting advice: how to prepare without LIVE data, otherwise diamonds per hour and gifter concentration. */
export function writeGiftingSections(facts: GuideFacts): GuideSection[] {
  const { live, numbers } = facts;
  if (live === null || numbers.live === null) {
    return [
      {
        area: 'gifting',
        title: 'Plan how you will earn gifts',
        body:
          'With no LIVE in the last 30 days there are no gifts to measure yet. From your first LIVE, ' +
          `${GIFT_HABITS}. Gifts follow attention: viewers who feel seen are the ones who send the first gift.`,
        evidence: { metric: 'diamonds30d', value: 0, benchmark: null, unit: 'diamonds' },
      },
    ];
  }
  const sections = [writeDiamondsSection(live, numbers.live)];
  const concentration = writeConcentrationSection(live);
  if (concentration) sections.push(concentration);
  return sections;
}
