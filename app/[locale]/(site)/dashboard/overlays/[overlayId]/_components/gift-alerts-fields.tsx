'use client';

import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, RangeField, TextField, ToggleField } from './controls';

type Settings = OverlaySettingsByKind['GIFT_ALERTS'];

export function GiftAlertsFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  return (
    <>
      <FieldGroup title="Alerts">
        <NumberField path="minDiamonds" label="Minimum diamonds" value={settings.minDiamonds} min={0} max={1_000_000} onChange={set('minDiamonds')} error={errors.minDiamonds} hint="Gifts worth less (in total) are not shown. 1 shows every gift." />
        <NumberField path="durationSeconds" label="Alert duration" value={settings.durationSeconds} min={1} max={30} step={0.5} suffix="seconds" onChange={set('durationSeconds')} error={errors.durationSeconds} hint="Alerts queue up and play one after another." />
        <TextField path="template" label="Alert text" value={settings.template} maxLength={120} onChange={set('template')} error={errors.template} hint="{name}, {gift}, {count} and {diamonds} are replaced, e.g. “Mia sent 5× Rose”." />
      </FieldGroup>
      <FieldGroup title="Sound and speech" description="In OBS, tick “Control audio via OBS” on the browser source to hear it on stream.">
        <ToggleField path="sound" label="Play a sound" checked={settings.sound} onChange={set('sound')} error={errors.sound} />
        {settings.sound && <RangeField path="volume" label="Volume" value={settings.volume} min={0} max={1} step={0.05} format={(v) => `${Math.round(v * 100)}%`} onChange={set('volume')} error={errors.volume} />}
        <ToggleField path="speech" label="Read alerts aloud" checked={settings.speech} onChange={set('speech')} error={errors.speech} hint="Uses the computer’s text-to-speech voice. Blocked words are never read." />
      </FieldGroup>
    </>
  );
}
