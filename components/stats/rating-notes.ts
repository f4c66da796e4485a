// The numbers of a rating part's note (lib/stats/rating.ts), formatted for the page's language, as the
// values of its message (profile messages "ratingNotes.<key>"; rating-badge.tsx picks the message).
import { formatDecimal, formatWholePercent } from '@/components/stats/numbers';
import { formatCompact, formatPercent } from '@/lib/stats/format';
import type { RatingNote } from '@/lib/stats/rating';

export type RatingNoteValues = Record<string, string | number>;

/** The words around a follower band's open ends ("under 10K", "10M+"), from the band messages. */
export type BandWords = { under: (to: string) => string; over: (from: string) => string };

/** A follower band in the page's language: "10K–100K", "under 10K", "10M+". */
export function bandLabel(from: number, to: number | null, locale: string, words: BandWords): string {
  if (to === null) return words.over(formatCompact(from, locale));
  if (from === 0) return words.under(formatCompact(to, locale));
  return `${formatCompact(from, locale)}–${formatCompact(to, locale)}`;
}

/**
 * Percentiles read as whole percentages ("70%", "70 %"), counts compactly ("1M", "1 млн"); the number
 * of accounts stays a number, for the messages' plurals.
 */
export function ratingNoteValues(note: RatingNote, locale: string, words: BandWords): RatingNoteValues {
  switch (note.key) {
    case 'reachPercentile':
    case 'likesPercentile':
    case 'engagementPercentile':
      return { below: formatWholePercent(note.values.below, locale), accounts: note.values.accounts };
    case 'livePercentile':
      return { below: formatWholePercent(note.values.below, locale), accounts: note.values.accounts, unit: note.values.unit };
    case 'reachScale':
    case 'likesScale':
      return scaleValues(note.values, locale);
    case 'liveScale':
      return { ...scaleValues(note.values, locale), unit: note.values.unit };
    case 'engagementScale':
      return {
        engagement: formatPercent(note.values.engagement, locale),
        typical: formatPercent(note.values.typical, locale),
        ratio: formatDecimal(note.values.ratio, locale, 1),
        score: note.values.score,
        band: bandLabel(note.values.bandFrom, note.values.bandTo, locale, words),
      };
    case 'engagementMissing':
      return {};
    case 'liveMissing':
      return { unit: note.values.unit };
    case 'likesUnavailable':
    case 'engagementUnavailable':
      return { platform: note.values.platform };
  }
}

function scaleValues(values: { value: number; score: number; from: number; to: number }, locale: string): RatingNoteValues {
  return { value: formatCompact(values.value, locale), score: values.score, from: formatCompact(values.from, locale), to: formatCompact(values.to, locale) };
}

/** A part's points out of its weight ("21 of 30 points"): the contribution, and the weight in points. */
export function pointsValues(part: { weight: number; contribution: number }): { points: number; max: number } {
  return { points: part.contribution, max: Math.round(part.weight * 100) };
}
