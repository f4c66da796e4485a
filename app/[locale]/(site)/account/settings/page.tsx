import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listActiveSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { AccountEmail, AccountSecurity } from './account-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('settings.title') };
}

export default async function AccountSettingsPage() {
  const user = await requireUser('/account/settings');
  const t = await getTranslations('account');
  const [sessions, account] = await Promise.all([
    listActiveSessions(db, user.id, user.sid),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, emailVerifiedAt: true, pendingEmail: true } }),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      <AccountEmail email={account.email} verified={account.emailVerifiedAt !== null} pending={account.pendingEmail} />
      <AccountSecurity sessions={sessions} />
    </div>
  );
}
