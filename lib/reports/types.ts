// The growth report as stored in `reports.data` (JSON) and what it is generated from.
// Importable anywhere (pages, the worker, tests): no I/O and no server-only modules.
//
// Every number is a plain, finite JSON number (bigints are converted), every string is plain text to
// be escaped by whoever renders it. A change to this shape bumps `version`, so stored reports can be
// told apart and still be read (stored.ts reads every version).
//
// The guide holds no text: each section names its advice (`id`) and the figures the advice quotes
// (`values`), and is written in the reader's language, time zone and currency when it is shown
// (guide-text.ts). Version 1 stored English text; stored.ts rewrites its guide from the figures.
//
// Version 4 names the platform. A Bilibili report (issue 20) has the same shape: its value fields
// (`diamonds30d`, `averageDiamondsPerLive`, …) hold the platform's own unit, gold coins (VALUE_UNIT in
// lib/platforms/units.ts), its video figures are 0 or null (Bilibili's room API gives followers only), and its
// LIVE numbers count Super Chats and guard purchases, which TikTok has not (null there).
import { z } from 'zod';
import { FOLLOWER_BANDS, type ValueRange } from '@/lib/stats/constants';

export const REPORT_VERSION = 4;

/** The platforms a report can be bought for. */
export const REPORT_PLATFORMS = ['tiktok', 'bilibili'] as const;
export type ReportPlatform = (typeof REPORT_PLATFORMS)[number];

export const GUIDE_AREAS = ['reach', 'engagement', 'cadence', 'live', 'gifting'] as const;
export type GuideArea = (typeof GUIDE_AREAS)[number];

// The figures a guide section can rest on; each names a number shown elsewhere in the report.
export const EVIDENCE_METRICS = [
  'followers',
  'followersPerWeek',
  'followerGrowthPercentPerWeek',
  'engagementPercent',
  'averageLikesPerVideo',
  'videos',
  'videosPerWeek',
  'snapshotSpanDays',
  'livesPerWeek',
  'averageHoursPerLive',
  'distinctStartHours',
  'diamondsPerLiveAtBestHour',
  'diamonds30d',
  'diamondsPerHour',
  'topGifterSharePercent',
] as const;
export type EvidenceMetric = (typeof EVIDENCE_METRICS)[number];

const [FIRST_BAND, ...OTHER_BANDS] = FOLLOWER_BANDS;
const FOLLOWER_BAND_IDS = [FIRST_BAND.id, ...OTHER_BANDS.map((band) => band.id)] as const;

const usdRangeSchema = z.object({ low: z.number(), mid: z.number(), high: z.number() });

const engagementSchema = z.object({
  percent: z.number(),
  basis: z.enum(['views', 'followers-approximation']),
  label: z.string(),
});

const perVideoSchema = z.object({
  basis: z.enum(['views', 'likes']),
  basisLabel: z.string(),
  viewsPerVideo: z.number(),
  creatorRewardsEligible: z.boolean(),
  creatorRewards: usdRangeSchema,
  sponsoredPost: usdRangeSchema,
  engagementFactor: z.number(),
  total: usdRangeSchema,
});

const liveNumbersV3Schema = z.object({
  lives30d: z.number().int().nonnegative(),
  hours30d: z.number().nonnegative(),
  /** Gift value in the platform's unit: diamonds on TikTok, gold coins on Bilibili (Super Chats and guards included there). */
  diamonds30d: z.number().nonnegative(),
  earnings30d: usdRangeSchema,
});

const liveNumbersSchema = liveNumbersV3Schema.extend({
  /** Bilibili's Super Chats and guard purchases in the 30 days; null on TikTok, which has neither. */
  superChats30d: z.number().int().nonnegative().nullable(),
  guards30d: z.number().int().nonnegative().nullable(),
});

const bandMetricsSchema = z.object({
  followers: z.number().nullable(),
  engagementPercent: z.number().nullable(),
  averageLikesPerVideo: z.number().nullable(),
});

/**
 * Where the account places among the stored accounts of its band that have the figure (itself
 * included): `rank` 1 is the highest of `of`, ties share the better place; `low`–`high` is their range.
 * This is what a band too small for medians can still say (version 3 on).
 */
const bandStandingSchema = z.object({
  rank: z.number().int().positive(),
  of: z.number().int().positive(),
  low: z.number(),
  high: z.number(),
});

const bandStandingsSchema = z.object({
  followers: bandStandingSchema.nullable(),
  engagementPercent: bandStandingSchema.nullable(),
  averageLikesPerVideo: bandStandingSchema.nullable(),
});

// The advice a guide section can give (guide*.ts choose one, guide-text.ts writes it).
export const GUIDE_SECTION_IDS = [
  'private',
  'bandFew',
  'bandBelow',
  'bandAbove',
  'growthFalling',
  'growthSlow',
  'growthHealthy',
  'engagementNoVideos',
  'engagementNoFollowers',
  'engagementLow',
  'engagementBelow',
  'engagementOnPar',
  'engagementStrong',
  'engagementBand',
  'cadenceNoVideos',
  'cadenceUnmeasured',
  'cadencePaused',
  'cadenceLow',
  'cadenceOnTarget',
  'cadenceFewerStronger',
  'cadenceHigh',
  'liveNotEligible',
  'liveStart',
  'liveIrregular',
  'liveRegular',
  'liveShort',
  'liveOneStartHour',
  'liveBestHour',
  'giftingNoLive',
  'giftingNoGifts',
  'giftingPerHour',
  'giftingConcentrated',
  'giftingSpread',
] as const;
export type GuideSectionId = (typeof GUIDE_SECTION_IDS)[number];

const evidenceSchema = z.object({
  metric: z.enum(EVIDENCE_METRICS),
  value: z.number(),
  /** What the figure is compared with (a band median, a rule of thumb); null when there is none. */
  benchmark: z.number().nullable(),
});

/** A figure the advice quotes: a number (count, rate, percentage, UTC hour), a yes/no, nothing, or a USD range. */
const guideValueSchema = z.union([z.number(), z.boolean(), z.null(), usdRangeSchema]);
export type GuideValue = z.infer<typeof guideValueSchema>;

export const guideSectionSchema = z.object({
  area: z.enum(GUIDE_AREAS),
  id: z.enum(GUIDE_SECTION_IDS),
  values: z.record(z.string(), guideValueSchema),
  evidence: evidenceSchema,
});

/** Version 1's guide section: English text written when the report was made. */
export const guideSectionV1Schema = z.object({
  area: z.enum(GUIDE_AREAS),
  title: z.string(),
  body: z.string(),
  evidence: evidenceSchema.extend({ unit: z.string() }),
});

export const reportDataSchema = z.object({
  version: z.literal(REPORT_VERSION),
  platform: z.enum(REPORT_PLATFORMS),
  generatedAt: z.iso.datetime(),
  account: z.object({
    handle: z.string(),
    nickname: z.string().nullable(),
    verified: z.boolean(),
    region: z.string().nullable(),
    privateAccount: z.boolean(),
  }),
  numbers: z.object({
    /** When the counts below were read from TikTok. */
    snapshotAt: z.iso.datetime(),
    followers: z.number().nonnegative(),
    following: z.number().nonnegative(),
    hearts: z.number().nonnegative(),
    videos: z.number().nonnegative(),
    diggs: z.number().nonnegative(),
    friends: z.number().nonnegative(),
    averageLikesPerVideo: z.number().nullable(),
    engagement: engagementSchema.nullable(),
    perVideo: perVideoSchema.nullable(),
    /** Null when LiveLens recorded no LIVE of the account in the 30 days before the report. */
    live: liveNumbersSchema.nullable(),
  }),
  band: z.object({
    id: z.enum(FOLLOWER_BAND_IDS),
    label: z.string(),
    minFollowers: z.number(),
    maxFollowers: z.number().nullable(),
    typicalEngagementPercent: z.number(),
    /** Stored accounts in the band, this one included. */
    accounts: z.number().int().positive(),
    /** The account's own figures on the basis the band is compared on (engagement: likes ÷ followers). */
    account: bandMetricsSchema,
    /** Null while the band (or, per metric, the accounts with that figure) has too few accounts. */
    medians: bandMetricsSchema,
    /** Mid-rank percentile 0–100 of the account within the band; null like the medians. */
    percentiles: bandMetricsSchema,
    /** Per metric null when the account lacks the figure or no other account has it; null as a whole in reports made before version 3. */
    standings: bandStandingsSchema.nullable(),
  }),
  cadence: z.object({
    snapshots: z.number().int().nonnegative(),
    spanDays: z.number().nonnegative(),
    /** Net new videos per week over the span; null unless 2+ snapshots at least 7 days apart. */
    videosPerWeek: z.number().nullable(),
  }),
  growth: z
    .object({
      followersPerWeek: z.number(),
      /** Weekly change relative to the followers at the start of the span; null when that was 0. */
      percentPerWeek: z.number().nullable(),
      spanDays: z.number().nonnegative(),
    })
    .nullable(),
  live: z
    .object({
      livesPerWeek: z.number().nonnegative(),
      hoursPerWeek: z.number().nonnegative(),
      averageHoursPerLive: z.number().nonnegative(),
      averageDiamondsPerLive: z.number().nonnegative(),
      averageDiamondsPerHour: z.number().nonnegative().nullable(),
      /**
       * The start hour (0–23, UTC: the report is read in many zones) whose lives averaged the most
       * diamonds; null without diamonds. Shown in the reader's zone (guide-text.ts localHourRange).
       */
      bestStartHourUtc: z.number().int().min(0).max(23).nullable(),
      bestStartHourDiamondsPerLive: z.number().nonnegative().nullable(),
      distinctStartHours: z.number().int().nonnegative(),
      gifters: z.number().int().nonnegative(),
      topGifterSharePercent: z.number().nonnegative().nullable(),
    })
    .nullable(),
  guide: z.array(guideSectionSchema).min(1),
});

/** A stored version 3 report: TikTok's, without the platform and without Super Chats and guards. */
export const reportDataV3Schema = reportDataSchema.omit({ platform: true }).extend({
  version: z.literal(3),
  numbers: reportDataSchema.shape.numbers.extend({ live: liveNumbersV3Schema.nullable() }),
});

/** A stored version 2 report: version 3's, without the band standings. */
export const reportDataV2Schema = reportDataV3Schema.extend({
  version: z.literal(2),
  band: reportDataSchema.shape.band.omit({ standings: true }),
});

/** A stored version 1 report: version 2's figures, an English guide. */
export const reportDataV1Schema = reportDataV2Schema.extend({
  version: z.literal(1),
  guide: z.array(guideSectionV1Schema).min(1),
});

export type ReportData = z.infer<typeof reportDataSchema>;
export type GuideSection = z.infer<typeof guideSectionSchema>;
export type GuideEvidence = GuideSection['evidence'];
export type ReportBand = ReportData['band'];
export type BandStanding = z.infer<typeof bandStandingSchema>;
export type BandMetric = keyof z.infer<typeof bandStandingsSchema>;
export type ReportCadence = ReportData['cadence'];
export type ReportGrowth = ReportData['growth'];
export type ReportLive = ReportData['live'];
export type ReportNumbers = ReportData['numbers'];

/** The figures the guide's rules read: the report without its generation time and guide. */
export type GuideFacts = Pick<ReportData, 'platform' | 'account' | 'numbers' | 'band' | 'cadence' | 'growth' | 'live'>;

/** Everything generateReport needs, as the collector reads it from the database. */
export interface ReportInput {
  /** TikTok when omitted. A Bilibili channel's snapshot holds its followers and zeros (see the top of this file). */
  platform?: ReportPlatform;
  account: {
    handle: string;
    nickname: string | null;
    verified: boolean;
    region: string | null;
    privateAccount: boolean;
  };
  /** The account's latest profile snapshot. */
  snapshot: {
    fetchedAt: Date;
    followers: bigint;
    following: bigint;
    hearts: bigint;
    videos: bigint;
    diggs: bigint;
    friends: bigint;
    avgViews: bigint | null;
  };
  /** Earlier snapshots (the latest may be among them), any order. */
  history: { at: Date; videos: bigint; followers: bigint; hearts: bigint }[];
  /** Latest counts of the other stored accounts in the same follower band. */
  bandPeers: { followers: bigint; hearts: bigint; videos: bigint }[];
  /** The end of the 30-day LIVE window; lives still running are counted up to this instant. */
  collectedAt: Date;
  /** Lives started in the 30 days before `collectedAt`; value in the platform's unit, Super Chats and guards on Bilibili. */
  lives: { startedAt: Date; endedAt: Date | null; diamonds: bigint; superChats?: number; guards?: number }[];
  /** Value each gifter sent in the same 30 days (platform unit), one entry per gifter. */
  gifterDiamonds: bigint[];
  /** USD per unit of value (TikTok: the configured rate per diamond; Bilibili: per gold coin); TikTok's default range when omitted. */
  usdPerDiamond?: Readonly<ValueRange>;
}
