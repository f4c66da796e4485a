import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { getLiveNow } from '@/lib/dashboard/live-now';
import { channelName } from '@/lib/platforms/naming';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { LiveNowClient } from './_components/live-now-client';

export const dynamic = 'force-dynamic';

export default async function LiveNowPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch(() => null);
  if (!account) notFound();
  const [initial, t] = await Promise.all([getLiveNow(db, account.id), getTranslations('dashboard')]);
  return (
    <>
      {/* The page's heading for screen readers; sighted users read the same in the selected tab above. */}
      <h1 className="sr-only">{`${channelName(account)} · ${t('account.liveNow')}`}</h1>
      <LiveNowClient accountId={account.id} initial={initial} realtime={getPublicRealtimeConfig()} />
    </>
  );
}
