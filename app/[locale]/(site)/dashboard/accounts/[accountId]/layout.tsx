import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { AccountTabs } from './_components/account-tabs';

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch(() => null);
  if (!account) notFound();
  return (
    <div className="flex flex-col gap-4">
      <AccountTabs accountId={account.id} channel={{ platform: account.platform, handle: account.handle, nickname: account.nickname }} />
      {children}
    </div>
  );
}
