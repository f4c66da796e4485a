import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { listInvites } from '@/lib/workspaces/invites';
import { listMembers } from '@/lib/workspaces/manage';
import { hasRole, ROLE_LABELS, WORKSPACE_ROLES } from '@/lib/workspaces/roles';
import { WorkspaceSettings } from './workspace-client';

export const metadata: Metadata = { title: 'Workspace' };

export default async function WorkspacePage() {
  const { ws } = await requireWorkspace('/dashboard/workspace');
  const isAdmin = hasRole(ws.role, 'ADMIN');
  const [members, invites] = await Promise.all([listMembers(db, ws), isAdmin ? listInvites(db, ws) : []]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold wrap-anywhere">{ws.name}</h1>
        <p className="text-sm text-muted">
          {ws.personal ? 'Your personal workspace. ' : 'A team workspace. '}
          Accounts, overlays, games and clusters here are seen by its members only. You are {ROLE_LABELS[ws.role].name.toLowerCase()}.
        </p>
      </div>
      <WorkspaceSettings workspace={{ id: ws.workspaceId, name: ws.name, personal: ws.personal, role: ws.role }} members={members} invites={invites} />
      <Card title="Roles">
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {WORKSPACE_ROLES.map((role) => (
            <div key={role} className="rounded-lg bg-panel-2 p-3">
              <dt className="font-semibold">{ROLE_LABELS[role].name}</dt>
              <dd className="text-muted">{ROLE_LABELS[role].can}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
