import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { listManagedAccounts } from '@/lib/dashboard/accounts';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { AddAccountForm } from './_components/add-account-form';

export const dynamic = 'force-dynamic';

const STATE: Record<string, string> = { OFFLINE: 'offline', CHECKING: 'checking…', CONNECTING: 'connecting…', LIVE: 'live', BACKING_OFF: 'backing off' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ handle?: string }> }) {
  const { ws } = await requireWorkspace('/dashboard');
  const [{ handle }, accounts] = await Promise.all([searchParams, listManagedAccounts(db, ws.workspaceId)]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">Your accounts</h1>
          <p className="text-muted">LiveLens watches these accounts and records every live.</p>
        </div>
      </div>
      <Card title="Add an account">
        <AddAccountForm initialHandle={handle ?? ''} />
      </Card>
      {accounts.length === 0 ? (
        <EmptyState title="No accounts yet">Add the TikTok accounts you manage above; their lives appear here as soon as they go live.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {accounts.map((a) => (
            <li key={a.id}>
              <Link href={`/dashboard/accounts/${a.id}`} className="flex h-full flex-col gap-3 rounded-xl border border-line bg-panel p-4 hover:border-accent-2">
                <div className="flex items-center gap-3">
                  <Avatar src={a.avatarUrl} name={a.nickname ?? a.handle} size={44} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-semibold">{a.nickname ?? a.handle}</p>
                    <p className="flex min-w-0 items-center gap-1.5 text-sm text-muted">
                      <span className="truncate">@{a.handle}</span>
                      {a.ownershipVerified && (
                        <span className="shrink-0 rounded-full border border-emerald-400/60 px-1.5 text-xs text-emerald-200" title="This workspace proved it owns the account with a code in its TikTok bio.">
                          ✓ verified owner
                        </span>
                      )}
                    </p>
                  </div>
                  {a.liveNow ? <span className="animate-pulse rounded-full bg-accent px-2 py-0.5 text-xs font-semibold">● LIVE</span> : <span className="text-xs text-muted">{STATE[a.state ?? ''] ?? 'not tracked'}</span>}
                </div>
                <p className="text-sm text-muted">
                  {a.followers !== null && `${formatCompact(a.followers)} followers · `}
                  {a.liveNow ? `💎 ${formatCount(a.liveNow.diamonds)} this live` : a.lastLiveAt ? `last live ${new Date(a.lastLiveAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}` : 'no lives yet'}
                  {!a.ownershipVerified && ' · ownership not confirmed'}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
