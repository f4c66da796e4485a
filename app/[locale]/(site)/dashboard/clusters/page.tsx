import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { CLUSTER_NAME_MAX, listClusterCandidates, listClusters } from '@/lib/dashboard/clusters';
import { channelName } from '@/lib/platforms/naming';
import { CreateClusterForm } from './clusters-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clusters');
  return { title: t('title') };
}

export default async function ClustersPage() {
  const { ws } = await requireWorkspace('/dashboard/clusters');
  const t = await getTranslations('clusters');
  const [clusters, accounts] = await Promise.all([listClusters(db, ws.workspaceId), listClusterCandidates(db, ws.workspaceId)]);

  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('intro')}</p>
      </header>

      {accounts.length === 0 ? (
        <EmptyState title={t('noAccountsTitle')}>
          {t.rich('noAccounts', {
            link: (chunks) => (
              <Link href="/dashboard" className="underline hover:text-white">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        // grid-cols-1: a long cluster name (truncated, so nowrap) must not widen the column past a phone.
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <Card title={t('yours')} className="lg:col-span-2">
            {clusters.length === 0 ? (
              <EmptyState title={t('noClustersTitle')}>
                {t.rich('noClusters', {
                  below: (chunks) => <span className="lg:hidden">{chunks}</span>,
                  beside: (chunks) => <span className="hidden lg:inline">{chunks}</span>,
                })}
              </EmptyState>
            ) : (
              <ul className="flex flex-col gap-2">
                {clusters.map((cluster) => (
                  <li key={cluster.id}>
                    <Link href={`/dashboard/clusters/${cluster.id}`} className="flex flex-col gap-2 rounded-lg bg-panel-2 p-3 hover:ring-1 hover:ring-line sm:flex-row sm:items-center sm:justify-between">
                      <span className="min-w-0">
                        <span className="block truncate font-semibold">{cluster.name}</span>
                        <span className="block text-xs text-muted">
                          {cluster.accounts.length === 0 ? t('noMembers') : t('members', { count: cluster.accounts.length, handles: cluster.accounts.map(channelName).join(', ') })}
                        </span>
                      </span>
                      <span className="flex -space-x-2" aria-hidden>
                        {cluster.accounts.slice(0, 6).map((a) => (
                          <Avatar key={a.accountId} src={a.avatarUrl} name={a.nickname ?? a.handle} size={28} />
                        ))}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('new')}>
            <CreateClusterForm accounts={accounts.map((a) => ({ id: a.accountId, platform: a.platform, handle: a.handle, nickname: a.nickname }))} maxNameLength={CLUSTER_NAME_MAX} />
          </Card>
        </div>
      )}
    </div>
  );
}
