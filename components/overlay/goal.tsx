'use client';

// GOAL: likes, diamonds or new followers of the current LIVE towards a target, or how many of one gift
// it had ("100 Roses"), with a moment when the target is reached.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { displayText } from '@/lib/overlays/filter';
import { countGoalGift, giftGoalStart } from '@/lib/overlays/gift-tally';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { LiveCounters } from '@/lib/realtime/payloads';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';
import { Panel, useFormatNumber, useOverlayEvent } from './context';

const CELEBRATE_MS = 6000;

export function Goal({ settings, live, giftCount }: { settings: OverlaySettingsByKind['GOAL']; live: LiveCounters | null; giftCount: number }) {
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  const [counters, setCounters] = useState(live);
  const [gifts, setGifts] = useState(() => giftGoalStart(live?.liveId ?? null, giftCount));
  const [celebrating, setCelebrating] = useState(0);
  const metric = settings.metric;
  // Another gift chosen while on air: its count before now is not known here, so it counts from now.
  const [countedGift, setCountedGift] = useState(settings.giftId);
  if (countedGift !== settings.giftId) {
    setCountedGift(settings.giftId);
    setGifts(giftGoalStart(gifts.liveId));
  }
  const value = metric === 'gift' ? gifts.count : (counters?.[metric] ?? 0);

  useOverlayEvent('counters', (next) => {
    if (metric !== 'gift') {
      const before = counters && counters.liveId === next.liveId ? counters[metric] : 0;
      if (before < settings.target && next[metric] >= settings.target) setCelebrating((n) => n + 1);
    }
    setCounters(next);
  });
  // From the latest count, not this render's: gifts arrive faster than the page draws (a burst of streaks).
  useOverlayEvent('gift', (gift) => {
    if (metric === 'gift') setGifts((current) => countGoalGift(current, gift, settings.giftId));
  });
  // Reaching the target on this LIVE celebrates once.
  const [shownGifts, setShownGifts] = useState(gifts);
  if (shownGifts !== gifts) {
    setShownGifts(gifts);
    // A new LIVE's first gifts start from zero, so a target of 1 celebrates there too.
    const before = shownGifts.liveId === gifts.liveId ? shownGifts.count : 0;
    if (metric === 'gift' && before < settings.target && gifts.count >= settings.target) setCelebrating((n) => n + 1);
  }
  useOverlayEvent('live-status', (status) => {
    // A new LIVE starts from zero; an ended one keeps its final numbers on screen.
    if (status.state === 'live' && status.liveId !== counters?.liveId) setCounters(null);
    if (status.state === 'live') setGifts((current) => (status.liveId !== current.liveId ? giftGoalStart(status.liveId) : current));
  });
  useEffect(() => {
    if (celebrating === 0) return;
    const timer = setTimeout(() => setCelebrating(0), CELEBRATE_MS);
    return () => clearTimeout(timer);
  }, [celebrating]);

  const reached = value >= settings.target;
  const percent = Math.min(100, Math.floor((value / settings.target) * 100));
  const title = displayText(settings.title, 60);
  const unit = metric === 'likes' ? '❤️' : metric === 'diamonds' ? '💎' : metric === 'gift' ? giftEmoji(settings.giftId, settings.giftName) : '➕';

  // The bar spans the browser source (800 px suggested); the streamer sizes it by sizing the source.
  return (
    <div className="p-4">
      <Panel className={`w-full ${celebrating ? 'ov-celebrate' : ''}`}>
        <div className="mb-2 flex items-baseline justify-between gap-3">
          <span className="truncate text-xl font-extrabold">{title}</span>
          <span className="text-lg font-bold tabular-nums">
            {unit} {formatNumber(value)} / {formatNumber(settings.target)}
          </span>
        </div>
        <div data-testid="goal" role="progressbar" aria-label={title || t('goal')} aria-valuemin={0} aria-valuemax={settings.target} aria-valuenow={value} className="relative h-7 overflow-hidden rounded-full bg-white/15">
          <div className="ov-bar ov-accent-bg h-full rounded-full" style={{ width: `${percent}%` }} />
          <span className="absolute inset-0 flex items-center justify-center text-sm font-extrabold tabular-nums">{reached ? t('goalReached') : t('percent', { percent: percent / 100 })}</span>
        </div>
        {celebrating > 0 && (
          <p key={celebrating} role="status" className="ov-enter ov-accent-text mt-2 text-center text-2xl font-black">
            {t('goalThanks')}
          </p>
        )}
      </Panel>
    </div>
  );
}
