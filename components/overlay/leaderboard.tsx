'use client';

// LEADERBOARD: the session's top viewers by points from likes and gifts, scored in the worker.
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { GameSnapshot } from '@/lib/overlays/types';
import { BoardPanel } from './board';
import { useWordFilter } from './context';
import { useGame } from './use-game';

export function Leaderboard({ overlayId, settings, snapshot, serverNow }: { overlayId: string; settings: OverlaySettingsByKind['LEADERBOARD']; snapshot: GameSnapshot | null; serverNow: number }) {
  const filter = useWordFilter(settings);
  const { state } = useGame(overlayId, snapshot, serverNow, settings.size);
  return (
    <div className="p-4">
      <BoardPanel title={settings.title} rows={state.rows} size={settings.size} filter={filter} overtake={settings.showOvertakes ? state.overtake : null} />
    </div>
  );
}
