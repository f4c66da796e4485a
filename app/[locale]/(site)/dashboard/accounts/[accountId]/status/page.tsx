import { notFound } from 'next/navigation';
import { Card, StatTile } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { formatCount } from '@/lib/stats/format';
import { StatusActions } from './status-actions';

export const dynamic = 'force-dynamic';

const STATE: Record<string, string> = { OFFLINE: 'Offline (not live)', CHECKING: 'Checking whether it is live', CONNECTING: 'Connecting to the live room', LIVE: 'Connected to the live room', BACKING_OFF: 'Backing off after errors' };
const when = (date: Date | null | undefined) => (date ? date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC' : '—');

export default async function MonitoringPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const { ws } = await requireWorkspace(`/dashboard/accounts/${accountId}/status`);
  const account = await requireWatchedAccount(db, ws.workspaceId, accountId).catch(() => null);
  if (!account) notFound();
  const [tracked, managed] = await Promise.all([
    db.trackedAccount.findUnique({ where: { accountId }, include: { lease: true } }),
    db.workspaceAccount.findUniqueOrThrow({ where: { workspaceId_accountId: { workspaceId: ws.workspaceId, accountId } } }),
  ]);
  const worker = tracked?.lease ? await db.workerHeartbeat.findUnique({ where: { workerId: tracked.lease.workerId } }) : null;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Monitoring" className="lg:col-span-2">
        {!tracked ? (
          <p className="text-muted">This account is not tracked.</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <StatTile label="State" value={<span data-testid="monitor-state">{STATE[tracked.state] ?? tracked.state}</span>} hint={`since ${when(tracked.stateSince)}`} />
              <StatTile label="Events received" value={formatCount(Number(tracked.eventsReceived))} />
              <StatTile label="Errors" value={formatCount(tracked.errorCount)} hint={tracked.lastErrorAt ? `last ${when(tracked.lastErrorAt)}` : undefined} />
              <StatTile label="Next check" value={tracked.state === 'LIVE' ? 'while live: none' : when(tracked.nextCheckAt)} />
              <StatTile label="Worker" value={tracked.lease ? <span className="break-all text-sm">{tracked.lease.workerId}</span> : 'none yet'} hint={worker ? `heartbeat ${when(worker.lastSeenAt)}` : tracked.enabled ? 'waiting for a worker to pick it up' : 'tracking is off'} />
              <StatTile label="Source" value={tracked.source === 'replay' ? 'demo replay' : 'TikTok'} />
            </dl>
            {tracked.lastError && (
              <div className="mt-3">
                <h3 className="text-sm font-semibold text-muted">Last error</h3>
                <pre className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-panel-2 p-2 text-xs">{tracked.lastError}</pre>
              </div>
            )}
          </>
        )}
      </Card>
      <StatusActions accountId={accountId} handle={account.handle} verificationCode={managed.verificationCode} verified={managed.verifiedAt !== null} tracked={Boolean(tracked?.enabled)} />
    </div>
  );
}
