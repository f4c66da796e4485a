import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { MoneyNote } from '@/components/site/money-note';
import { Card, EmptyState } from '@/components/ui/card';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { LIVE_SORTS, listLives } from '@/lib/dashboard/lives';
import { readerFormat } from '@/lib/i18n/display';
import { channelName } from '@/lib/platforms/naming';
import { formatCount } from '@/lib/stats/format';
import { LivesTable } from './_components/lives-table';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('lives.title') };
}

// Bad values in the URL fall back to the defaults rather than failing the page.
const livesQuery = z.object({
  sort: z.enum(LIVE_SORTS).catch('started'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type Search = Record<string, string | string[] | undefined>;

export default async function LivesPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<Search> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}/lives`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!account) notFound();

  const raw = await searchParams;
  const query = livesQuery.parse({ sort: raw.sort, dir: raw.dir, page: raw.page });
  const [lives, t, display] = await Promise.all([listLives(db, account.id, query), getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const channel = channelName(account);
  const title = t('lives.cardTitle', { channel });

  return (
    <Card headingLevel={1} title={title} action={lives.total > 0 ? <span className="text-xs text-muted">{t('lives.total', { count: formatCount(lives.total, display.locale), zone: display.zoneLabel })}</span> : undefined}>
      {lives.total === 0 ? (
        <EmptyState title={t('lives.emptyTitle')}>{t('lives.empty', { channel })}</EmptyState>
      ) : (
        <>
          <LivesTable accountId={account.id} platform={account.platform} label={title} lives={lives} sort={query.sort} dir={query.dir} display={display} />
          <MoneyNote className="mt-3 text-xs text-muted" />
        </>
      )}
    </Card>
  );
}
