'use client';

// GOAL: likes, diamonds or new followers of the current LIVE towards a target, or how many of one gift
// it had ("100 Roses"), with a moment when the target is reached. With a cluster chosen it counts every
// channel of the cluster, a value goal in the overlay's own channel's unit.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { displayText } from '@/lib/overlays/filter';
import { addGoalCounters, addGoalGift, applyGoalStatus, goalProgress, goalReachedNow, goalTallyStart, restartGoalGifts, type GoalSource } from '@/lib/overlays/goal-progress';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { valueIcon } from '@/lib/platforms/value-format';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';
import { Panel, useFormatNumber, useOverlayEvent } from './context';

const CELEBRATE_MS = 6000;

export function Goal({ settings, sources }: { settings: OverlaySettingsByKind['GOAL']; sources: GoalSource[] }) {
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  // Every channel the goal draws from (its own, or its cluster's: lib/overlays/goal-progress.ts).
  const [tally, setTally] = useState(() => goalTallyStart(sources));
  const [celebrating, setCelebrating] = useState(0);
  const metric = settings.metric;
  // Another gift chosen while on air: its count before now is not known here, so it counts from now.
  const [countedGift, setCountedGift] = useState(settings.giftId);
  if (countedGift !== settings.giftId) {
    setCountedGift(settings.giftId);
    setTally(restartGoalGifts(tally));
  }
  const { value, shares } = goalProgress(tally, metric);

  // From the latest tally, not this render's: gifts arrive faster than the page draws (a burst of streaks).
  useOverlayEvent('counters', (next, channel) => setTally((current) => addGoalCounters(current, next, channel)));
  useOverlayEvent('gift', (gift, channel) => {
    if (metric === 'gift') setTally((current) => addGoalGift(current, gift, settings.giftId, channel));
  });
  // A new LIVE starts its channel from zero; an ended one keeps its final numbers on screen.
  useOverlayEvent('live-status', (status, channel) => setTally((current) => applyGoalStatus(current, status, channel)));
  // Reaching the target celebrates once (again after a new LIVE starts from zero).
  const [shownTally, setShownTally] = useState(tally);
  if (shownTally !== tally) {
    setShownTally(tally);
    if (goalReachedNow(shownTally, tally, metric, settings.target)) setCelebrating((n) => n + 1);
  }
  useEffect(() => {
    if (celebrating === 0) return;
    const timer = setTimeout(() => setCelebrating(0), CELEBRATE_MS);
    return () => clearTimeout(timer);
  }, [celebrating]);

  const reached = value >= settings.target;
  const percent = Math.min(100, Math.floor((value / settings.target) * 100));
  const title = displayText(settings.title, 60);
  // A value goal counts in its own channel's unit: 💎 on TikTok, 🪙 on Bilibili.
  const unit = metric === 'likes' ? '❤️' : metric === 'diamonds' ? valueIcon(sources[0]?.platform ?? 'tiktok') : metric === 'gift' ? giftEmoji(settings.giftId, settings.giftName) : '➕';

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
        {shares.length > 0 && (
          // Each platform's part in its own unit; the bar adds them up converted (lib/overlays/goal-progress.ts).
          <p data-testid="goal-shares" className="mt-1 text-right text-sm font-semibold tabular-nums opacity-80">
            {shares.map((share) => `${valueIcon(share.platform)} ${formatNumber(share.value)}`).join(' · ')}
          </p>
        )}
        {celebrating > 0 && (
          <p key={celebrating} role="status" className="ov-enter ov-accent-text mt-2 text-center text-2xl font-black">
            {t('goalThanks')}
          </p>
        )}
      </Panel>
    </div>
  );
}
