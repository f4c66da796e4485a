'use client';

// The feed-like kinds: chat box, recent activity, viewer count.
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, TextField, ToggleField } from './controls';

type Chat = OverlaySettingsByKind['CHAT'];
type Activity = OverlaySettingsByKind['ACTIVITY'];
type ViewerCount = OverlaySettingsByKind['VIEWER_COUNT'];

export function ChatFields({ settings, onChange, errors }: FieldsProps<Chat>) {
  const set = <F extends keyof Chat>(field: F) => (value: Chat[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title="Chat">
      <NumberField path="maxMessages" label="Messages shown" value={settings.maxMessages} min={1} max={50} onChange={set('maxMessages')} error={errors.maxMessages} />
      <NumberField path="hideAfterSeconds" label="Hide messages after" value={settings.hideAfterSeconds} min={0} max={600} suffix="seconds" onChange={set('hideAfterSeconds')} error={errors.hideAfterSeconds} hint="0 keeps each message until newer ones push it out." />
      <ToggleField path="showModeratorBadge" label="Show a badge on moderators’ messages" checked={settings.showModeratorBadge} onChange={set('showModeratorBadge')} error={errors.showModeratorBadge} />
    </FieldGroup>
  );
}

export function ActivityFields({ settings, onChange, errors }: FieldsProps<Activity>) {
  const set = <F extends keyof Activity>(field: F) => (value: Activity[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title="Activity" description="Which events appear in the list.">
      <NumberField path="maxItems" label="Items shown" value={settings.maxItems} min={1} max={20} onChange={set('maxItems')} error={errors.maxItems} />
      <ToggleField path="follows" label="Follows" checked={settings.follows} onChange={set('follows')} error={errors.follows} />
      <ToggleField path="shares" label="Shares" checked={settings.shares} onChange={set('shares')} error={errors.shares} />
      <ToggleField path="gifts" label="Gifts" checked={settings.gifts} onChange={set('gifts')} error={errors.gifts} />
      <ToggleField path="joins" label="Viewers joining" checked={settings.joins} onChange={set('joins')} error={errors.joins} hint="Busy streams get many; best left off above a few hundred viewers." />
    </FieldGroup>
  );
}

export function ViewerCountFields({ settings, onChange, errors }: FieldsProps<ViewerCount>) {
  return (
    <FieldGroup title="Viewer count">
      <TextField path="label" label="Label" value={settings.label} maxLength={40} onChange={(label) => onChange({ ...settings, label })} error={errors.label} hint="Shown after the number, e.g. “1,204 watching”." />
    </FieldGroup>
  );
}
