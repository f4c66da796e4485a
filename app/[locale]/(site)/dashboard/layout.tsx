import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DisplayProvider } from '@/components/site/display';
import type { ReactNode } from 'react';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { demoModeEnabled, getEnv } from '@/lib/env';
import { readerDisplay } from '@/lib/i18n/display';
import { listUserWorkspaces } from '@/lib/workspaces/context';
import { DashboardNav } from './_components/dashboard-nav';
import { WorkspaceSwitcher } from './_components/workspace-switcher';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: { default: t('title'), template: `%s · ${t('title')} · LiveLens` } };
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, ws } = await requireWorkspace('/dashboard');
  const [workspaces, t, display] = await Promise.all([listUserWorkspaces(db, user.id, ws.workspaceId), getTranslations('dashboard'), getLocale().then(readerDisplay)]);
  const inbox = getEnv().LIVELENS_MAIL_INBOX_URL;
  return (
    <DisplayProvider settings={display}>
      <div className="flex flex-col gap-4">
        <WorkspaceSwitcher workspaces={workspaces} />
        <DashboardNav />
        {children}
        {demoModeEnabled() && inbox && (
          <p className="border-t border-line pt-3 text-xs text-muted">
            {t.rich('demoMail', {
              inbox: (chunks) => (
                <a href={inbox} className="underline hover:text-white" target="_blank" rel="noreferrer">
                  {chunks}
                </a>
              ),
            })}
          </p>
        )}
      </div>
    </DisplayProvider>
  );
}
