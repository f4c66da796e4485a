'use client';

// ACTIVITY: the latest follows, shares, gifts (subscriptions with them) and joins (each kind switchable), newest first.
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { displayText, type WordFilter } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';
import { useOverlayEvent, useWordFilter } from './context';

type Settings = OverlaySettingsByKind['ACTIVITY'];
type Item = { key: string; social: RealtimeSocial } | { key: string; gift: RealtimeGift };

const KEPT = 40;

const toItem = (event: RealtimeSocial | RealtimeGift): Item => ('giftId' in event ? { key: `gift:${event.id}`, gift: event } : { key: `${event.kind}:${event.id}`, social: event });

function isShown(item: Item, settings: Settings): boolean {
  if ('gift' in item) return settings.gifts;
  switch (item.social.kind) {
    case 'follow':
      return settings.follows;
    case 'share':
      return settings.shares;
    case 'join':
      return settings.joins;
    // A subscription is paid support: listed with the gifts.
    case 'subscribe':
      return settings.gifts;
  }
}

export function Activity({ settings, initial }: { settings: Settings; initial: (RealtimeSocial | RealtimeGift)[] }) {
  const filter = useWordFilter(settings);
  const [items, setItems] = useState<Item[]>(() => initial.map(toItem).reverse().slice(0, KEPT));
  const add = (event: RealtimeSocial | RealtimeGift) => {
    const item = toItem(event);
    setItems((current) => (current.some((i) => i.key === item.key) ? current : [item, ...current].slice(0, KEPT)));
  };
  useOverlayEvent('social', add);
  useOverlayEvent('gift', add);
  const shown = items.filter((item) => isShown(item, settings)).slice(0, settings.maxItems);

  return (
    <div className="p-4">
      <ul className="flex w-[min(28rem,94vw)] flex-col gap-1.5">
        {shown.map((item) => (
          <li key={item.key} data-testid="activity-item" className="ov-enter ov-panel flex items-center gap-2.5 rounded-xl px-3 py-2 text-lg">
            <ActivityLine item={item} filter={filter} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const strong = (chunks: ReactNode) => <strong className="ov-accent-text">{chunks}</strong>;

function ActivityLine({ item, filter }: { item: Item; filter: WordFilter }) {
  const t = useTranslations('overlay');
  if ('gift' in item) {
    const { gift } = item;
    return (
      <>
        <span aria-hidden className="text-2xl">{giftEmoji(gift.giftId, gift.name)}</span>
        <span className="min-w-0 flex-1">
          {t.rich('activityGift', { name: filter.name(gift.user.nickname, gift.user.handle), gift: displayText(gift.name, 40), count: gift.repeatCount, strong })}
        </span>
      </>
    );
  }
  const { social } = item;
  const name = filter.name(social.user.nickname, social.user.handle);
  const [icon, text] =
    social.kind === 'follow'
      ? ['➕', t.rich('activityFollow', { name, strong })]
      : social.kind === 'share'
        ? ['🔁', t.rich('activityShare', { name, strong })]
        : social.kind === 'subscribe'
          ? ['⭐', t.rich('activitySubscribe', { name, months: social.months ?? 1, strong })]
          : ['👋', t.rich('activityJoin', { name, strong })];
  return (
    <>
      <span aria-hidden className="text-2xl">{icon}</span>
      <span className="min-w-0 flex-1">
        {text}
      </span>
    </>
  );
}
