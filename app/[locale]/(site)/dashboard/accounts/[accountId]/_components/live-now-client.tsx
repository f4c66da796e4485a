'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState, Notice, StatTile } from '@/components/ui/card';
import type { LiveNow } from '@/lib/dashboard/live-now';
import { fetchJson } from '@/lib/query-client';
import { accountChannel, type PublicRealtimeConfig } from '@/lib/realtime/channels';
import type { LiveCounters, LiveStatus, RealtimeChat, RealtimeGift, RealtimeGiftProgress } from '@/lib/realtime/payloads';
import { useRealtime } from '@/lib/realtime/use-channel';
import { GiftIcon } from '@/components/ui/gift-icon';
import { formatCompact, formatCount, formatUsdRange } from '@/lib/stats/format';

const STATE_LABEL: Record<string, string> = { OFFLINE: 'Offline', CHECKING: 'Checking', CONNECTING: 'Connecting', LIVE: 'Live', BACKING_OFF: 'Backing off after errors' };

function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function LiveNowClient({ accountId, initial, realtime }: { accountId: string; initial: LiveNow; realtime: PublicRealtimeConfig }) {
  const queryClient = useQueryClient();
  const key = ['live-now', accountId];
  const [progress, setProgress] = useState<Record<string, RealtimeGiftProgress>>({});
  const refreshSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleRefresh = (ms: number) => {
    clearTimeout(refreshSoon.current);
    refreshSoon.current = setTimeout(() => {
      // A refresh already on its way is left to finish, and another follows it. Restarting it on every
      // event (several a second) meant that a server slower than that never got an answer through.
      if (queryClient.isFetching({ queryKey: key }) > 0) scheduleRefresh(250);
      else void queryClient.invalidateQueries({ queryKey: key });
    }, ms);
  };
  const update = (change: (data: LiveNow) => LiveNow) => queryClient.setQueryData<LiveNow>(key, (data) => (data ? change(data) : data));

  const state = useRealtime(realtime, [accountChannel(accountId)], {
    counters: (counters: LiveCounters) => {
      update((data) => (data.live && data.live.liveId === counters.liveId ? { ...data, state: 'LIVE', live: { ...data.live, ...counters, peakViewers: Math.max(data.live.peakViewers, counters.viewers) } } : data));
      if (!queryClient.getQueryData<LiveNow>(key)?.live || queryClient.getQueryData<LiveNow>(key)?.live?.liveId !== counters.liveId) scheduleRefresh(200);
    },
    gift: (gift: RealtimeGift) => {
      update((data) => ({ ...data, gifts: [gift, ...data.gifts.filter((g) => g.id !== gift.id)].slice(0, 30) }));
      setProgress(({ [gift.id]: _done, ...rest }) => rest);
      scheduleRefresh(3000); // top gifters
    },
    'gift-progress': (gift: RealtimeGiftProgress) => setProgress((current) => ({ ...current, [gift.id]: gift })),
    chat: (chat: RealtimeChat) => update((data) => ({ ...data, chats: [chat, ...data.chats.filter((c) => c.id !== chat.id)].slice(0, 50) })),
    'live-status': (_status: LiveStatus) => scheduleRefresh(100),
  });
  const { data = initial } = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<LiveNow>(`/api/dashboard/accounts/${accountId}/live`),
    initialData: initial,
    // Without live updates, keep the page current by asking every few seconds.
    refetchInterval: state === 'connected' ? 30_000 : 3_000,
  });
  const live = data.live;
  const isLive = Boolean(live && !live.endedAt && data.state === 'LIVE');
  const now = useNow(isLive);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2.5 py-0.5 font-semibold ${isLive ? 'animate-pulse bg-accent text-white' : 'bg-panel-2 text-muted'}`}>{isLive ? '● LIVE' : (STATE_LABEL[data.state ?? ''] ?? 'Not monitored')}</span>
        {state !== 'connected' && (
          <span role="status" className="text-amber-300">
            {state === 'denied' ? 'Live updates are not available for this account.' : 'Live updates paused — reconnecting. Refreshing every 3 s meanwhile.'}
          </span>
        )}
      </div>

      {!live ? (
        <EmptyState title="No lives recorded yet">When this account goes live, its viewers, likes and gifts appear here as they happen.</EmptyState>
      ) : (
        <>
          {!isLive && <Notice>Not live right now. These are the numbers of the last live{live.endedAt ? `, which ended ${new Date(live.endedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}` : ''}.</Notice>}
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-live="polite">
            <StatTile label="Viewers" value={<span data-testid="counter-viewers">{formatCount(live.viewers)}</span>} hint={`peak ${formatCount(live.peakViewers)}`} />
            <StatTile label="Likes" value={<span data-testid="counter-likes">{formatCompact(live.likes)}</span>} />
            <StatTile label="Diamonds" value={<span data-testid="counter-diamonds">{formatCount(live.diamonds)}</span>} hint={formatUsdRange(live.earnings)} />
            <StatTile label="New followers" value={formatCount(live.follows)} />
            <StatTile label="Shares" value={formatCount(live.shares)} />
            <StatTile label="Duration" value={duration((live.endedAt ?? (isLive ? now : live.startedAt)) - live.startedAt)} />
          </dl>
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title="Gifts">
              <ul className="flex max-h-[28rem] flex-col gap-1.5 overflow-y-auto" data-testid="gift-feed">
                {Object.values(progress).map((g) => (
                  <li key={`p-${g.id}`} className="flex items-center gap-2 text-sm text-muted">
                    <GiftIcon image={g.image} giftId={g.giftId} name={g.name} size={20} />
                    <span className="min-w-0 flex-1 truncate">
                      {g.user.nickname} · {g.name} ×{g.repeatCount}…
                    </span>
                  </li>
                ))}
                {data.gifts.length === 0 && Object.keys(progress).length === 0 && <li className="text-sm text-muted">No gifts yet.</li>}
                {data.gifts.map((g) => (
                  <li key={g.id} className="flex items-center gap-2 text-sm">
                    <GiftIcon image={g.image} giftId={g.giftId} name={g.name} />
                    <span className="min-w-0 flex-1 truncate">
                      <strong>{g.user.nickname || g.user.handle}</strong> sent {g.name}
                      {g.repeatCount > 1 && ` ×${g.repeatCount}`}
                    </span>
                    <span className="tabular-nums text-accent-2">💎 {formatCount(g.diamonds)}</span>
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Chat">
              <ul className="flex max-h-[28rem] flex-col gap-1.5 overflow-y-auto">
                {data.chats.length === 0 && <li className="text-sm text-muted">No comments yet.</li>}
                {data.chats.map((c) => (
                  <li key={c.id} className="break-words text-sm">
                    <strong className="text-accent-2">{c.user.nickname || c.user.handle}</strong> {c.content}
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Top gifters of this live">
              {data.topGifters.length === 0 ? (
                <p className="text-sm text-muted">No gifts yet.</p>
              ) : (
                <ol className="flex flex-col gap-1.5">
                  {data.topGifters.map((g, i) => (
                    <li key={`${g.handle}-${i}`} className="flex items-center gap-2 text-sm">
                      <span className="w-5 text-right text-muted">{i + 1}</span>
                      <Avatar src={g.avatar} name={g.nickname ?? g.handle ?? '?'} size={24} />
                      <span className="min-w-0 flex-1 truncate">{g.nickname ?? g.handle}</span>
                      <span className="tabular-nums text-accent-2">💎 {formatCompact(g.diamonds)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
