import type { Metadata } from 'next';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { listChannels } from '@/lib/notifications/channels';
import { listRules } from '@/lib/notifications/rules';
import { listMembers } from '@/lib/workspaces/manage';
import { NotificationSettings } from './notifications-client';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const { ws } = await requireWorkspace('/dashboard/notifications');
  const [channels, rules, members] = await Promise.all([listChannels(db, ws.workspaceId), listRules(db, ws.workspaceId), listMembers(db, ws)]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Notifications</h1>
        <p className="text-sm text-muted">Be told when an account of this workspace goes live, when the LIVE ends (with its summary), and when gifts suddenly pour in. Every channel gets every event its accounts’ rules ask for.</p>
      </div>
      <NotificationSettings channels={channels} rules={rules} members={members.map((m) => ({ userId: m.userId, email: m.email, you: m.you }))} />
    </div>
  );
}
