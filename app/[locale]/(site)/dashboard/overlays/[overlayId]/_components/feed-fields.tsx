'use client';

// The feed-like kinds: chat box, recent activity, viewer count.
import { useTranslations } from 'next-intl';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, TextField, ToggleField } from './controls';

type Chat = OverlaySettingsByKind['CHAT'];
type Activity = OverlaySettingsByKind['ACTIVITY'];
type ViewerCount = OverlaySettingsByKind['VIEWER_COUNT'];

export function ChatFields({ settings, onChange, errors }: FieldsProps<Chat>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Chat>(field: F) => (value: Chat[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title={t('chat.title')}>
      <NumberField path="maxMessages" label={t('fields.maxMessages')} value={settings.maxMessages} min={1} max={50} onChange={set('maxMessages')} error={errors.maxMessages} />
      <NumberField path="hideAfterSeconds" label={t('fields.hideAfterSeconds')} value={settings.hideAfterSeconds} min={0} max={600} suffix={t('controls.seconds')} onChange={set('hideAfterSeconds')} error={errors.hideAfterSeconds} hint={t('chat.hideHint')} />
      <ToggleField path="showModeratorBadge" label={t('fields.showModeratorBadge')} checked={settings.showModeratorBadge} onChange={set('showModeratorBadge')} error={errors.showModeratorBadge} />
    </FieldGroup>
  );
}

export function ActivityFields({ settings, onChange, errors }: FieldsProps<Activity>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Activity>(field: F) => (value: Activity[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title={t('activity.title')} description={t('activity.description')}>
      <NumberField path="maxItems" label={t('fields.maxItems')} value={settings.maxItems} min={1} max={20} onChange={set('maxItems')} error={errors.maxItems} />
      <ToggleField path="follows" label={t('fields.follows')} checked={settings.follows} onChange={set('follows')} error={errors.follows} />
      <ToggleField path="shares" label={t('fields.shares')} checked={settings.shares} onChange={set('shares')} error={errors.shares} />
      <ToggleField path="gifts" label={t('fields.gifts')} checked={settings.gifts} onChange={set('gifts')} error={errors.gifts} />
      <ToggleField path="joins" label={t('fields.joins')} checked={settings.joins} onChange={set('joins')} error={errors.joins} hint={t('activity.joinsHint')} />
    </FieldGroup>
  );
}

export function ViewerCountFields({ settings, onChange, errors }: FieldsProps<ViewerCount>) {
  const t = useTranslations('overlayEditor');
  return (
    <FieldGroup title={t('viewerCount.title')}>
      <TextField path="label" label={t('fields.label')} value={settings.label} maxLength={40} onChange={(label) => onChange({ ...settings, label })} error={errors.label} hint={t('viewerCount.labelHint')} />
    </FieldGroup>
  );
}
