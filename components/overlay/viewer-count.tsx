'use client';

// VIEWER_COUNT: how many people watch the LIVE now.
import { useState } from 'react';
import { displayText } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { LiveCounters } from '@/lib/realtime/payloads';
import { Panel, useFormatNumber, useOverlayEvent } from './context';

export function ViewerCount({ settings, live }: { settings: OverlaySettingsByKind['VIEWER_COUNT']; live: LiveCounters | null }) {
  const formatNumber = useFormatNumber();
  const [viewers, setViewers] = useState(live?.viewers ?? 0);
  useOverlayEvent('counters', (counters) => setViewers(counters.viewers));
  useOverlayEvent('live-status', (status) => {
    if (status.state === 'offline') setViewers(0);
  });
  const label = displayText(settings.label, 40);
  return (
    <div className="p-4">
      <Panel className="inline-flex items-center gap-2.5">
        <span aria-hidden className="ov-accent-bg size-3 rounded-full motion-safe:animate-pulse" />
        <span data-testid="viewer-count" data-value={viewers} className="text-3xl font-black tabular-nums">
          {formatNumber(viewers)}
        </span>
        {label && <span className="text-xl font-semibold">{label}</span>}
      </Panel>
    </div>
  );
}
