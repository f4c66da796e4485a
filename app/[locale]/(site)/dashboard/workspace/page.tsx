import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { listInvites } from '@/lib/workspaces/invites';
import { listMembers } from '@/lib/workspaces/manage';
import { hasRole, WORKSPACE_ROLES } from '@/lib/workspaces/roles';
import { roleText } from '../_components/role-text';
import { WorkspaceSettings } from './workspace-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workspace');
  return { title: t('metaTitle') };
}

export default async function WorkspacePage() {
  const { ws } = await requireWorkspace('/dashboard/workspace');
  const t = await getTranslations('workspace');
  const isAdmin = hasRole(ws.role, 'ADMIN');
  const [members, invites] = await Promise.all([listMembers(db, ws), isAdmin ? listInvites(db, ws) : []]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold wrap-anywhere">{ws.name}</h1>
        <p className="text-sm text-muted">{t('intro', { kind: ws.personal ? 'personal' : 'team', role: ws.role })}</p>
      </div>
      <WorkspaceSettings workspace={{ id: ws.workspaceId, name: ws.name, personal: ws.personal, role: ws.role }} members={members} invites={invites} />
      <Card title={t('rolesTitle')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {WORKSPACE_ROLES.map((role) => (
            <div key={role} className="rounded-lg bg-panel-2 p-3">
              <dt className="font-semibold">{roleText(t, role).name}</dt>
              <dd className="text-muted">{roleText(t, role).can}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
