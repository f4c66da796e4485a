import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Card, EmptyState } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { listManagedAccounts } from '@/lib/dashboard/accounts';
import { appUrl } from '@/lib/env';
import { listOverlays } from '@/lib/overlays/manage';
import { CreateOverlayForm } from './_components/create-overlay-form';
import { ObsSizeTable, ObsSteps } from './_components/obs-guide';
import { OverlayList } from './_components/overlay-list';

export const metadata: Metadata = { title: 'Overlays' };
export const dynamic = 'force-dynamic';

const overlaysSearch = z.object({ account: z.string().max(64).optional().catch(undefined) });

export default async function OverlaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ws } = await requireWorkspace('/dashboard/overlays');
  const [{ account }, accounts, overlays] = await Promise.all([searchParams.then((s) => overlaysSearch.parse(s)), listManagedAccounts(db, ws.workspaceId), listOverlays(db, ws.workspaceId)]);

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">Overlays</h1>
          <p className="text-sm text-muted">Gift alerts, leaderboards, goals and more for OBS: each one is a web address you add as a browser source.</p>
        </div>
        {accounts.length > 0 && overlays.length > 0 && (
          <a href="#new-overlay" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-accent px-4 font-semibold hover:opacity-90">
            New overlay
          </a>
        )}
      </header>

      {accounts.length === 0 ? (
        <EmptyState title="Add an account first">
          Overlays show what happens on the LIVEs of an account you manage.{' '}
          <Link href="/dashboard" className="font-semibold text-white underline">
            Add your TikTok account on the dashboard
          </Link>
          , then come back here.
        </EmptyState>
      ) : overlays.length === 0 ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title="No overlays yet" className="lg:col-span-2">
            <p className="mb-3 text-sm text-muted">
              An overlay is a small web page that shows your LIVE’s gifts, top fans or goal on top of your stream. LiveLens keeps it up to date as things happen; you place it in your streaming app once.
            </p>
            <ObsSteps />
            <p className="mt-3 text-sm text-muted">Create your first one below — you can change how it looks at any time, and OBS picks up the changes by itself.</p>
          </Card>
          <Card title="Sizes for OBS">
            <ObsSizeTable />
          </Card>
        </div>
      ) : (
        <OverlayList overlays={overlays} fallbackOrigin={appUrl()} />
      )}

      {accounts.length > 0 && (
        <section id="new-overlay" aria-labelledby="new-overlay-title" className="scroll-mt-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
          <h2 id="new-overlay-title" className="mb-3 text-base font-semibold">
            New overlay
          </h2>
          <CreateOverlayForm key={account ?? ''} accounts={accounts.map((a) => ({ id: a.id, handle: a.handle, nickname: a.nickname }))} initialAccountId={account} />
        </section>
      )}
    </div>
  );
}
