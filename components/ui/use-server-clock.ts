'use client';

// The server's clock for countdowns (the Q&A host panel and the Q&A overlay).
import { useMemo, useSyncExternalStore } from 'react';

const STEP_MS = 250;
const still = () => () => undefined;

/**
 * The server's clock as this device estimates it (its own clock plus `offsetMs`), in steps of 250 ms.
 * Re-renders every step while `ticking`, and reads the clock afresh on any other render. The server
 * renders (and hydration starts) with `renderedAt`, so both draw the same countdown.
 */
export function useServerClock(ticking: boolean, offsetMs: number, renderedAt: number): number {
  const subscribe = useMemo(
    () =>
      ticking
        ? (onChange: () => void) => {
            const timer = setInterval(onChange, STEP_MS);
            return () => clearInterval(timer);
          }
        : still,
    [ticking],
  );
  return useSyncExternalStore(subscribe, () => Math.floor((Date.now() + offsetMs) / STEP_MS) * STEP_MS, () => renderedAt);
}
