import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DisplayProvider } from '@/components/site/display';
import { requireUser } from '@/lib/auth/session';
import { listActiveSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { readerDisplay } from '@/lib/i18n/display';
import { AccountEmail, AccountSecurity } from './account-client';
import { AccountRegion } from './region-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('settings.title') };
}

export default async function AccountSettingsPage() {
  const user = await requireUser('/account/settings');
  const t = await getTranslations('account');
  const [sessions, account, display] = await Promise.all([
    listActiveSessions(db, user.id, user.sid),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, emailVerifiedAt: true, pendingEmail: true, timeZone: true, currency: true } }),
    getLocale().then(readerDisplay),
  ]);
  return (
    <DisplayProvider settings={display}>
      <div className="mx-auto flex max-w-2xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
        <AccountEmail email={account.email} verified={account.emailVerifiedAt !== null} pending={account.pendingEmail} />
        <AccountRegion saved={{ timeZone: account.timeZone, currency: account.currency }} />
        <AccountSecurity sessions={sessions} />
      </div>
    </DisplayProvider>
  );
}
