import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatSignedCount } from '@/components/stats/numbers';
import { COMPARE_COLORS } from '@/components/stats/compare-colors';
import { Avatar } from '@/components/ui/avatar';
import { Card } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDate } from '@/lib/i18n/time';
import { formatCount, formatPercent, MISSING_VALUE } from '@/lib/stats/format';
import { changeOverDays, projectFollowers, type Counts } from '@/lib/stats/history';
import type { ComparedAccount } from '@/lib/stats/compare';
import { profilePath, readerPath } from '@/lib/i18n/locales';
import { channelPublicPath } from '@/lib/platforms/naming';
import { ChannelLabel } from '@/components/ui/channel-label';

/** The change of one count over `days` days, with the day it is measured from when the history is shorter. */
function Gain({ daily, metric, days }: { daily: ComparedAccount['daily']; metric: keyof Counts; days: number }) {
  const t = useTranslations('compare');
  const locale = useLocale();
  const change = changeOverDays(daily, metric, days);
  if (!change) return MISSING_VALUE;
  return (
    <>
      {formatSignedCount(change.change, locale)}
      {!change.fullPeriod && <span className="block text-xs text-muted">{t('since', { day: formatDate(change.sinceDay, 'date', locale, 'UTC') })}</span>}
    </>
  );
}

type Line = { key: string; label: string; value: (a: ComparedAccount) => ReactNode };

/** The accounts' numbers side by side: one column per account, one row per figure. */
export function CompareTable({ accounts }: { accounts: ComparedAccount[] }) {
  const t = useTranslations('compare');
  const locale = useLocale();
  const count = (key: keyof NonNullable<ComparedAccount['latest']>) => (a: ComparedAccount) => formatCount(a.latest?.[key] ?? null, locale);
  // Bilibili's history is of followers only: its likes and videos have no change to show.
  const gain = (key: keyof Counts, days: number) =>
    function GainValue(a: ComparedAccount) {
      return a.platform !== 'tiktok' && key !== 'followers' ? MISSING_VALUE : <Gain daily={a.daily} metric={key} days={days} />;
    };
  const projected = (a: ComparedAccount) => {
    const projection = projectFollowers(a.daily);
    return projection.kind === 'ok' ? formatCount(projection.followers.find((p) => p.days === 90)?.followers ?? null, locale) : <span className="text-xs text-muted">{t('tooLittleHistory')}</span>;
  };
  const lines: Line[] = [
    { key: 'followers', label: t('followers'), value: count('followers') },
    { key: 'following', label: t('following'), value: count('following') },
    { key: 'likes', label: t('likes'), value: count('hearts') },
    { key: 'videos', label: t('videos'), value: count('videos') },
    { key: 'engagement', label: t('engagement'), value: (a) => (a.engagementPercent === null ? MISSING_VALUE : formatPercent(a.engagementPercent, locale)) },
    { key: 'followers30', label: t('followers30'), value: gain('followers', 30) },
    { key: 'likes30', label: t('likes30'), value: gain('hearts', 30) },
    { key: 'videos30', label: t('videos30'), value: gain('videos', 30) },
    { key: 'projected90', label: t('projected90'), value: projected },
    { key: 'storedDays', label: t('storedDays'), value: (a) => formatCount(a.daily.length, locale) },
    { key: 'fetchedAt', label: t('fetchedAt'), value: (a) => (a.fetchedAt ? formatDate(a.fetchedAt, 'date', locale, 'UTC') : MISSING_VALUE) },
  ];
  return (
    <Card title={t('numbersTitle')}>
      <ScrollRegion label={t('numbersTitle')}>
        <table className="w-full min-w-[28rem] text-sm">
          <caption className="sr-only">{t('numbersCaption')}</caption>
          <thead>
            <tr>
              <td />
              {accounts.map((a, i) => (
                <th key={a.canonical} scope="col" className="py-2 pr-3 text-right align-bottom font-semibold">
                  <Link href={a.platform === 'tiktok' ? profilePath(locale, a.handle) : readerPath(locale, channelPublicPath(a))} className="inline-flex max-w-48 items-center justify-end gap-2 hover:underline">
                    <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: COMPARE_COLORS[i] }} />
                    <Avatar src={a.avatarUrl} name={a.nickname ?? a.handle} size={28} />
                    {a.platform === 'tiktok' ? <span className="min-w-0 truncate">{a.nickname ?? `@${a.handle}`}</span> : <ChannelLabel channel={a} />}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key} className="border-t border-line">
                <th scope="row" className="py-2 pr-3 text-left font-normal text-muted">{line.label}</th>
                {accounts.map((a) => (
                  <td key={a.canonical} className="py-2 pr-3 text-right tabular-nums">{line.value(a)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-xs text-muted">{t('numbersNote')}</p>
      {accounts.some((a) => a.platform === 'bilibili') && <p className="mt-1 text-xs text-muted">{t('bilibiliNote')}</p>}
    </Card>
  );
}
