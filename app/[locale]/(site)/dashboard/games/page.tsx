import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, EmptyState, Notice } from '@/components/ui/card';
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
export const metadata: Metadata = { title: 'Q&A game' };

export default async function GamesPage({ searchParams }: { searchParams: Promise<{ overlay?: string | string[] }> }) {
  const { ws } = await requireWorkspace('/dashboard/games');
  const [{ overlay: wanted }, overlays, accounts] = await Promise.all([searchParams, listOverlays(db, ws.workspaceId), listManagedAccounts(db, ws.workspaceId)]);
  const games = overlays.filter((o) => o.kind === 'QA_GAME');
  const wantedId = typeof wanted === 'string' ? wanted : undefined;
  const selected = games.find((o) => o.id === wantedId) ?? games.find((o) => !o.revoked) ?? games[0];
  const sessions = selected ? await listSessions(db, ws.workspaceId, { overlayId: selected.id }) : [];
  const winners = await listSessionWinners(db, ws.workspaceId, sessions.map((s) => s.id));
  const accountOptions = accounts.map((a) => ({ id: a.id, handle: a.handle, nickname: a.nickname }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-3xl font-bold">Q&amp;A game</h1>
        <p className="text-muted">Viewers score with likes and gifts; you freeze the board, the top viewer wins and you answer the question they asked.</p>
      </div>

      {wantedId && selected?.id !== wantedId && <Notice tone="warn">That overlay is not one of your Q&amp;A overlays{selected ? '; showing another one' : ''}.</Notice>}

      {games.length === 0 ? (
        <Card title="Start with a Q&A overlay">
          {accounts.length === 0 ? (
            <EmptyState title="Add an account first">
              The game runs on the LIVE of a TikTok account you manage.{' '}
              <Link href="/dashboard" className="inline-flex min-h-11 items-center font-semibold text-accent-2 underline">
                Add an account in the dashboard
              </Link>
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-3">
              <p className="text-sm text-muted">The overlay shows the board, the countdown and the winner’s question in OBS. Create one for the account that goes live:</p>
              <CreateOverlayForm accounts={accountOptions} />
            </div>
          )}
        </Card>
      ) : (
        <>
          <Card title="Overlay">
            <ul className="flex flex-wrap gap-2" aria-label="Your Q&A overlays">
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
                        @{o.handle}
                        {o.revoked && ' · revoked'}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
            {selected && (
              <div className="mt-4 flex flex-col gap-4">
                {selected.token ? <OverlayLink appUrl={appUrl()} token={selected.token} /> : <Notice tone="warn">This overlay has been revoked, so OBS shows nothing. Regenerate its link in Overlays, or create a new Q&amp;A overlay below.</Notice>}
                <NewSessionForm overlayId={selected.id} disabled={selected.revoked} />
              </div>
            )}
            <details className="mt-4">
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-muted">Create another Q&amp;A overlay</summary>
              <div className="mt-2">
                <CreateOverlayForm accounts={accountOptions} />
              </div>
            </details>
          </Card>

          {selected && (
            <Card title="Sessions">
              {sessions.length === 0 ? (
                <EmptyState title="No sessions yet">Start a new session above when you go live.</EmptyState>
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
