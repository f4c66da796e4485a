'use client';

// The session a leaderboard or Q&A overlay displays (lib/overlays/game-view.ts), kept current from
// "game" messages of this overlay only, with the server clock offset for countdowns.
import { useEffect, useReducer, useState } from 'react';
import { initialGameState, reduceGame } from '@/lib/overlays/game-view';
import type { GameSnapshot } from '@/lib/overlays/types';
import { useOverlayEvent } from './context';

const OVERTAKE_SHOWN_MS = 4000;

/**
 * The game an overlay shows. `offsetMs` (server clock minus this browser's) is kept current from the
 * snapshot and every state message, so a countdown ends on the server's freeze instant.
 */
export function useGame(overlayId: string, snapshot: GameSnapshot | null, serverNow: number, size: number) {
  const [state, dispatch] = useReducer(reduceGame, { snapshot, serverNow }, initialGameState);
  // Computed in the browser when the page hydrates (the server renders the countdown at `serverNow`).
  const [offsetMs, setOffsetMs] = useState(() => serverNow - Date.now());

  useOverlayEvent('game', (message) => {
    if (message.overlayId !== overlayId) return;
    if (message.type === 'state') setOffsetMs(message.serverNow - Date.now());
    dispatch({ type: 'message', message, size });
  });

  const key = state.overtake?.key;
  useEffect(() => {
    if (key === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'overtake-shown', key }), OVERTAKE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return { state, offsetMs };
}
