'use client';

import { useTranslations } from 'next-intl';
import { useDisplay } from '@/components/site/display';
import { TimesIn } from '@/components/site/money-note';

/** When the lists were computed, in the reader's zone and naming it (UTC until the page has loaded). */
export function UpdatedAt({ at }: { at: string }) {
  const t = useTranslations('top');
  const display = useDisplay();
  return (
    <p className="text-xs text-muted">
      {t('updated', { time: display.date(at, 'dateTime') })} <TimesIn className="" />
    </p>
  );
}
