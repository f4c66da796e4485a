import { useLocale, useTranslations } from 'next-intl';
import type { ValueUnit } from '@/lib/platforms/events';
import { MIN_ACCOUNTS_FOR_PERCENTILES, type Rating, type RatingNote, type RatingPartKey } from '@/lib/stats/rating';
import { pointsValues, ratingNoteValues } from './rating-notes';

type T = ReturnType<typeof useTranslations<'profile.ratingNotes'>>;

function partName(t: T, key: RatingPartKey, unit: ValueUnit): string {
  switch (key) {
    case 'reach':
      return t('partReach');
    case 'likes':
      return t('partLikes');
    case 'engagement':
      return t('partEngagement');
    case 'live':
      return t('partLive', { unit });
  }
}

/** What one part says about the account (lib/stats/rating.ts gives the key and the numbers). */
function noteText(t: T, note: RatingNote, locale: string): string {
  const values = ratingNoteValues(note, locale, { under: (to) => t('bandUnder', { to }), over: (from) => t('bandOver', { from }) });
  switch (note.key) {
    case 'reachPercentile':
      return t('reachPercentile', values);
    case 'likesPercentile':
      return t('likesPercentile', values);
    case 'engagementPercentile':
      return t('engagementPercentile', values);
    case 'livePercentile':
      return t('livePercentile', values);
    case 'reachScale':
      return t('reachScale', values);
    case 'likesScale':
      return t('likesScale', values);
    case 'liveScale':
      return t('liveScale', values);
    case 'engagementScale':
      return t('engagementScale', values);
    case 'engagementMissing':
      return t('engagementMissing');
    case 'liveMissing':
      return t('liveMissing', values);
    case 'likesUnavailable':
      return t('likesUnavailable', values);
    case 'engagementUnavailable':
      return t('engagementUnavailable', values);
  }
}

/** The 0–100 score as a ring, and under it each part's points and what it says, in the page's language
 * (the TikTok profile and the Bilibili channel page). */
export function RatingBadge({ rating }: { rating: Rating }) {
  const t = useTranslations('profile');
  const notes = useTranslations('profile.ratingNotes');
  const locale = useLocale();
  const angle = Math.round((rating.score / 100) * 360);
  return (
    <div className="flex flex-col items-center gap-3">
      <div
        className="flex h-32 w-32 items-center justify-center rounded-full"
        style={{ background: `conic-gradient(var(--color-accent) ${angle}deg, var(--color-panel-2) ${angle}deg)` }}
        role="img"
        aria-label={t('ratingAria', { score: rating.score })}
      >
        <div className="flex h-24 w-24 flex-col items-center justify-center rounded-full bg-panel">
          <span className="text-4xl font-extrabold tabular-nums">{rating.score}</span>
          <span className="text-xs text-muted">{t('of100')}</span>
        </div>
      </div>
      <p className="w-full text-xs text-muted">{notes('intro')}</p>
      <ul className="flex w-full flex-col gap-2 text-xs text-muted">
        {rating.parts.map((part) => (
          <li key={part.key}>
            <span className="flex items-baseline justify-between gap-2">
              <span className="font-semibold text-white">{partName(notes, part.key, rating.unit)}</span>
              <span className="tabular-nums">{part.basis === 'missing' ? notes('notCounted') : notes('points', pointsValues(part))}</span>
            </span>
            <span className="block">{noteText(notes, part.note, locale)}</span>
          </li>
        ))}
      </ul>
      {rating.fixedScale && <p className="w-full text-xs text-muted">{notes('fewAccounts', { min: MIN_ACCOUNTS_FOR_PERCENTILES })}</p>}
    </div>
  );
}
