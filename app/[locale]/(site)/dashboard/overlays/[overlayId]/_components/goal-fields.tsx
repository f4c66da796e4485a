'use client';

import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { ChoiceField, FieldGroup, NumberField, TextField } from './controls';

type Settings = OverlaySettingsByKind['GOAL'];

const METRICS = [
  { value: 'likes', label: 'Likes' },
  { value: 'diamonds', label: 'Diamonds' },
  { value: 'follows', label: 'New followers' },
] as const;

export function GoalFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title="Goal">
      <TextField path="title" label="Title" value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} placeholder="Like goal" />
      <ChoiceField path="metric" label="Goal counts" value={settings.metric} options={METRICS} onChange={set('metric')} error={errors.metric} hint="Counted over the current LIVE." />
      <NumberField path="target" label="Target" value={settings.target} min={1} max={1_000_000_000} onChange={set('target')} error={errors.target} />
    </FieldGroup>
  );
}
