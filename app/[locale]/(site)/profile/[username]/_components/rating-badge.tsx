import { useTranslations } from 'next-intl';
import type { Rating } from '@/lib/stats/rating';

/** The 0–100 score as a ring, and the reasons under it (lib/stats/rating.ts writes them in English). */
export function RatingBadge({ rating }: { rating: Rating }) {
  const t = useTranslations('profile');
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
      <ul className="flex w-full flex-col gap-1 text-xs text-muted">
        {rating.explanation.slice(1).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
