'use client';

import { useTranslations } from 'next-intl';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { ChoiceField, FieldGroup, NumberField, TextField } from './controls';

type Settings = OverlaySettingsByKind['GOAL'];

export function GoalFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  const metrics = [
    { value: 'likes', label: t('goal.metricLikes') },
    { value: 'diamonds', label: t('goal.metricDiamonds') },
    { value: 'follows', label: t('goal.metricFollows') },
  ] as const;
  return (
    <FieldGroup title={t('goal.title')}>
      <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} placeholder={t('goal.titlePlaceholder')} />
      <ChoiceField path="metric" label={t('fields.metric')} value={settings.metric} options={metrics} onChange={set('metric')} error={errors.metric} hint={t('goal.metricHint')} />
      <NumberField path="target" label={t('fields.target')} value={settings.target} min={1} max={1_000_000_000} onChange={set('target')} error={errors.target} />
    </FieldGroup>
  );
}
