import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TimesIn } from '@/components/site/money-note';
import { Card, EmptyState, Notice } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { OverlayLink } from '@/components/games/overlay-link';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { listManagedAccounts } from '@/lib/dashboard/accounts';
import { appUrl } from '@/lib/env';
import { listSessions } from '@/lib/games/host';
import { listSessionWinners } from '@/lib/games/history';
import { listOverlays } from '@/lib/overlays/manage';
import { CreateOverlayForm } from './_components/create-overlay-form';
import { NewSessionForm } from './_components/new-session-form';
import { SessionHistory } from './_components/session-history';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('games');
  return { title: t('page.title') };
}

export default async function GamesPage({ searchParams }: { searchParams: Promise<{ overlay?: string | string[] }> }) {
  const { ws } = await requireWorkspace('/dashboard/games');
  const t = await getTranslations('games');
  const [{ overlay: wanted }, overlays, accounts] = await Promise.all([searchParams, listOverlays(db, ws.workspaceId), listManagedAccounts(db, ws.workspaceId)]);
  const games = overlays.filter((o) => o.kind === 'QA_GAME');
  const wantedId = typeof wanted === 'string' ? wanted : undefined;
  const selected = games.find((o) => o.id === wantedId) ?? games.find((o) => !o.revoked) ?? games[0];
  const sessions = selected ? await listSessions(db, ws.workspaceId, { overlayId: selected.id }) : [];
  const winners = await listSessionWinners(db, ws.workspaceId, sessions.map((s) => s.id));
  const accountOptions = accounts.map((a) => ({ id: a.id, platform: a.platform, handle: a.handle, nickname: a.nickname }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-3xl font-bold">{t('page.title')}</h1>
        <p className="text-muted">{t('page.intro')}</p>
      </div>

      {wantedId && selected?.id !== wantedId && <Notice tone="warn">{selected ? t('page.notYoursShowingOther') : t('page.notYours')}</Notice>}

      {games.length === 0 ? (
        <Card title={t('page.startTitle')}>
          {accounts.length === 0 ? (
            <EmptyState title={t('page.noAccountsTitle')}>
              {t.rich('page.noAccounts', {
                link: (chunks) => (
                  <Link href="/dashboard" className="inline-flex min-h-11 items-center font-semibold text-accent-2 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-3">
              <p className="text-sm text-muted">{t('page.createFirst')}</p>
              <CreateOverlayForm accounts={accountOptions} />
            </div>
          )}
        </Card>
      ) : (
        <>
          <Card title={t('page.overlay')}>
            <ul className="flex flex-wrap gap-2" aria-label={t('page.overlays')}>
              {games.map((o) => {
                const active = o.id === selected?.id;
                return (
                  <li key={o.id}>
                    <Link
                      href={`/dashboard/games?overlay=${o.id}`}
                      aria-current={active ? 'true' : undefined}
                      className={`flex min-h-12 flex-col justify-center rounded-lg border px-4 py-2 ${active ? 'border-accent-2 bg-accent-2/10' : 'border-line hover:bg-panel-2'}`}
                    >
                      <span className="font-semibold">{o.name}</span>
                      <span className="text-sm text-muted">
                        <ChannelLabel channel={o} />
                        {o.revoked && ` · ${t('page.revoked')}`}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
            {selected && (
              <div className="mt-4 flex flex-col gap-4">
                {selected.token ? <OverlayLink appUrl={appUrl()} token={selected.token} /> : <Notice tone="warn">{t('page.revokedNotice')}</Notice>}
                <NewSessionForm overlayId={selected.id} disabled={selected.revoked} />
              </div>
            )}
            <details className="mt-4">
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-muted">{t('page.createAnother')}</summary>
              <div className="mt-2">
                <CreateOverlayForm accounts={accountOptions} />
              </div>
            </details>
          </Card>

          {selected && (
            <Card title={t('page.sessions')} action={sessions.length > 0 ? <TimesIn /> : undefined}>
              {sessions.length === 0 ? (
                <EmptyState title={t('page.noSessionsTitle')}>{t('page.noSessions')}</EmptyState>
              ) : (
                <SessionHistory sessions={sessions.map((s) => ({ ...s, winnerList: winners.get(s.id) ?? [] }))} />
              )}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
