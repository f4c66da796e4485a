import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TimesIn } from '@/components/site/money-note';
import { Card, StatTile } from '@/components/ui/card';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWorkspace } from '@/lib/dashboard/access';
import { readerFormat } from '@/lib/i18n/display';
import { formatCount } from '@/lib/stats/format';
import { parseSourceReport, type SourceReport } from '@/lib/platforms/source-report';
import { StatusActions } from './status-actions';

export const dynamic = 'force-dynamic';

type Translate = Awaited<ReturnType<typeof getTranslations<'dashboard'>>>;

/** "CMD ×n" by count, most frequent first. */
function commandList(record: Record<string, number>, locale: string): string {
  return Object.entries(record)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, n]) => `${name} ×${formatCount(n, locale)}`)
    .join(', ');
}

// What the platform's connector said about the latest live's messages: commands it does not know are
// counted here, never shown as errors (issue 20, item 3).
function SourceReportSection({ report, t, locale }: { report: SourceReport; t: Translate; locale: string }) {
  const rows: [string, string][] = [
    [t('monitoring.unknown'), commandList(report.unknown, locale) || t('monitoring.noUnknown')],
    ...(Object.keys(report.ignored).length > 0 ? [[t('monitoring.ignored'), commandList(report.ignored, locale)] as [string, string]] : []),
    ...(Object.keys(report.malformed).length > 0 ? [[t('monitoring.malformed'), commandList(report.malformed, locale)] as [string, string]] : []),
  ];
  return (
    <section className="mt-3" data-testid="source-report">
      <h3 className="text-sm font-semibold text-muted">{t('monitoring.messages')}</h3>
      <p className="mt-1 text-sm">{t('monitoring.packets', { packets: formatCount(report.packets, locale), commands: formatCount(report.commands, locale), duplicates: formatCount(report.duplicates, locale) })}</p>
      <dl className="mt-2 grid gap-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {report.undecodable > 0 && <p className="mt-2 text-sm text-muted">{t('monitoring.undecodable', { count: formatCount(report.undecodable, locale), reason: report.lastError ?? '—' })}</p>}
    </section>
  );
}

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
  const report = parseSourceReport(tracked?.sourceReport);
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
              <StatTile label={t('monitoring.source')} value={tracked.source === 'replay' ? t('monitoring.replay') : t('channel.platform', { platform: account.platform })} />
            </dl>
            {report && <SourceReportSection report={report} t={t} locale={display.locale} />}
            {tracked.lastError && (
              <div className="mt-3">
                <h3 className="text-sm font-semibold text-muted">{t('monitoring.lastError')}</h3>
                <pre className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-panel-2 p-2 text-xs">{tracked.lastError}</pre>
              </div>
            )}
          </>
        )}
      </Card>
      <StatusActions accountId={accountId} channel={{ platform: account.platform, handle: account.handle, nickname: account.nickname }} verificationCode={managed.verificationCode} verified={managed.verifiedAt !== null} tracked={Boolean(tracked?.enabled)} />
    </div>
  );
}
