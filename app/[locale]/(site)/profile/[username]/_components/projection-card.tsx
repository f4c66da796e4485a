'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatSignedCount } from '@/components/stats/numbers';
import { Card, StatTile } from '@/components/ui/card';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { projectFollowers, PROJECTION, type DayPoint } from '@/lib/stats/history';

/** Followers in 30, 90 and 365 days if the recent trend holds, or how much history a projection needs. */
export function ProjectionCard({ daily }: { daily: DayPoint[] }) {
  const t = useTranslations('profile.depth');
  const locale = useLocale();
  const projection = projectFollowers(daily);
  const latest = daily.at(-1)?.followers ?? 0;
  return (
    <Card title={t('projectionTitle')} action={<span className="rounded-full border border-line px-2 py-0.5 text-xs text-muted">{t('projectionBadge')}</span>}>
      {projection.kind === 'insufficient' ? (
        <p className="text-sm text-muted">
          {t('projectionNeeds', { needPoints: projection.needPoints, needDays: projection.needDays, windowDays: PROJECTION.windowDays, havePoints: projection.havePoints, haveDays: projection.haveDays })}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            {projection.followers.map((p) => (
              <StatTile key={p.days} label={t('projectionIn', { days: p.days })} value={formatCompact(p.followers, locale)} hint={t('projectionChange', { change: formatSignedCount(p.followers - latest, locale), exact: formatCount(p.followers, locale) })} />
            ))}
          </dl>
          <p className="text-xs text-muted">{t('projectionBasis', { days: projection.basedOnDays, points: projection.basedOnPoints, perDay: formatSignedCount(projection.perDay, locale) })}</p>
        </div>
      )}
    </Card>
  );
}
