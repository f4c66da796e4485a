'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useDisplay } from '@/components/site/display';
import { MoneyNote } from '@/components/site/money-note';
import { Avatar } from '@/components/ui/avatar';
import { Card, EmptyState, Notice, StatTile } from '@/components/ui/card';
import { formatLiveTime } from '@/lib/dashboard/live-format';
import type { LiveNow } from '@/lib/dashboard/live-now';
import { fetchJson } from '@/lib/query-client';
import { accountChannel, type PublicRealtimeConfig } from '@/lib/realtime/channels';
import type { LiveCounters, LiveStatus, RealtimeChat, RealtimeGift, RealtimeGiftProgress } from '@/lib/realtime/payloads';
import { useRealtime } from '@/lib/realtime/use-channel';
import { GiftIcon } from '@/components/ui/gift-icon';
import { useServerClock } from '@/components/ui/use-server-clock';
import { addProgress, finishStreak, keepLive, visibleStreakRows, type StreakRows } from '@/lib/live/streak-rows';
import { formatGoldPaid, valueIcon } from '@/lib/platforms/value-format';
import { formatCompact, formatCount, formatMoneyRange } from '@/lib/stats/format';

/** How often the page asks for the numbers while live updates are down. */
const POLL_MS = 3_000;

function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

export function LiveNowClient({ accountId, initial, realtime }: { accountId: string; initial: LiveNow; realtime: PublicRealtimeConfig }) {
  const queryClient = useQueryClient();
  const t = useTranslations('dashboard');
  const display = useDisplay();
  const { locale } = display;
  const key = ['live-now', accountId];
  const [progress, setProgress] = useState<StreakRows>({});
  const streakContext = (data: LiveNow | undefined) => ({ liveId: data?.live?.liveId ?? null, running: Boolean(data?.live && !data.live.endedAt), gifts: data?.gifts ?? [] });
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
      setProgress((rows) => keepLive(rows, counters.liveId));
      if (!queryClient.getQueryData<LiveNow>(key)?.live || queryClient.getQueryData<LiveNow>(key)?.live?.liveId !== counters.liveId) scheduleRefresh(200);
    },
    gift: (gift: RealtimeGift) => {
      update((data) => ({ ...data, gifts: [gift, ...data.gifts.filter((g) => g.id !== gift.id)].slice(0, 30) }));
      setProgress((rows) => finishStreak(rows, gift));
      scheduleRefresh(3000); // top gifters
    },
    'gift-progress': (gift: RealtimeGiftProgress) => setProgress((rows) => addProgress(rows, gift, streakContext(queryClient.getQueryData<LiveNow>(key)))),
    chat: (chat: RealtimeChat) => update((data) => ({ ...data, chats: [chat, ...data.chats.filter((c) => c.id !== chat.id)].slice(0, 50) })),
    'live-status': (status: LiveStatus) => {
      // An ended live has no running streaks; a new one starts with none.
      setProgress((rows) => keepLive(rows, status.state === 'live' ? status.liveId : null));
      scheduleRefresh(100);
    },
  });
  const { data = initial } = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<LiveNow>(`/api/dashboard/accounts/${accountId}/live`),
    initialData: initial,
    // Without live updates, keep the page current by asking every few seconds.
    refetchInterval: state === 'connected' ? 30_000 : POLL_MS,
  });
  const live = data.live;
  const isLive = Boolean(live && !live.endedAt && data.state === 'LIVE');
  // The server drew the running time at initial.serverNow; hydration must draw the same text (a clock
  // read again in the browser differed by a second or more: React error #418), then it ticks.
  const now = useServerClock(isLive, 0, initial.serverNow);
  const streaks = visibleStreakRows(progress, { ...streakContext(data), running: isLive });
  // A Bilibili live's value is gold coins (lib/platforms/units.ts), shown with what viewers paid for them.
  const gold = data.platform === 'bilibili';
  const icon = valueIcon(data.platform);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2.5 py-0.5 font-semibold ${isLive ? 'animate-live motion-reduce:animate-none bg-accent-strong text-white' : 'bg-panel-2 text-muted'}`}>{isLive ? t('liveBadge') : t('liveNow.state', { state: data.state ?? 'none' })}</span>
        {state !== 'connected' && (
          <span role="status" className="text-amber-300">
            {state === 'denied' ? t('liveNow.denied') : t('liveNow.paused', { seconds: POLL_MS / 1000 })}
          </span>
        )}
      </div>

      {!live ? (
        <EmptyState title={t('liveNow.emptyTitle')}>{t('liveNow.empty')}</EmptyState>
      ) : (
        <>
          {!isLive && <Notice>{live.endedAt ? t('liveNow.notLiveEnded', { date: display.date(new Date(live.endedAt), 'dateTime') }) : t('liveNow.notLive')}</Notice>}
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-live="polite">
            <StatTile label={t('stats.viewers')} value={<span data-testid="counter-viewers">{formatCount(live.viewers, locale)}</span>} hint={t('liveNow.peak', { count: formatCount(live.peakViewers, locale) })} />
            <StatTile label={t('stats.likes')} value={<span data-testid="counter-likes">{formatCompact(live.likes, locale)}</span>} />
            <StatTile
              label={gold ? t('stats.gold') : t('stats.diamonds')}
              value={<span data-testid="counter-diamonds">{formatCount(live.diamonds, locale)}</span>}
              hint={gold ? `${t('value.paid', { amount: formatGoldPaid(live.diamonds, locale) })} · ${formatMoneyRange(live.earnings, display.money)}` : formatMoneyRange(live.earnings, display.money)}
            />
            <StatTile label={t('stats.newFollowers')} value={formatCount(live.follows, locale)} />
            <StatTile label={t('stats.shares')} value={formatCount(live.shares, locale)} />
            <StatTile label={t('stats.duration')} value={duration((live.endedAt ?? (isLive ? now : live.startedAt)) - live.startedAt)} />
          </dl>
          <MoneyNote className="-mt-2 text-xs text-muted" />
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title={t('stats.gifts')}>
              <ul className="flex max-h-[28rem] flex-col gap-1.5 overflow-y-auto" tabIndex={0} aria-label={t('stats.gifts')} data-testid="gift-feed">
                {streaks.map((g) => (
                  <li key={`p-${g.id}`} className="flex items-center gap-2 text-sm text-muted">
                    <GiftIcon image={g.image} giftId={g.giftId} name={g.name} size={20} />
                    <span className="min-w-0 flex-1 truncate">
                      {g.user.nickname} · {g.name} ×{g.repeatCount}…
                    </span>
                  </li>
                ))}
                {data.gifts.length === 0 && streaks.length === 0 && <li className="text-sm text-muted">{t('liveNow.noGifts')}</li>}
                {data.gifts.map((g) => (
                  <li key={g.id} className="flex items-center gap-2 text-sm">
                    <GiftIcon image={g.image} giftId={g.giftId} name={g.name} />
                    <span className="min-w-0 flex-1 truncate">
                      {t.rich('liveNow.sent', { name: g.user.nickname || g.user.handle, gift: g.name, count: g.repeatCount, strong: (chunks) => <strong>{chunks}</strong> })}
                    </span>
                    <span className="tabular-nums text-accent-2">
                      {icon} {formatCount(g.diamonds, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
            <Card title={t('chat')}>
              <ul className="flex max-h-[28rem] flex-col gap-1.5 overflow-y-auto" tabIndex={0} aria-label={t('chat')} data-testid="chat-feed">
                {data.chats.length === 0 && <li className="text-sm text-muted">{t('liveNow.noComments')}</li>}
                {data.chats.map((c) => (
                  <li key={c.id} className="break-words text-sm">
                    <time dateTime={new Date(c.at).toISOString()} title={`${display.date(new Date(c.at), 'dateTimeSeconds')} · ${display.zoneLabel}`} className="mr-1.5 text-xs tabular-nums text-muted">
                      {formatLiveTime(new Date(c.at), locale, display.timeZone, { seconds: true })}
                    </time>
                    <strong className="text-accent-2">{c.user.nickname || c.user.handle}</strong> {c.content}
                  </li>
                ))}
              </ul>
            </Card>
            <Card title={t('topGifters')}>
              {data.topGifters.length === 0 ? (
                <p className="text-sm text-muted">{t('liveNow.noGifts')}</p>
              ) : (
                <ol className="flex flex-col gap-1.5">
                  {data.topGifters.map((g, i) => (
                    <li key={`${g.handle}-${i}`} className="flex items-center gap-2 text-sm">
                      <span className="w-5 text-right text-muted">{i + 1}</span>
                      <Avatar src={g.avatar} name={g.nickname ?? g.handle ?? '?'} size={24} />
                      <span className="min-w-0 flex-1 truncate">{g.nickname ?? g.handle}</span>
                      <span className="tabular-nums text-accent-2">
                        {icon} {formatCompact(g.diamonds, locale)}
                      </span>
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
