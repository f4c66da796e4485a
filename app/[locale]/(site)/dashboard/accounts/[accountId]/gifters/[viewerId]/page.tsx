import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Pager } from '@/app/[locale]/(site)/dashboard/_components/pager';
import { MoneyNote } from '@/components/site/money-note';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState, StatTile } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { getGifter } from '@/lib/dashboard/gifters';
import { estimateValueUsd } from '@/lib/dashboard/value';
import { readerFormat } from '@/lib/i18n/display';
import { channelName, viewerHandleText } from '@/lib/platforms/naming';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange } from '@/lib/stats/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('gifter.title') };
}

const giftsSearch = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

type Props = { params: Promise<{ accountId: string; viewerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GifterPage({ params, searchParams }: Props) {
  const { accountId, viewerId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}/gifters/${viewerId}`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!account) notFound();

  const { page } = giftsSearch.parse({ page: (await searchParams).page });
  const gifter = await getGifter(db, account.id, viewerId, { page }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!gifter) notFound();

  const [t, display] = await Promise.all([getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const { locale } = display;
  const name = gifter.nickname ?? gifter.handle ?? t('viewer', { id: gifter.viewerId });
  const base = `/dashboard/accounts/${account.id}`;
  const channel = channelName(account);
  const gold = account.platform === 'bilibili';
  const handle = viewerHandleText(account.platform, gifter.handle);
  // gifter.diamonds is in the channel's unit: Bilibili's gold has its own rate.
  const earnings = estimateValueUsd(account.platform, gifter.diamonds);
  // The message already marks the amount as approximate; a converted amount's own "≈" would repeat it.
  const forStreamer = formatMoneyRange(earnings, display.money).replace(/^≈/, '');

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`${base}/gifters`} className="text-muted hover:text-white">
          {t('gifter.back')}
        </Link>
      </p>
      <header className="flex items-center gap-3">
        <Avatar src={gifter.avatarUrl} name={name} size={56} />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-bold">{name}</h1>
          {handle && <p className="truncate text-sm text-muted">{handle}</p>}
        </div>
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <StatTile
          label={gold ? t('gifter.goldTo', { channel }) : t('gifter.diamondsTo', { channel })}
          value={formatCompact(gifter.diamonds, locale)}
          hint={gold ? `${t('value.paid', { amount: formatGoldPaid(gifter.diamonds, locale) })} · ${t('gifter.forStreamer', { amount: forStreamer })}` : t('gifter.forStreamer', { amount: forStreamer })}
        />
        <StatTile label={t('stats.gifts')} value={formatCount(gifter.giftCount, locale)} />
        <StatTile label={t('gifter.livesAttended')} value={formatCount(gifter.livesAttended, locale)} />
        <StatTile label={t('stats.firstSeen')} value={display.date(gifter.firstSeenAt, 'date')} />
        <StatTile label={t('stats.lastSeen')} value={display.date(gifter.lastSeenAt, 'date')} />
      </dl>
      <MoneyNote className="-mt-2 text-xs text-muted" />

      <Card title={t('gifter.giftsTitle')} action={gifter.gifts.total > 0 ? <span className="text-sm text-muted">{t('gifter.total', { count: formatCount(gifter.gifts.total, locale), zone: display.zoneLabel })}</span> : undefined}>
        {gifter.gifts.total === 0 ? (
          <EmptyState title={t('gifter.emptyTitle')}>{t('gifter.empty', { name, channel })}</EmptyState>
        ) : gifter.gifts.items.length === 0 ? (
          <EmptyState title={t('pastEnd')}>
            <Link href={`${base}/gifters/${gifter.viewerId}`} className="underline hover:text-white">{t('gifter.newest')}</Link>
          </EmptyState>
        ) : (
          <ScrollRegion label={t('gifter.giftsTitle')} className="-mx-1 px-1">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">{t('gifter.when')}</th>
                  <th scope="col" className="py-2 pr-2">{t('gifter.gift')}</th>
                  <th scope="col" className="py-2 pr-2 text-right">{gold ? t('stats.gold') : t('stats.diamonds')}</th>
                  <th scope="col" className="hidden py-2 sm:table-cell">{t('gifter.live')}</th>
                </tr>
              </thead>
              <tbody>
                {gifter.gifts.items.map((g) => (
                  <tr key={g.id} className="border-t border-line">
                    <td className="py-2 pr-2 text-muted">
                      {display.date(g.createdAt, 'dateTime')}
                      {/* The live column is hidden on phones; its link moves here. */}
                      <Link href={`/dashboard/lives/${g.liveId}`} className="block text-xs hover:text-white hover:underline sm:hidden">
                        {t('gifter.liveOf', { date: display.date(g.liveStartedAt, 'date') })}
                      </Link>
                    </td>
                    <td className="py-2 pr-2">
                      {g.giftName}
                      {g.repeatCount > 1 && <span className="text-muted"> ×{g.repeatCount}</span>}
                    </td>
                    <td className="py-2 pr-2 text-right tabular-nums text-accent-2">{formatCount(g.diamonds, locale)}</td>
                    <td className="hidden py-2 sm:table-cell">
                      <Link href={`/dashboard/lives/${g.liveId}`} className="text-muted hover:text-white hover:underline">
                        {t('gifter.liveOf', { date: display.date(g.liveStartedAt, 'date') })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pager page={gifter.gifts.page} pages={gifter.gifts.pages} makeHref={(p) => `${base}/gifters/${gifter.viewerId}?page=${p}`} label={t('gifter.pages')} />
      </Card>
    </div>
  );
}
