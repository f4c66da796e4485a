import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { requireManagedAccount } from '@/lib/dashboard/access';
import { getLiveNow } from '@/lib/dashboard/live-now';
import { getPublicRealtimeConfig } from '@/lib/realtime/config';
import { LiveNowClient } from './_components/live-now-client';

export const dynamic = 'force-dynamic';

export default async function LiveNowPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const user = await requireUser(`/dashboard/accounts/${accountId}`);
  const account = await requireManagedAccount(db, user.id, accountId).catch(() => null);
  if (!account) notFound();
  const initial = await getLiveNow(db, account.id);
  return <LiveNowClient accountId={account.id} initial={initial} realtime={getPublicRealtimeConfig()} />;
}
