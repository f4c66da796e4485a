'use client';

import { useTranslations } from 'next-intl';
import { speak } from '@/components/overlay/alert-effects';
import { LOCALE_NAMES } from '@/lib/i18n/locales';
import { OVERLAY_DEFAULT_TEXTS } from '@/lib/overlays/default-texts';
import { fillTemplate } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { pickVoice, SPEECH_TAGS } from '@/lib/overlays/speech';
import { ClusterField, type ClusterChoice } from './cluster-field';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, RangeField, SelectField, TextField, ToggleField } from './controls';
import { useVoices } from './use-voices';
import { VariationFields } from './variation-fields';
import type { Platform } from '@/lib/platforms/events';

type Settings = OverlaySettingsByKind['GIFT_ALERTS'];

export function GiftAlertsFields({ settings, onChange, errors, clusterChoices = [], platform = 'tiktok' }: FieldsProps<Settings> & { clusterChoices?: ClusterChoice[]; platform?: Platform }) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  return (
    <>
      <FieldGroup title={t('giftAlerts.alertsTitle')}>
        <NumberField path="minDiamonds" label={t('fields.minDiamonds')} value={settings.minDiamonds} min={0} max={1_000_000} onChange={set('minDiamonds')} error={errors.minDiamonds} hint={t('giftAlerts.minDiamondsHint')} />
        <NumberField path="durationSeconds" label={t('fields.durationSeconds')} value={settings.durationSeconds} min={1} max={30} step={0.5} suffix={t('controls.seconds')} onChange={set('durationSeconds')} error={errors.durationSeconds} hint={t('giftAlerts.durationHint')} />
        <TextField path="template" label={t('fields.template')} value={settings.template} maxLength={120} onChange={set('template')} error={errors.template} hint={t('giftAlerts.templateHint')} />
      </FieldGroup>
      <FieldGroup title={t('giftAlerts.soundTitle')} description={t('giftAlerts.soundDescription')}>
        <ToggleField path="sound" label={t('fields.sound')} checked={settings.sound} onChange={set('sound')} error={errors.sound} />
        {settings.sound && <RangeField path="volume" label={t('fields.volume')} value={settings.volume} min={0} max={1} step={0.05} format={(v) => `${Math.round(v * 100)}%`} onChange={set('volume')} error={errors.volume} />}
        <ToggleField path="speech" label={t('fields.speech')} checked={settings.speech} onChange={set('speech')} error={errors.speech} hint={t('giftAlerts.speechHint')} />
        {settings.speech && <SpeechFields settings={settings} onChange={onChange} errors={errors} />}
      </FieldGroup>
      <ClusterField
        value={settings.clusterId}
        onChange={set('clusterId')}
        error={errors.clusterId}
        choices={clusterChoices}
        label={t('fields.clusterId')}
        description={t('giftAlerts.sourcesDescription')}
        hint={t('giftAlerts.clusterHint')}
        noClusters={t('giftAlerts.noClusters')}
      />
      <VariationFields settings={settings} onChange={onChange} errors={errors} platform={platform} />
    </>
  );
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Voice, rate, volume and language detection, with a button that reads a sample alert. */
function SpeechFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  const voices = useVoices();
  const language = LOCALE_NAMES[settings.language];
  // The setting holds a voice's name, so one entry per name (a browser may list a name twice).
  const speaking = voices.filter((voice) => pickVoice([voice], settings.language, voice.name) !== undefined).filter((voice, i, all) => all.findIndex((other) => other.name === voice.name) === i);
  const used = pickVoice(voices, settings.language, settings.speechVoice);
  const sample = fillTemplate(settings.template || OVERLAY_DEFAULT_TEXTS[settings.language].template, { name: 'Mia', gift: 'Rose', count: 5, diamonds: 5 });
  return (
    <>
      <SelectField
        path="speechVoice"
        label={t('fields.speechVoice')}
        value={settings.speechVoice}
        options={[
          { value: '', label: t('giftAlerts.defaultVoice', { language }) },
          ...speaking.map((voice) => ({ value: voice.name, label: `${voice.name} (${voice.lang})` })),
          ...(settings.speechVoice && !speaking.some((voice) => voice.name === settings.speechVoice) ? [{ value: settings.speechVoice, label: t('giftAlerts.voiceMissing', { voice: settings.speechVoice }) }] : []),
        ]}
        onChange={set('speechVoice')}
        hint={speaking.length === 0 ? t('giftAlerts.noVoice', { language, tag: SPEECH_TAGS[settings.language] }) : used ? t('giftAlerts.sameVoiceHere', { language, voice: used.name }) : t('giftAlerts.sameVoice', { language })}
        error={errors.speechVoice}
      />
      <RangeField path="speechRate" label={t('fields.speechRate')} value={settings.speechRate} min={0.5} max={2} step={0.1} format={(v) => `${v.toFixed(1)}×`} onChange={set('speechRate')} error={errors.speechRate} />
      <RangeField path="speechVolume" label={t('fields.speechVolume')} value={settings.speechVolume} min={0} max={1} step={0.05} format={percent} onChange={set('speechVolume')} error={errors.speechVolume} />
      <ToggleField path="speechDetect" label={t('fields.speechDetect')} checked={settings.speechDetect} onChange={set('speechDetect')} error={errors.speechDetect} hint={t('giftAlerts.detectHint', { language })} />
      <button type="button" onClick={() => speak(sample, { locale: settings.language, voice: settings.speechVoice, rate: settings.speechRate, volume: settings.speechVolume })} className="min-h-11 self-start rounded-lg border border-line px-4 py-2 text-sm font-semibold hover:bg-panel-2">
        {t('giftAlerts.testVoice', { sample })}
      </button>
    </>
  );
}
