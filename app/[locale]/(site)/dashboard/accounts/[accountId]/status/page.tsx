import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TimesIn } from '@/components/site/money-note';
import { Card, StatTile } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { readerFormat } from '@/lib/i18n/display';
import { formatCount } from '@/lib/stats/format';
import { StatusActions } from './status-actions';

export const dynamic = 'force-dynamic';

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
  const [t, display] = await Promise.all([getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const at = (date: Date | null | undefined) => display.date(date, 'dateTimeSeconds');
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card headingLevel={1} title={t('monitoring.title')} action={tracked ? <TimesIn /> : undefined} className="lg:col-span-2">
        {!tracked ? (
          <p className="text-muted">{t('monitoring.notTracked')}</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              <StatTile label={t('monitoring.state')} value={<span data-testid="monitor-state">{t('monitoring.stateValue', { state: tracked.state })}</span>} hint={t('monitoring.since', { time: at(tracked.stateSince) })} />
              <StatTile label={t('monitoring.events')} value={formatCount(tracked.eventsReceived, display.locale)} />
              <StatTile label={t('monitoring.errors')} value={formatCount(tracked.errorCount, display.locale)} hint={tracked.lastErrorAt ? t('monitoring.lastErrorAt', { time: at(tracked.lastErrorAt) }) : undefined} />
              <StatTile label={t('monitoring.nextCheck')} value={tracked.state === 'LIVE' ? t('monitoring.whileLive') : at(tracked.nextCheckAt)} />
              <StatTile
                label={t('monitoring.worker')}
                value={tracked.lease ? <span className="break-all text-sm">{tracked.lease.workerId}</span> : t('monitoring.noWorker')}
                hint={worker ? t('monitoring.heartbeat', { time: at(worker.lastSeenAt) }) : tracked.enabled ? t('monitoring.waiting') : t('monitoring.off')}
              />
              <StatTile label={t('monitoring.source')} value={tracked.source === 'replay' ? t('monitoring.replay') : 'TikTok'} />
            </dl>
            {tracked.lastError && (
              <div className="mt-3">
                <h3 className="text-sm font-semibold text-muted">{t('monitoring.lastError')}</h3>
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
