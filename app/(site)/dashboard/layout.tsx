import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { DashboardNav } from './_components/dashboard-nav';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s · Dashboard · LiveLens' } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser('/dashboard');
  return (
    <div className="flex flex-col gap-4">
      <DashboardNav />
      {children}
    </div>
  );
}
