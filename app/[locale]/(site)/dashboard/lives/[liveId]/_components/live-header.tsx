import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { Card, StatTile } from '@/components/ui/card';
import { formatDuration, formatUtcDateTime } from '@/lib/dashboard/live-format';
import type { LiveSummary } from '@/lib/dashboard/lives';
import { formatCompact, formatCount, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';

const END_REASONS: Record<string, string> = { stream_end: 'ended by the streamer', disconnected: 'connection lost', stale: 'closed after going quiet' };

/** Who, when and how long, with the CSV downloads. */
export function LiveHeader({ summary }: { summary: LiveSummary }) {
  const { account } = summary;
  const accountHref = `/dashboard/accounts/${account.id}`;
  const exportHref = (type: 'gifts' | 'chats') => `/api/lives/${summary.id}/export?type=${type}`;
  return (
    <Card>
      <p className="mb-3 text-sm text-muted">
        <Link href="/dashboard" className="hover:text-white">Accounts</Link> / <Link href={accountHref} className="hover:text-white">@{account.handle}</Link> /{' '}
        <Link href={`${accountHref}/lives`} className="hover:text-white">Lives</Link>
      </p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <Avatar src={account.avatarUrl} name={account.nickname ?? account.handle} size={64} />
        <div className="min-w-0 flex-1">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
            <span className="break-words">Live of @{account.handle}</span>
            {summary.isLive && <span className="animate-pulse rounded-full bg-accent px-2 py-0.5 text-xs font-semibold">● LIVE now</span>}
          </h1>
          {summary.title && <p className="break-words text-muted">{summary.title}</p>}
          <p className="mt-1 text-sm">
            {formatUtcDateTime(summary.startedAt)} → {summary.endedAt ? formatUtcDateTime(summary.endedAt) : 'still running'} · {formatDuration(summary.durationSeconds)}
            {summary.endReason && END_REASONS[summary.endReason] && <span className="text-muted"> · {END_REASONS[summary.endReason]}</span>}
          </p>
          {summary.isLive && (
            <p className="mt-1 text-xs text-muted">
              Numbers as of this page load. <Link href={accountHref} className="underline hover:text-white">Follow it live</Link>
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2 sm:flex-col">
          <a href={exportHref('gifts')} download className="rounded-lg border border-line px-3 py-1.5 text-center text-sm font-semibold hover:bg-panel-2">
            Gifts CSV
          </a>
          <a href={exportHref('chats')} download className="rounded-lg border border-line px-3 py-1.5 text-center text-sm font-semibold hover:bg-panel-2">
            Chat CSV
          </a>
        </div>
      </div>
    </Card>
  );
}

/** The live's totals as tiles. */
export function LiveStats({ summary }: { summary: LiveSummary }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      <StatTile label="Peak viewers" value={formatCount(summary.peakViewers)} />
      <StatTile label="Avg viewers" value={summary.averageViewers === null ? MISSING_VALUE : formatCount(summary.averageViewers)} />
      <StatTile label="Likes" value={formatCompact(summary.likes)} hint={formatCount(summary.likes)} />
      <StatTile label="Diamonds" value={formatCompact(summary.diamonds)} hint={formatCount(summary.diamonds)} />
      <StatTile label="Est. earnings" value={formatUsdRange(summary.earnings)} hint="estimate" />
      <StatTile label="Gifts" value={formatCount(summary.gifts)} hint={`from ${formatCount(summary.uniqueGifters)} gifter${summary.uniqueGifters === 1 ? '' : 's'}`} />
      <StatTile label="Comments" value={formatCount(summary.comments)} />
      <StatTile label="New followers" value={formatCount(summary.followers)} />
      <StatTile label="Shares" value={formatCount(summary.shares)} />
      <StatTile label="Joins" value={formatCount(summary.joins)} />
    </dl>
  );
}
