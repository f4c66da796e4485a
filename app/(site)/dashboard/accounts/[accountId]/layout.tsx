import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { requireManagedAccount } from '@/lib/dashboard/access';
import { AccountTabs } from './_components/account-tabs';

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const user = await requireUser(`/dashboard/accounts/${accountId}`);
  const account = await requireManagedAccount(db, user.id, accountId).catch(() => null);
  if (!account) notFound();
  return (
    <div className="flex flex-col gap-4">
      <AccountTabs accountId={account.id} handle={account.handle} />
      {children}
    </div>
  );
}
