import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Pager } from '@/app/[locale]/(site)/dashboard/_components/pager';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState, StatTile } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { getGifter } from '@/lib/dashboard/gifters';
import { getEnv } from '@/lib/env';
import { buildDiamondRate, estimateLiveEarnings } from '@/lib/stats/estimates';
import { formatCompact, formatCount, formatUsdRange } from '@/lib/stats/format';

export const metadata: Metadata = { title: 'Gifter' };

const giftsSearch = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' }) : '—');
const moment = (iso: string) => `${new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

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

  const name = gifter.nickname ?? gifter.handle ?? `Viewer ${gifter.viewerId}`;
  const base = `/dashboard/accounts/${account.id}`;
  const earnings = estimateLiveEarnings(gifter.diamonds, buildDiamondRate(getEnv().USD_PER_DIAMOND));

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`${base}/gifters`} className="text-muted hover:text-white">
          ← All gifters
        </Link>
      </p>
      <header className="flex items-center gap-3">
        <Avatar src={gifter.avatarUrl} name={name} size={56} />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-bold">{name}</h1>
          {gifter.handle && <p className="truncate text-sm text-muted">@{gifter.handle}</p>}
        </div>
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <StatTile label={`Diamonds to @${account.handle}`} value={formatCompact(gifter.diamonds)} hint={`≈ ${formatUsdRange(earnings)} for the streamer`} />
        <StatTile label="Gifts" value={formatCount(gifter.giftCount)} />
        <StatTile label="Lives attended" value={formatCount(gifter.livesAttended)} />
        <StatTile label="First seen" value={day(gifter.firstSeenAt)} />
        <StatTile label="Last seen" value={day(gifter.lastSeenAt)} />
      </dl>

      <Card title="Gifts, newest first" action={gifter.gifts.total > 0 ? <span className="text-sm text-muted">{formatCount(gifter.gifts.total)} in all</span> : undefined}>
        {gifter.gifts.total === 0 ? (
          <EmptyState title="No gifts yet">
            {name} has watched @{account.handle} but has not sent a gift.
          </EmptyState>
        ) : gifter.gifts.items.length === 0 ? (
          <EmptyState title="This page is past the end of the list">
            <Link href={`${base}/gifters/${gifter.viewerId}`} className="underline hover:text-white">Back to the newest gifts</Link>
          </EmptyState>
        ) : (
          <div className="-mx-1 overflow-x-auto px-1">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-2">When</th>
                  <th scope="col" className="py-2 pr-2">Gift</th>
                  <th scope="col" className="py-2 pr-2 text-right">Diamonds</th>
                  <th scope="col" className="hidden py-2 sm:table-cell">Live</th>
                </tr>
              </thead>
              <tbody>
                {gifter.gifts.items.map((g) => (
                  <tr key={g.id} className="border-t border-line">
                    <td className="py-2 pr-2 text-muted">
                      {moment(g.createdAt)}
                      {/* The live column is hidden on phones; its link moves here. */}
                      <Link href={`/dashboard/lives/${g.liveId}`} className="block text-xs hover:text-white hover:underline sm:hidden">
                        Live of {day(g.liveStartedAt)}
                      </Link>
                    </td>
                    <td className="py-2 pr-2">
                      {g.giftName}
                      {g.repeatCount > 1 && <span className="text-muted"> ×{g.repeatCount}</span>}
                    </td>
                    <td className="py-2 pr-2 text-right tabular-nums text-accent-2">{formatCount(g.diamonds)}</td>
                    <td className="hidden py-2 sm:table-cell">
                      <Link href={`/dashboard/lives/${g.liveId}`} className="text-muted hover:text-white hover:underline">
                        Live of {day(g.liveStartedAt)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={gifter.gifts.page} pages={gifter.gifts.pages} makeHref={(p) => `${base}/gifters/${gifter.viewerId}?page=${p}`} label="Gift pages" />
      </Card>
    </div>
  );
}
