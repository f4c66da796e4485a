'use client';

// What every overlay renderer shares: the event bus the overlay page feeds (realtime messages, or
// samples in the editor's preview), and small helpers for text and layout.
import { useLocale, useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useEffectEvent, useMemo, type ReactNode } from 'react';
import type { OverlayBus, OverlayEventMap, OverlayEventName } from '@/lib/overlays/events';
import { WordFilter, type FilterMatch } from '@/lib/overlays/filter';

export const OverlayBusContext = createContext<OverlayBus | null>(null);

/** Calls `handler` (always the latest one) for every `name` event on the overlay's bus, with the channel it came on if any. */
export function useOverlayEvent<K extends OverlayEventName>(name: K, handler: (data: OverlayEventMap[K], channel?: string) => void): void {
  const bus = useContext(OverlayBusContext);
  if (!bus) throw new Error('useOverlayEvent needs an OverlayBusContext');
  const onEvent = useEffectEvent(handler);
  useEffect(() => bus.on(name, (data, channel) => onEvent(data, channel)), [bus, name]);
}

/** The overlay's word filter, rebuilt only when its list changes (settings can change while on air). */
export function useWordFilter({ blockedWords, filterMatch }: { blockedWords: readonly string[]; filterMatch: FilterMatch }): WordFilter {
  const someone = useTranslations('overlay')('someone');
  const key = blockedWords.join('\n');
  return useMemo(() => new WordFilter(key ? key.split('\n') : [], filterMatch, someone), [key, filterMatch, someone]);
}

/** A dark translucent card: readable over any stream background. */
export function Panel({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`ov-panel rounded-2xl px-4 py-3 ${className}`}>{children}</div>;
}

/** A whole number in the overlay's language ("12,345", "12 345"). */
export function useFormatNumber(): (value: number) => string {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return (value: number) => format.format(Math.round(value));
  }, [locale]);
}

/** True when the viewer's system asks for less motion (checked when an animation is about to run). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
