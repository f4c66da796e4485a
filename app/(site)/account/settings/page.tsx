import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { listActiveSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { AccountSecurity } from './account-client';

export const metadata: Metadata = { title: 'Account settings' };

export default async function AccountSettingsPage() {
  const user = await requireUser('/account/settings');
  const sessions = await listActiveSessions(db, user.id, user.sid);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Account settings</h1>
      <Card title="Signed in as">
        <p className="text-sm wrap-anywhere">{user.email}</p>
      </Card>
      <AccountSecurity sessions={sessions} />
    </div>
  );
}
