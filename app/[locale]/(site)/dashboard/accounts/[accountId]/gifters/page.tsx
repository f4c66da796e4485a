import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { GIFTER_PERIODS, gifterLeaderboard, type GifterPeriod } from '@/lib/dashboard/gifters';
import { readerFormat } from '@/lib/i18n/display';
import { VALUE_UNIT } from '@/lib/platforms/units';
import { channelName, viewerHandleText } from '@/lib/platforms/naming';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { Pager } from '@/app/[locale]/(site)/dashboard/_components/pager';
import { PeriodTabs } from '@/app/[locale]/(site)/dashboard/_components/period-tabs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('gifters.title') };
}

// Bad values in the address fall back to the defaults rather than failing the page.
const leaderboardSearch = z.object({
  period: z.enum(GIFTER_PERIODS).catch('7d'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function GiftersPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}/gifters`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!account) notFound();

  const raw = await searchParams;
  const { period, page } = leaderboardSearch.parse({ period: raw.period, page: raw.page });
  const [board, t, display] = await Promise.all([gifterLeaderboard(db, account.id, { period, page }), getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const { locale } = display;
  const base = `/dashboard/accounts/${account.id}/gifters`;
  const href = (p: { period?: GifterPeriod; page?: number }) => `${base}?${new URLSearchParams({ period: p.period ?? period, page: String(p.page ?? 1) }).toString()}`;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">{t('gifters.title')}</h1>
          <p className="text-sm text-muted">{t('gifters.intro', { channel: channelName(account), unit: VALUE_UNIT[account.platform], period, zone: display.zoneLabel })}</p>
        </div>
        <PeriodTabs periods={GIFTER_PERIODS.map((value) => ({ value, label: t('gifters.tab', { period: value }) }))} current={period} makeHref={(p) => href({ period: p })} />
      </header>

      <Card title={t('gifters.cardTitle', { period })} action={board.total > 0 ? <span className="text-sm text-muted">{t('gifters.count', { count: board.total })}</span> : undefined}>
        {board.total === 0 ? (
          <EmptyState title={t('gifters.emptyTitle', { period })}>
            {period === 'all' ? (
              t('gifters.emptyAll')
            ) : (
              <Link href={href({ period: 'all' })} className="underline hover:text-white">
                {t('gifters.seeAll')}
              </Link>
            )}
          </EmptyState>
        ) : board.items.length === 0 ? (
          <EmptyState title={t('pastEnd')}>
            <Link href={href({ page: 1 })} className="underline hover:text-white">{t('firstPage')}</Link>
          </EmptyState>
        ) : (
          <ScrollRegion label={t('gifters.cardTitle', { period })} className="-mx-1 px-1">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">#</th>
                  <th scope="col" className="py-2 pr-2">{t('gifters.gifter')}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{account.platform === 'bilibili' ? t('stats.gold') : t('stats.diamonds')}</th>
                  <th scope="col" className="hidden py-2 pr-2 text-right sm:table-cell">{t('stats.gifts')}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{t('stats.lives')}</th>
                  <th scope="col" className="hidden py-2 pr-2 md:table-cell">{t('stats.firstSeen')}</th>
                  <th scope="col" className="hidden py-2 md:table-cell">{t('stats.lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {board.items.map((g) => {
                  const name = g.nickname ?? g.handle ?? t('viewer', { id: g.viewerId });
                  const handle = viewerHandleText(account.platform, g.handle);
                  return (
                    <tr key={g.viewerId} className="border-t border-line">
                      <td className="py-2 pr-2 text-muted tabular-nums">{g.rank}</td>
                      <td className="py-2 pr-2">
                        <Link href={`${base}/${g.viewerId}`} className="flex min-w-0 items-center gap-2 hover:underline">
                          <Avatar src={g.avatarUrl} name={name} size={28} />
                          <span className="min-w-0">
                            <span className="block max-w-[10rem] truncate sm:max-w-xs">{name}</span>
                            {handle && <span className="block max-w-[10rem] truncate text-xs text-muted sm:max-w-xs">{handle}</span>}
                          </span>
                        </Link>
                      </td>
                      <td className="py-2 pr-2 text-right tabular-nums text-accent-2" title={formatCount(g.diamonds, locale)}>
                        {formatCompact(g.diamonds, locale)}
                      </td>
                      <td className="hidden py-2 pr-2 text-right tabular-nums sm:table-cell">{formatCount(g.gifts, locale)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{formatCount(g.livesAttended, locale)}</td>
                      <td className="hidden py-2 pr-2 text-muted md:table-cell">{display.date(g.firstSeenAt, 'date')}</td>
                      <td className="hidden py-2 text-muted md:table-cell">{display.date(g.lastSeenAt, 'date')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pager page={board.page} pages={board.pages} makeHref={(p) => href({ page: p })} label={t('gifters.pages')} />
      </Card>
    </div>
  );
}
