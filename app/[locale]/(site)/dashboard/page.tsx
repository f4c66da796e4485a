import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { db } from '@/lib/db';
import { requireWorkspace } from '@/lib/dashboard/access';
import { listManagedAccounts } from '@/lib/dashboard/accounts';
import { readerFormat } from '@/lib/i18n/display';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount } from '@/lib/stats/format';
import { AddAccountForm } from './_components/add-account-form';

export const dynamic = 'force-dynamic';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ handle?: string }> }) {
  const { ws } = await requireWorkspace('/dashboard');
  const [{ handle }, accounts, t, display] = await Promise.all([searchParams, listManagedAccounts(db, ws.workspaceId), getTranslations('dashboard'), getLocale().then(readerFormat)]);
  const { locale } = display;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t('accounts.title')}</h1>
          <p className="text-muted">{t('accounts.intro')}</p>
        </div>
      </div>
      <Card title={t('accounts.add')}>
        <AddAccountForm initialHandle={handle ?? ''} />
      </Card>
      {accounts.length === 0 ? (
        <EmptyState title={t('accounts.emptyTitle')}>{t('accounts.empty')}</EmptyState>
      ) : (
        // grid-cols-1 (minmax(0, 1fr)), not the implicit auto column: a truncated name or handle is nowrap,
        // and an auto column grows to its full width, pushing every card past a phone's edge.
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {accounts.map((a) => (
            <li key={a.id} className="min-w-0">
              <Link href={`/dashboard/accounts/${a.id}`} className="flex h-full flex-col gap-3 rounded-xl border border-line bg-panel p-4 hover:border-accent-2">
                <div className="flex items-center gap-3">
                  <Avatar src={a.avatarUrl} name={a.nickname ?? a.handle} size={44} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-semibold">{a.nickname ?? a.handle}</p>
                    <p className="flex min-w-0 items-center gap-1.5 text-sm text-muted">
                      <ChannelLabel channel={a} variant="handle" />
                      {a.ownershipVerified && (
                        <span className="shrink-0 rounded-full border border-emerald-400/60 px-1.5 text-xs text-emerald-200" title={t('accounts.verifiedHint')}>
                          {t('accounts.verified')}
                        </span>
                      )}
                    </p>
                  </div>
                  {a.liveNow ? <span className="animate-live motion-reduce:animate-none rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold">{t('liveBadge')}</span> : <span className="text-xs text-muted">{t('accounts.state', { state: a.state ?? 'none' })}</span>}
                </div>
                <p className="text-sm text-muted">
                  {[
                    // A compact figure ("1.2K") reads as a large number: it takes that plural form, whatever its exact value.
                    a.followers !== null && t('accounts.followers', { count: a.followers < 1000 ? a.followers : 1000, shown: formatCompact(a.followers, locale) }),
                    a.liveNow
                      ? a.platform === 'bilibili'
                        ? t('accounts.liveGold', { gold: formatCount(a.liveNow.diamonds, locale), cny: formatGoldPaid(a.liveNow.diamonds, locale) })
                        : t('accounts.liveDiamonds', { diamonds: formatCount(a.liveNow.diamonds, locale) })
                      : a.lastLiveAt
                        ? t('accounts.lastLive', { date: display.date(a.lastLiveAt, 'date') })
                        : t('accounts.noLives'),
                    !a.ownershipVerified && t('accounts.notConfirmed'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
