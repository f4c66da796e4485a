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

type LiveFacts = NonNullable<GuideFacts['live']>;
type LiveNumbers = NonNullable<GuideFacts['numbers']['live']>;

// The schedule a streamer without LIVE data is told to start with.
const STARTER = { lives: STARTER_LIVES_PER_WEEK, hours: MIN_HOURS_PER_LIVE };

function writeNoLiveSection(facts: GuideFacts): GuideSection {
  const followers = facts.numbers.followers;
  // TikTok's follower minimum for going LIVE; Bilibili opens a live room to anyone who verifies their name.
  if (facts.platform === 'tiktok' && followers < LIVE_MIN_FOLLOWERS) {
    return {
      area: 'live',
      id: 'liveNotEligible',
      values: { ...STARTER, minFollowers: LIVE_MIN_FOLLOWERS, followers, gap: LIVE_MIN_FOLLOWERS - followers },
      evidence: { metric: 'followers', value: followers, benchmark: LIVE_MIN_FOLLOWERS },
    };
  }
  return { area: 'live', id: 'liveStart', values: { ...STARTER }, evidence: { metric: 'livesPerWeek', value: 0, benchmark: STARTER_LIVES_PER_WEEK } };
}

function writeScheduleSection(live: LiveFacts, numbers: LiveNumbers): GuideSection {
  return {
    area: 'live',
    id: live.livesPerWeek < RECOMMENDED_LIVES_PER_WEEK ? 'liveIrregular' : 'liveRegular',
    values: { lives: numbers.lives30d, perWeek: live.livesPerWeek, hours: numbers.hours30d, hoursPerWeek: live.hoursPerWeek, recommended: RECOMMENDED_LIVES_PER_WEEK },
    evidence: { metric: 'livesPerWeek', value: live.livesPerWeek, benchmark: RECOMMENDED_LIVES_PER_WEEK },
  };
}

function writeDurationSection(live: LiveFacts): GuideSection | null {
  if (live.averageHoursPerLive >= MIN_HOURS_PER_LIVE) return null;
  return {
    area: 'live',
    id: 'liveShort',
    values: { minutes: Math.round(live.averageHoursPerLive * 60), hours: MIN_HOURS_PER_LIVE },
    evidence: { metric: 'averageHoursPerLive', value: live.averageHoursPerLive, benchmark: MIN_HOURS_PER_LIVE },
  };
}

// The hour is stored in UTC and shown in the reader's zone (guide-text.ts).
function writeStartHourSection(live: LiveFacts): GuideSection | null {
  const hour = live.bestStartHourUtc;
  if (hour === null || live.bestStartHourDiamondsPerLive === null) return null;
  if (live.distinctStartHours < 2) {
    return {
      area: 'live',
      id: 'liveOneStartHour',
      values: { hourUtc: hour },
      evidence: { metric: 'distinctStartHours', value: live.distinctStartHours, benchmark: 2 },
    };
  }
  return {
    area: 'live',
    id: 'liveBestHour',
    values: { hourUtc: hour, best: live.bestStartHourDiamondsPerLive, average: live.averageDiamondsPerLive },
    evidence: { metric: 'diamondsPerLiveAtBestHour', value: live.bestStartHourDiamondsPerLive, benchmark: live.averageDiamondsPerLive },
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
      id: 'giftingNoGifts',
      values: { lives: numbers.lives30d, hours: numbers.hours30d },
      evidence: { metric: 'diamonds30d', value: 0, benchmark: null },
    };
  }
  const perHour = live.averageDiamondsPerHour;
  return {
    area: 'gifting',
    id: 'giftingPerHour',
    values: { diamonds: numbers.diamonds30d, hours: numbers.hours30d, perHour, earnings: numbers.earnings30d },
    evidence:
      perHour === null
        ? { metric: 'diamonds30d', value: numbers.diamonds30d, benchmark: null }
        : { metric: 'diamondsPerHour', value: perHour, benchmark: null },
  };
}

function writeConcentrationSection(live: LiveFacts): GuideSection | null {
  const share = live.topGifterSharePercent;
  if (share === null) return null;
  const evidence: GuideEvidence = { metric: 'topGifterSharePercent', value: share, benchmark: TOP_GIFTER_CONCENTRATION_PERCENT };
  return {
    area: 'gifting',
    id: share > TOP_GIFTER_CONCENTRATION_PERCENT ? 'giftingConcentrated' : 'giftingSpread',
    values: { share, gifters: live.gifters, threshold: TOP_GIFTER_CONCENTRATION_PERCENT },
    evidence,
  };
}

/** Gifting advice: how to prepare without LIVE data, otherwise diamonds per hour and gifter concentration. */
export function writeGiftingSections(facts: GuideFacts): GuideSection[] {
  const { live, numbers } = facts;
  if (live === null || numbers.live === null) {
    return [{ area: 'gifting', id: 'giftingNoLive', values: {}, evidence: { metric: 'diamonds30d', value: 0, benchmark: null } }];
  }
  const sections = [writeDiamondsSection(live, numbers.live)];
  const concentration = writeConcentrationSection(live);
  if (concentration) sections.push(concentration);
  return sections;
}
