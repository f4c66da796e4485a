'use client';

// The settings fields of one overlay, chosen by its kind, followed by the look every kind shares and the
// word filter of the kinds that show viewers' names or messages.
import type { ReactNode } from 'react';
import { offersWordFilter, type FieldErrors, type SettingsDraft } from '@/lib/overlays/editor';
import type { OverlayKind } from '@/lib/overlays/settings';
import type { Platform } from '@/lib/platforms/events';
import { AppearanceFields, FilterFields, LanguageFields, type CommonSettings, type FieldsProps } from './common-fields';
import { ActivityFields, ChatFields, ViewerCountFields } from './feed-fields';
import type { ClusterChoice } from './cluster-field';
import { GiftAlertsFields } from './gift-alerts-fields';
import { GoalFields } from './goal-fields';
import { LookFields } from './look-fields';
import { LeaderboardFields, QaGameFields } from './scored-fields';
import { TimerFields, TopGifterFields } from './widget-fields';
import { WheelFields } from './wheel-fields';

/**
 * What the "Draw from" choice offers: the clusters holding the channel; the overlay's platform and the gold a
 * diamond is worth (a value goal's conversion, a Bilibili board's scoring).
 */
export type SourceChoices = { clusters: ClusterChoice[]; goldPerDiamond: number; platform: Platform };
type Props = { draft: SettingsDraft; onChange: (draft: SettingsDraft) => void; errors: FieldErrors; sources: SourceChoices };

export function SettingsFields({ draft, onChange, errors, sources }: Props) {
  // One branch per kind ties the settings' type to the kind without casts.
  switch (draft.kind) {
    case 'GIFT_ALERTS': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<GiftAlertsFields {...props} clusterChoices={sources.clusters} platform={sources.platform} />} />;
    }
    case 'LEADERBOARD': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<LeaderboardFields {...props} scoring={sources} clusterChoices={sources.clusters} />} />;
    }
    case 'GOAL': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<GoalFields {...props} clusterChoices={sources.clusters} goldPerDiamond={sources.goldPerDiamond} />} />;
    }
    case 'CHAT': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<ChatFields {...props} />} />;
    }
    case 'VIEWER_COUNT': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<ViewerCountFields {...props} />} />;
    }
    case 'ACTIVITY': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<ActivityFields {...props} />} />;
    }
    case 'QA_GAME': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<QaGameFields {...props} scoring={sources} />} />;
    }
    case 'TOP_GIFTER': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<TopGifterFields {...props} />} />;
    }
    case 'TIMER': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<TimerFields {...props} />} />;
    }
    case 'WHEEL': {
      const props = { settings: draft.settings, errors, onChange: (settings: typeof draft.settings) => onChange({ kind: draft.kind, settings }) };
      return <WithShared kind={draft.kind} {...props} fields={<WheelFields {...props} />} />;
    }
  }
}

function WithShared<S extends CommonSettings>({ kind, fields, ...props }: FieldsProps<S> & { kind: OverlayKind; fields: ReactNode }) {
  return (
    <>
      <LanguageFields kind={kind} {...props} />
      {fields}
      <AppearanceFields {...props} />
      <LookFields {...props} />
      {offersWordFilter(kind) && <FilterFields {...props} />}
    </>
  );
}
