import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { listChannels } from '@/lib/notifications/channels';
import { listRules } from '@/lib/notifications/rules';
import { listMembers } from '@/lib/workspaces/manage';
import { NotificationSettings } from './notifications-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

export default async function NotificationsPage() {
  const { ws } = await requireWorkspace('/dashboard/notifications');
  const t = await getTranslations('notifications');
  const [channels, rules, members] = await Promise.all([listChannels(db, ws.workspaceId, await getLocale()), listRules(db, ws.workspaceId), listMembers(db, ws)]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('intro')}</p>
      </div>
      <NotificationSettings channels={channels} rules={rules} members={members.map((m) => ({ userId: m.userId, email: m.email, you: m.you }))} />
    </div>
  );
}
