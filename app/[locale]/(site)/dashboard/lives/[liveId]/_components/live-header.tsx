import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Avatar } from '@/components/ui/avatar';
import { MoneyNote, TimesIn } from '@/components/site/money-note';
import { Card, StatTile } from '@/components/ui/card';
import { ChannelLabel, PlatformBadge } from '@/components/ui/channel-label';
import { formatDuration } from '@/lib/dashboard/live-format';
import type { LiveSummary } from '@/lib/dashboard/lives';
import type { Display } from '@/lib/i18n/display-settings';
import { channelName } from '@/lib/platforms/naming';
import { formatGoldPaid } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange, MISSING_VALUE } from '@/lib/stats/format';

/** Why a live ended, for the reasons the catalogue has words for. */
const END_REASONS = new Set(['stream_end', 'disconnected', 'stale']);

/** Who, when (in the reader's zone, named) and how long, with the CSV downloads. */
export function LiveHeader({ summary, display }: { summary: LiveSummary; display: Display }) {
  const t = useTranslations('dashboard');
  const { account } = summary;
  const accountHref = `/dashboard/accounts/${account.id}`;
  const exportHref = (type: 'gifts' | 'chats') => `/api/lives/${summary.id}/export?type=${type}`;
  return (
    <Card>
      <p className="mb-3 text-sm text-muted">
        <Link href="/dashboard" className="hover:text-white">{t('nav.accounts')}</Link> / <Link href={accountHref} className="hover:text-white"><ChannelLabel channel={account} className="align-bottom" /></Link> /{' '}
        <Link href={`${accountHref}/lives`} className="hover:text-white">{t('account.lives')}</Link>
      </p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <Avatar src={account.avatarUrl} name={account.nickname ?? account.handle} size={64} />
        <div className="min-w-0 flex-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
            <span className="break-words">{t('live.heading', { channel: channelName(account) })}</span>
            <PlatformBadge platform={account.platform} />
            {summary.isLive && <span className="animate-live motion-reduce:animate-none rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold">{t('live.liveNow')}</span>}
          </h1>
          {summary.title && <p className="break-words text-muted">{summary.title}</p>}
          <p className="mt-1 text-sm">
            <time dateTime={summary.startedAt}>{display.date(summary.startedAt, 'dateTime')}</time> →{' '}
            {summary.endedAt ? <time dateTime={summary.endedAt}>{display.date(summary.endedAt, 'dateTime')}</time> : t('live.running')} · {formatDuration(summary.durationSeconds, display.locale)}
            {summary.endReason && END_REASONS.has(summary.endReason) && <span className="text-muted"> · {t('live.endReason', { reason: summary.endReason })}</span>}
            <span className="text-muted">
              {' · '}
              <TimesIn className="" />
            </span>
          </p>
          {summary.isLive && (
            <p className="mt-1 text-xs text-muted">
              {t.rich('live.asOfLoad', {
                link: (chunks) => (
                  <Link href={accountHref} className="underline hover:text-white">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2 sm:flex-col">
          <a href={exportHref('gifts')} download className="rounded-lg border border-line px-3 py-1.5 text-center text-sm font-semibold hover:bg-panel-2">
            {t('live.giftsCsv')}
          </a>
          <a href={exportHref('chats')} download className="rounded-lg border border-line px-3 py-1.5 text-center text-sm font-semibold hover:bg-panel-2">
            {t('live.chatCsv')}
          </a>
        </div>
      </div>
    </Card>
  );
}

/**
 * The live's totals as tiles, earnings in the reader's currency. A Bilibili live's value is gold coins
 * (with what viewers paid, in CNY), and its Super Chats and guard purchases are counted beside its gifts.
 */
export function LiveStats({ summary, display }: { summary: LiveSummary; display: Display }) {
  const t = useTranslations('dashboard');
  const { locale } = display;
  const bilibili = summary.platform === 'bilibili';
  return (
    <div className="flex flex-col gap-1">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <StatTile label={t('stats.peakViewers')} value={formatCount(summary.peakViewers, locale)} />
        <StatTile label={t('stats.avgViewers')} value={summary.averageViewers === null ? MISSING_VALUE : formatCount(summary.averageViewers, locale)} />
        <StatTile label={t('stats.likes')} value={formatCompact(summary.likes, locale)} hint={formatCount(summary.likes, locale)} />
        {bilibili ? (
          <StatTile label={t('stats.gold')} value={<span title={formatCount(summary.diamonds, locale)}>{formatCompact(summary.diamonds, locale)}</span>} hint={t('value.paid', { amount: formatGoldPaid(summary.diamonds, locale) })} />
        ) : (
          <StatTile label={t('stats.diamonds')} value={formatCompact(summary.diamonds, locale)} hint={formatCount(summary.diamonds, locale)} />
        )}
        <StatTile label={t('stats.earnings')} value={formatMoneyRange(summary.earnings, display.money)} hint={t('live.estimate')} />
        <StatTile label={t('stats.gifts')} value={formatCount(summary.gifts, locale)} hint={t('live.fromGifters', { count: summary.uniqueGifters })} />
        {bilibili && <StatTile label={t('stats.superChats')} value={formatCount(summary.superChats, locale)} />}
        {bilibili && <StatTile label={t('stats.guards')} value={formatCount(summary.guards, locale)} />}
        <StatTile label={t('stats.comments')} value={formatCount(summary.comments, locale)} />
        <StatTile label={t('stats.newFollowers')} value={formatCount(summary.followers, locale)} />
        <StatTile label={t('stats.shares')} value={formatCount(summary.shares, locale)} />
        <StatTile label={t('stats.joins')} value={formatCount(summary.joins, locale)} />
      </dl>
      <MoneyNote />
    </div>
  );
}
