'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ChoiceTabs } from '@/components/stats/choice-tabs';
import { formatDayRange, formatSignedCount } from '@/components/stats/numbers';
import { Card } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDate } from '@/lib/i18n/time';
import { formatCount } from '@/lib/stats/format';
import { periodTotals, pointsInPeriod, type Counts, type DailyChange, type HistoryPeriod } from '@/lib/stats/history';

type Unit = 'day' | 'week' | 'month';
type Row = { key: string; label: string; note: string | null; change: Counts; total: Counts };

const FIRST_ROWS = 30;
const KEYS: readonly (keyof Counts)[] = ['followers', 'hearts', 'videos'];
// Keys spelled out (not built from the value) so the catalogue test sees each one used.
const METRIC_LABEL = { followers: 'metric.followers', hearts: 'metric.hearts', videos: 'metric.videos' } as const;
const UNIT_LABEL = { day: 'unit.day', week: 'unit.week', month: 'unit.month' } as const;
const UNIT_COLUMN = { day: 'unitColumn.day', week: 'unitColumn.week', month: 'unitColumn.month' } as const;

function Change({ value, total, locale }: { value: number; total: number; locale: string }) {
  const tone = value > 0 ? 'text-emerald-400' : value < 0 ? 'text-rose-400' : 'text-muted';
  return (
    <td className="py-1.5 pr-3 text-right tabular-nums">
      <span className={tone}>{formatSignedCount(value, locale)}</span>
      <span className="block text-xs text-muted">{formatCount(total, locale)}</span>
    </td>
  );
}

/** The changes per stored day, ISO week or month, newest first, within the chosen period. */
export function DailyTable({ changes, period }: { changes: DailyChange[]; period: HistoryPeriod }) {
  const t = useTranslations('profile.depth');
  const locale = useLocale();
  const [unit, setUnit] = useState<Unit>('day');
  const [all, setAll] = useState(false);
  const rows = useMemo<Row[]>(() => {
    const shown = pointsInPeriod(changes, period);
    if (unit === 'day') {
      return [...shown].reverse().map((c) => ({ key: c.day, label: formatDate(c.day, 'date', locale, 'UTC'), note: c.spanDays > 1 ? t('spanDays', { days: c.spanDays }) : null, change: c.change, total: c }));
    }
    return periodTotals(shown, unit).map((p) => ({ key: p.start, label: formatDayRange(p.start, p.end, locale), note: t('storedDays', { count: p.days }), change: p.change, total: p.last }));
  }, [changes, period, unit, locale, t]);
  const visible = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <Card title={t('tableTitle')} action={<ChoiceTabs label={t('unitLabel')} value={unit} onChange={setUnit} options={(['day', 'week', 'month'] as const).map((u) => ({ value: u, label: t(UNIT_LABEL[u]) }))} />}>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t('periodEmpty')}</p>
      ) : (
        <ScrollRegion label={t('tableTitle')}>
          <table className="w-full min-w-[28rem] text-sm">
            <caption className="sr-only">{t('tableCaption')}</caption>
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3 text-left">{t(UNIT_COLUMN[unit])}</th>
                {KEYS.map((k) => (
                  <th key={k} scope="col" className="py-2 pr-3 text-right">{t(METRIC_LABEL[k])}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <tr key={row.key} className="border-t border-line">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {row.label}
                    {row.note && <span className="block text-xs text-muted">{row.note}</span>}
                  </th>
                  {KEYS.map((k) => (
                    <Change key={k} value={row.change[k]} total={row.total[k]} locale={locale} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {rows.length > FIRST_ROWS && (
        <button type="button" onClick={() => setAll(!all)} className="mt-3 text-sm font-semibold text-accent-2 hover:underline">
          {all ? t('showFewer') : t('showAll', { count: rows.length })}
        </button>
      )}
      <p className="mt-2 text-xs text-muted">{t('tableNote')}</p>
    </Card>
  );
}
