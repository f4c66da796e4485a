// Scoring rules of a leaderboard or Q&A session (product spec §5, seed 001). Every number is configurable
// per overlay; a session copies its overlay's rules when it starts, so editing the overlay later does not
// change the points of a session already running.
import { z } from 'zod';
import { numberFormat } from '@/lib/stats/format';

export const giftTierSchema = z.object({
  /** The tier applies to gifts worth at least this many diamonds each. */
  minDiamonds: z.number().int().min(1).max(1_000_000),
  multiplier: z.number().min(0).max(100),
});

export const scoringRulesSchema = z.object({
  /** Likes a follower of the streamer needs for one point. */
  likesPerPointFollower: z.number().int().min(1).max(10_000).default(10),
  /** Likes anybody else needs for one point. */
  likesPerPointNonFollower: z.number().int().min(1).max(10_000).default(15),
  /** Gift points = diamonds × the multiplier of the highest tier the value of one gift reaches. */
  giftTiers: z
    .array(giftTierSchema)
    .min(1)
    .max(10)
    .default([
      { minDiamonds: 1, multiplier: 1 },
      { minDiamonds: 10, multiplier: 1.2 },
      { minDiamonds: 100, multiplier: 1.5 },
    ])
    .refine((tiers) => new Set(tiers.map((t) => t.minDiamonds)).size === tiers.length, 'Two gift tiers start at the same value.'),
});

export type ScoringRules = z.infer<typeof scoringRulesSchema>;
export type GiftTier = z.infer<typeof giftTierSchema>;

export const DEFAULT_RULES: ScoringRules = scoringRulesSchema.parse({});

/** Rules from stored JSON; anything missing or invalid falls back to the defaults (never throws). */
export function parseRules(value: unknown): ScoringRules {
  const parsed = scoringRulesSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

/** The multiplier for a gift whose single value is `diamondCount` (below the lowest tier: ×1). */
export function giftMultiplier(rules: ScoringRules, diamondCount: number): number {
  let best: GiftTier | undefined;
  for (const tier of rules.giftTiers) {
    if (diamondCount >= tier.minDiamonds && (!best || tier.minDiamonds > best.minDiamonds)) best = tier;
  }
  return best ? best.multiplier : 1;
}

/** Points for a completed gift (a streak counts once, with its final count). */
export function giftPoints(rules: ScoringRules, diamondCount: number, repeatCount: number): number {
  return roundPoints(diamondCount * repeatCount * giftMultiplier(rules, diamondCount));
}

/** Points for a viewer's likes so far: whole points only, the remainder carries over. */
export function likePoints(rules: ScoringRules, likes: number, follower: boolean): number {
  return Math.floor(likes / (follower ? rules.likesPerPointFollower : rules.likesPerPointNonFollower));
}

/** Two decimals: multipliers like 1.2 would otherwise accumulate binary rounding noise. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * A viewer's points: their whole like points plus the whole part of their gift points. Multipliers like
 * ×1.2 make fractions; as with likes, only whole points count and the fraction carries over to the next
 * gift (so two 1-diamond gifts at ×0.5 make a point rather than nothing).
 */
export function viewerPoints(rules: ScoringRules, likes: number, follower: boolean, giftPoints: number): number {
  return likePoints(rules, likes, follower) + wholePoints(giftPoints);
}

/**
 * Points as boards show them, in the reader's language ("45,149", "45 149"). Whole points only: a
 * session scored before points were whole may hold a fraction, shown rounded down as it now counts.
 */
export function formatPoints(points: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(wholePoints(points));
}

/** The whole points a score counts for (what boards show; see viewerPoints). */
export function wholePoints(points: number): number {
  // roundPoints first: 3 × 13.2 is 39.599999… as a double and must not lose a point to the floor.
  return Math.floor(roundPoints(points));
}
