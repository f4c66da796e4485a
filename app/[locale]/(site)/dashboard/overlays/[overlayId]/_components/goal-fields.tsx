'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { ClusterField, type ClusterChoice } from './cluster-field';
import type { FieldsProps } from './common-fields';
import { ChoiceField, FieldGroup, NumberField, SelectField, TextField } from './controls';
import { useGiftChoices } from './use-gift-choices';

type Settings = OverlaySettingsByKind['GOAL'];

/** `goldPerDiamond`: the rate a value goal converts between TikTok diamonds and Bilibili gold at (lib/overlays/goal-sources.ts). */
export function GoalFields({ settings, onChange, errors, clusterChoices = [], goldPerDiamond }: FieldsProps<Settings> & { clusterChoices?: ClusterChoice[]; goldPerDiamond: number }) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  const metrics = [
    { value: 'likes', label: t('goal.metricLikes') },
    { value: 'diamonds', label: t('goal.metricDiamonds') },
    { value: 'follows', label: t('goal.metricFollows') },
    { value: 'gift', label: t('goal.metricGift') },
  ] as const;
  // The gifts seen on LIVEs and the catalogue's, searchable; the saved gift stays choosable when the list leaves it out.
  const [search, setSearch] = useState('');
  const choices = useGiftChoices(search);
  const known = choices.map((g) => ({ value: g.giftId, label: t('goal.giftOption', { emoji: g.emoji, name: g.name, diamonds: g.diamondCount }) }));
  const saved = settings.giftId && !choices.some((g) => g.giftId === settings.giftId) ? [{ value: settings.giftId, label: settings.giftName || settings.giftId }] : [];
  const gifts = [{ value: '', label: t('goal.giftNone') }, ...saved, ...known];
  const chooseGift = (giftId: string) => {
    const gift = choices.find((g) => g.giftId === giftId);
    onChange({ ...settings, giftId, giftName: gift?.name ?? (giftId === settings.giftId ? settings.giftName : '') });
  };
  return (
    <>
      <FieldGroup title={t('goal.title')}>
        <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} placeholder={t('goal.titlePlaceholder')} />
        <ChoiceField path="metric" label={t('fields.metric')} value={settings.metric} options={metrics} onChange={set('metric')} error={errors.metric} hint={settings.metric === 'gift' ? t('goal.giftHint') : t('goal.metricHint')} />
        {settings.metric === 'gift' && (
          <>
            <TextField path="giftSearch" label={t('studio.giftSearch')} value={search} maxLength={60} onChange={setSearch} hint={known.length === 0 && search.trim() !== '' ? t('studio.giftsNoMatch', { query: search.trim() }) : undefined} />
            <SelectField path="giftId" label={t('fields.giftId')} value={settings.giftId} options={gifts} onChange={chooseGift} error={errors.giftId} />
          </>
        )}
        <NumberField path="target" label={t('fields.target')} value={settings.target} min={1} max={1_000_000_000} onChange={set('target')} error={errors.target} />
      </FieldGroup>
      <ClusterField
        value={settings.clusterId}
        onChange={set('clusterId')}
        error={errors.clusterId}
        choices={clusterChoices}
        label={t('fields.goalClusterId')}
        description={t('goal.sourcesDescription')}
        hint={t('goal.clusterHint', { gold: goldPerDiamond })}
        noClusters={t('goal.noClusters')}
      />
    </>
  );
}
