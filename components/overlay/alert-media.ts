// The alert media's life in the overlay page: every file the variations name is made ready when the page
// loads (lib/overlays/alert-media.ts says how), and a sound or video element lets go of its decoder as soon
// as its alert leaves (a media element taken out of the page only pauses, keeping its player until garbage
// collection: on a page that plays an alert every few seconds they pile up).
import { useEffect, useRef } from 'react';
import { alertMediaToPreload } from '@/lib/overlays/alert-media';
import { overlayMediaPath, type AlertVariation } from '@/lib/overlays/variations';

export function usePreloadedAlertMedia(token: string, variations: readonly AlertVariation[]): void {
  const key = JSON.stringify(alertMediaToPreload(variations));
  useEffect(() => {
    const items = JSON.parse(key) as ReturnType<typeof alertMediaToPreload>;
    const controller = new AbortController();
    // Held while the settings stand, so the decoded pictures stay in the page's image cache.
    const images: HTMLImageElement[] = [];
    for (const item of items) {
      const src = overlayMediaPath(token, item.mediaId);
      if (item.as === 'image') {
        const image = new Image();
        image.decoding = 'async';
        image.src = src;
        // A file deleted since fails here and again in its alert, which then shows its usual icon.
        image.decode().catch(() => undefined);
        images.push(image);
      } else {
        fetch(src, { signal: controller.signal })
          .then((response) => (response.ok ? response.arrayBuffer() : null))
          .catch(() => undefined);
      }
    }
    return () => {
      controller.abort();
      images.length = 0;
    };
  }, [token, key]);
}

/** Stops a media element and releases what it holds (its player, decoder and audio output) at once. */
export function releaseMedia(element: Pick<HTMLMediaElement, 'pause' | 'removeAttribute' | 'load'>): void {
  element.pause();
  element.removeAttribute('src');
  element.load();
}

/** A ref for an alert's sound or video: its volume kept, and released when the alert leaves. */
export function useAlertMediaElement<T extends HTMLMediaElement>(volume: number) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ref.current) ref.current.volume = Math.min(1, Math.max(0, volume));
  }, [volume]);
  useEffect(() => {
    const element = ref.current;
    return () => {
      // Still in the page: React's development double run of effects, not the alert leaving.
      if (element && !element.isConnected) releaseMedia(element);
    };
  }, []);
  return ref;
}
