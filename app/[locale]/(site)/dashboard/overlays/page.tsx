import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Card, EmptyState } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { listManagedAccounts } from '@/lib/dashboard/accounts';
import { appUrl } from '@/lib/env';
import { listOverlays } from '@/lib/overlays/manage';
import { CreateOverlayForm } from './_components/create-overlay-form';
import { ImportOverlayForm } from './_components/import-overlay-form';
import { ObsSizeTable, ObsSteps } from './_components/obs-guide';
import { OverlayList } from './_components/overlay-list';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overlayEditor');
  return { title: t('list.title') };
}

export const dynamic = 'force-dynamic';

const overlaysSearch = z.object({ account: z.string().max(64).optional().catch(undefined) });

export default async function OverlaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ws } = await requireWorkspace('/dashboard/overlays');
  const [{ account }, accounts, overlays] = await Promise.all([searchParams.then((s) => overlaysSearch.parse(s)), listManagedAccounts(db, ws.workspaceId), listOverlays(db, ws.workspaceId)]);
  const t = await getTranslations('overlayEditor');
  const tMedia = await getTranslations('media');
  const tThemes = await getTranslations('overlayThemes');

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">{t('list.title')}</h1>
          <p className="text-sm text-muted">{t('list.intro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/dashboard/media" className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
            {tMedia('fromOverlays')}
          </Link>
          {accounts.length > 0 && overlays.length > 0 && (
            <a href="#new-overlay" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-accent-strong px-4 font-semibold hover:opacity-90">
              {t('list.newOverlay')}
            </a>
          )}
        </div>
      </header>

      {accounts.length === 0 ? (
        <EmptyState title={t('list.noAccountTitle')}>
          {t.rich('list.noAccount', {
            link: (chunks) => (
              <Link href="/dashboard" className="font-semibold text-white underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : overlays.length === 0 ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title={t('list.emptyTitle')} className="lg:col-span-2">
            <p className="mb-3 text-sm text-muted">{t('list.emptyIntro')}</p>
            <ObsSteps />
            <p className="mt-3 text-sm text-muted">{t('list.emptyOutro')}</p>
          </Card>
          <Card title={t('list.sizesTitle')}>
            <ObsSizeTable />
          </Card>
        </div>
      ) : (
        <OverlayList overlays={overlays} fallbackOrigin={appUrl()} />
      )}

      {accounts.length > 0 && (
        <section id="new-overlay" aria-labelledby="new-overlay-title" className="scroll-mt-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
          <h2 id="new-overlay-title" className="mb-3 text-base font-semibold">
            {t('list.newOverlay')}
          </h2>
          <CreateOverlayForm key={account ?? ''} accounts={accounts.map((a) => ({ id: a.id, platform: a.platform, handle: a.handle, nickname: a.nickname }))} initialAccountId={account} />
        </section>
      )}

      {accounts.length > 0 && (
        <section id="import-overlay" aria-labelledby="import-overlay-title" className="scroll-mt-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
          <h2 id="import-overlay-title" className="mb-3 text-base font-semibold">
            {tThemes('import.title')}
          </h2>
          <ImportOverlayForm accounts={accounts.map((a) => ({ id: a.id, platform: a.platform, handle: a.handle, nickname: a.nickname }))} />
        </section>
      )}
    </div>
  );
}
