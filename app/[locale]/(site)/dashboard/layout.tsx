import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { demoModeEnabled, getEnv } from '@/lib/env';
import { listUserWorkspaces } from '@/lib/workspaces/context';
import { DashboardNav } from './_components/dashboard-nav';
import { WorkspaceSwitcher } from './_components/workspace-switcher';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s · Dashboard · LiveLens' } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, ws } = await requireWorkspace('/dashboard');
  const workspaces = await listUserWorkspaces(db, user.id, ws.workspaceId);
  return (
    <div className="flex flex-col gap-4">
      <WorkspaceSwitcher workspaces={workspaces} />
      <DashboardNav />
      {children}
      {demoModeEnabled() && getEnv().LIVELENS_MAIL_INBOX_URL && (
        <p className="border-t border-line pt-3 text-xs text-muted">
          Demo mode: mail is not delivered but kept in the{' '}
          <a href={getEnv().LIVELENS_MAIL_INBOX_URL} className="underline hover:text-white" target="_blank" rel="noreferrer">
            local mail inbox
          </a>
          .
        </p>
      )}
    </div>
  );
}
