'use client';

// The editor's preview (`?preview=1`, in an iframe of the same origin): applies the settings the editor
// posts before they are saved, fires a sample event on "test", and plays sample data while the account
// is not live. Messages from any other origin, or of any other shape, are ignored.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { OverlayBus } from '@/lib/overlays/events';
import { PREVIEW_TICK_MS, PreviewSamples, readEditorMessage } from '@/lib/overlays/preview';
import type { KindSettings } from '@/lib/overlays/settings';

/** Sent to the parent window once the preview listens, so an editor can (re)send its unsaved settings. */
export const PREVIEW_READY = { source: 'livelens-overlay', type: 'ready' } as const;

type PreviewOptions = {
  enabled: boolean;
  /** Play sample data (the account is not live and nothing real has arrived yet). */
  sampling: boolean;
  overlay: KindSettings;
  bus: OverlayBus;
  overlayId: string;
  sessionId: string;
  onSettings: (settings: unknown) => void;
};

export function useEditorPreview({ enabled, sampling, overlay, bus, overlayId, sessionId, onSettings }: PreviewOptions): void {
  const [samples] = useState(() => new PreviewSamples(overlayId, sessionId));
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const runTest = useEffectEvent((variationId?: string) => {
    if (variationId) {
      bus.emit({ name: 'alert-test', data: { variationId } });
      return;
    }
    for (const { afterMs, event } of samples.test(overlay)) {
      if (afterMs <= 0) {
        bus.emit(event);
        continue;
      }
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        bus.emit(event);
      }, afterMs);
      timers.current.add(timer);
    }
  });
  const applySettings = useEffectEvent((settings: unknown) => onSettings(settings));

  useEffect(() => {
    if (!enabled) return;
    const onMessage = (event: MessageEvent) => {
      const message = readEditorMessage(event, window.location.origin);
      if (!message) return;
      if (message.type === 'settings') applySettings(message.settings);
      else runTest(message.variationId);
    };
    window.addEventListener('message', onMessage);
    if (window.parent !== window) window.parent.postMessage(PREVIEW_READY, window.location.origin);
    const pending = timers.current;
    return () => {
      window.removeEventListener('message', onMessage);
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, [enabled]);

  const play = useEffectEvent((first: boolean) => {
    for (const event of first ? samples.initial(overlay) : samples.tick(overlay)) bus.emit(event);
  });
  useEffect(() => {
    if (!enabled || !sampling) return;
    play(true);
    const timer = setInterval(() => play(false), PREVIEW_TICK_MS);
    return () => clearInterval(timer);
  }, [enabled, sampling]);
}
