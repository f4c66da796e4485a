'use client';

// Leaderboard and Q&A game: the board's look and the scoring rules they share.
import { useTranslations } from 'next-intl';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { Platform } from '@/lib/platforms/events';
import { ClusterField, type ClusterChoice } from './cluster-field';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, TextField, ToggleField } from './controls';
import { RulesEditor } from './rules-editor';

type Leaderboard = OverlaySettingsByKind['LEADERBOARD'];
type QaGame = OverlaySettingsByKind['QA_GAME'];

function BoardFields<S extends Leaderboard | QaGame>({ settings, onChange, errors }: FieldsProps<S>) {
  const t = useTranslations('overlayEditor');
  return (
    <>
      <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={(title) => onChange({ ...settings, title })} error={errors.title} />
      <NumberField path="size" label={t('fields.size')} value={settings.size} min={1} max={20} onChange={(size) => onChange({ ...settings, size })} error={errors.size} />
      <ToggleField path="showOvertakes" label={t('fields.showOvertakes')} checked={settings.showOvertakes} onChange={(showOvertakes) => onChange({ ...settings, showOvertakes })} error={errors.showOvertakes} />
    </>
  );
}

/** The overlay's platform and the gold a diamond is worth: a Bilibili board says how its gifts score. */
type Scoring = { platform: Platform; goldPerDiamond: number };

/** `applies`, followed on a Bilibili board by how its gifts score. */
function useRulesDescription(applies: string, { platform, goldPerDiamond }: Scoring): string {
  const t = useTranslations('overlayEditor');
  return platform === 'bilibili' ? `${applies} ${t('rules.bilibiliRate', { gold: goldPerDiamond })}` : applies;
}

export function LeaderboardFields({ settings, onChange, errors, scoring, clusterChoices }: FieldsProps<Leaderboard> & { scoring: Scoring; clusterChoices: ClusterChoice[] }) {
  const t = useTranslations('overlayEditor');
  const description = useRulesDescription(t('rules.appliesLeaderboard'), scoring);
  return (
    <>
      <FieldGroup title={t('board.title')}>
        <BoardFields settings={settings} onChange={onChange} errors={errors} />
        <ToggleField path="resetEachLive" label={t('fields.resetEachLive')} checked={settings.resetEachLive} onChange={(resetEachLive) => onChange({ ...settings, resetEachLive })} error={errors.resetEachLive} hint={t('board.resetHint')} />
      </FieldGroup>
      <ClusterField
        value={settings.clusterId}
        onChange={(clusterId) => onChange({ ...settings, clusterId })}
        error={errors.clusterId}
        choices={clusterChoices}
        label={t('fields.boardClusterId')}
        description={t('board.sourcesDescription')}
        hint={t('board.clusterHint')}
        noClusters={t('board.noClusters')}
      />
      <RulesEditor rules={settings.rules} onChange={(rules) => onChange({ ...settings, rules })} errors={errors} description={description} />
    </>
  );
}

export function QaGameFields({ settings, onChange, errors, scoring }: FieldsProps<QaGame> & { scoring: Scoring }) {
  const t = useTranslations('overlayEditor');
  const description = useRulesDescription(t('rules.appliesQaGame'), scoring);
  return (
    <>
      <FieldGroup title={t('board.title')}>
        <BoardFields settings={settings} onChange={onChange} errors={errors} />
        <NumberField path="countdownSeconds" label={t('fields.countdownSeconds')} value={settings.countdownSeconds} min={1} max={60} suffix={t('controls.seconds')} onChange={(countdownSeconds) => onChange({ ...settings, countdownSeconds })} error={errors.countdownSeconds} hint={t('board.countdownHint')} />
      </FieldGroup>
      <RulesEditor rules={settings.rules} onChange={(rules) => onChange({ ...settings, rules })} errors={errors} description={description} />
      <FieldGroup title={t('board.obsTitle')} description={t('board.obsDescription')}>
        <TextField path="obsScene" label={t('board.scene')} value={settings.obsScene} maxLength={100} placeholder={t('board.scenePlaceholder')} onChange={(obsScene) => onChange({ ...settings, obsScene })} error={errors.obsScene} />
        <TextField path="obsUrl" label={t('board.obsUrl')} value={settings.obsUrl} maxLength={200} onChange={(obsUrl) => onChange({ ...settings, obsUrl })} error={errors.obsUrl} hint={t('board.obsUrlHint')} />
        <TextField path="obsPassword" type="password" label={t('board.obsPassword')} value={settings.obsPassword} maxLength={200} onChange={(obsPassword) => onChange({ ...settings, obsPassword })} error={errors.obsPassword} hint={t('board.obsPasswordHint')} />
      </FieldGroup>
    </>
  );
}
