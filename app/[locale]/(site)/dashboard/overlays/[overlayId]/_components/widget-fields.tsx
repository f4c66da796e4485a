'use client';

// The fields of the top-gifter card and the subathon timer.
import { useTranslations } from 'next-intl';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, TextField, ToggleField } from './controls';

type TopGifter = OverlaySettingsByKind['TOP_GIFTER'];

export function TopGifterFields({ settings, onChange, errors }: FieldsProps<TopGifter>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof TopGifter>(field: F) => (value: TopGifter[F]) => onChange({ ...settings, [field]: value });
  return (
    <FieldGroup title={t('topGifter.title')} description={t('topGifter.description')}>
      <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} />
      <ToggleField path="showAvatar" label={t('fields.showAvatar')} checked={settings.showAvatar} onChange={set('showAvatar')} error={errors.showAvatar} />
    </FieldGroup>
  );
}

type Timer = OverlaySettingsByKind['TIMER'];

export function TimerFields({ settings, onChange, errors }: FieldsProps<Timer>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Timer>(field: F) => (value: Timer[F]) => onChange({ ...settings, [field]: value });
  return (
    <>
      <FieldGroup title={t('timer.title')} description={t('timer.description')}>
        <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} />
        <NumberField path="startMinutes" label={t('fields.startMinutes')} value={settings.startMinutes} min={1} max={10_080} suffix={t('timer.minutes')} onChange={set('startMinutes')} error={errors.startMinutes} hint={t('timer.startHint')} />
        <NumberField path="capMinutes" label={t('fields.capMinutes')} value={settings.capMinutes} min={0} max={43_200} suffix={t('timer.minutes')} onChange={set('capMinutes')} error={errors.capMinutes} hint={t('timer.capHint')} />
      </FieldGroup>
      <FieldGroup title={t('timer.rulesTitle')} description={t('timer.rulesDescription')}>
        <NumberField path="secondsPerDiamond" label={t('fields.secondsPerDiamond')} value={settings.secondsPerDiamond} min={0} max={600} step={0.1} suffix={t('timer.seconds')} onChange={set('secondsPerDiamond')} error={errors.secondsPerDiamond} hint={t('timer.diamondHint')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField path="secondsPerLikeStep" label={t('fields.secondsPerLikeStep')} value={settings.secondsPerLikeStep} min={0} max={3600} suffix={t('timer.seconds')} onChange={set('secondsPerLikeStep')} error={errors.secondsPerLikeStep} />
          <NumberField path="likesPerStep" label={t('fields.likesPerStep')} value={settings.likesPerStep} min={1} max={1_000_000} suffix={t('timer.likes')} onChange={set('likesPerStep')} error={errors.likesPerStep} />
        </div>
        <NumberField path="secondsPerFollow" label={t('fields.secondsPerFollow')} value={settings.secondsPerFollow} min={0} max={3600} suffix={t('timer.seconds')} onChange={set('secondsPerFollow')} error={errors.secondsPerFollow} />
      </FieldGroup>
    </>
  );
}
