// What a scored overlay's settings say about its games: the board's size, the scoring rules and (Q&A) the
// freeze countdown. The games own these fields; the overlay settings (lib/overlays/settings.ts) include
// them, so the game code reads its own config without depending on the overlays.
import { z } from 'zod';
import { scoringRulesSchema } from '@/lib/games/rules';
import { DEFAULT_COUNTDOWN_SECONDS } from '@/lib/games/session';

export const scoredFields = {
  size: z.number().int().min(1).max(20).default(5),
  rules: scoringRulesSchema.default(scoringRulesSchema.parse({})),
};

export const countdownField = {
  countdownSeconds: z.number().int().min(1).max(60).default(DEFAULT_COUNTDOWN_SECONDS),
};

const configs = { LEADERBOARD: z.object(scoredFields), QA_GAME: z.object({ ...scoredFields, ...countdownField }) } as const;

export type GameConfig = { size: number; rules: z.infer<typeof scoringRulesSchema>; countdownSeconds: number };

/** A scored overlay's game config, read leniently: an invalid field takes its default. */
export function readGameConfig(kind: 'LEADERBOARD' | 'QA_GAME', stored: unknown): GameConfig {
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const pick = <K extends keyof GameConfig>(key: K, schema: z.ZodType<GameConfig[K]>, fallback: GameConfig[K]): GameConfig[K] => {
    const parsed = schema.safeParse(source[key]);
    return parsed.success ? parsed.data : fallback;
  };
  const defaults = configs.QA_GAME.parse({});
  return {
    size: pick('size', scoredFields.size, defaults.size),
    rules: pick('rules', scoredFields.rules, defaults.rules),
    // A leaderboard has no countdown of its own setting: the default.
    countdownSeconds: kind === 'QA_GAME' ? pick('countdownSeconds', countdownField.countdownSeconds, defaults.countdownSeconds) : DEFAULT_COUNTDOWN_SECONDS,
  };
}
