'use client';

import { useTranslations } from 'next-intl';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';
import type { FieldsProps } from './common-fields';
import { ChoiceField, FieldGroup, NumberField, SelectField, TextField } from './controls';

type Settings = OverlaySettingsByKind['GOAL'];

export function GoalFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  const metrics = [
    { value: 'likes', label: t('goal.metricLikes') },
    { value: 'diamonds', label: t('goal.metricDiamonds') },
    { value: 'follows', label: t('goal.metricFollows') },
    { value: 'gift', label: t('goal.metricGift') },
  ] as const;
  // The gifts the app knows by name and value; a gift saved earlier that the list no longer has stays choosable.
  const known = GIFT_CATALOG.map((g) => ({ value: g.giftId, label: t('goal.giftOption', { emoji: g.emoji, name: g.name, diamonds: g.diamondCount }) }));
  const saved = settings.giftId && !GIFT_CATALOG.some((g) => g.giftId === settings.giftId) ? [{ value: settings.giftId, label: settings.giftName || settings.giftId }] : [];
  const gifts = [{ value: '', label: t('goal.giftNone') }, ...saved, ...known];
  const chooseGift = (giftId: string) => {
    const gift = GIFT_CATALOG.find((g) => g.giftId === giftId);
    onChange({ ...settings, giftId, giftName: gift?.name ?? (giftId === settings.giftId ? settings.giftName : '') });
  };
  return (
    <FieldGroup title={t('goal.title')}>
      <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} placeholder={t('goal.titlePlaceholder')} />
      <ChoiceField path="metric" label={t('fields.metric')} value={settings.metric} options={metrics} onChange={set('metric')} error={errors.metric} hint={settings.metric === 'gift' ? t('goal.giftHint') : t('goal.metricHint')} />
      {settings.metric === 'gift' && <SelectField path="giftId" label={t('fields.giftId')} value={settings.giftId} options={gifts} onChange={chooseGift} error={errors.giftId} />}
      <NumberField path="target" label={t('fields.target')} value={settings.target} min={1} max={1_000_000_000} onChange={set('target')} error={errors.target} />
    </FieldGroup>
  );
}
