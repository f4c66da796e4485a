'use client';

// Leaderboard and Q&A game: the board's look and the scoring rules they share.
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, TextField, ToggleField } from './controls';
import { RulesEditor } from './rules-editor';

type Leaderboard = OverlaySettingsByKind['LEADERBOARD'];
type QaGame = OverlaySettingsByKind['QA_GAME'];

function BoardFields<S extends Leaderboard | QaGame>({ settings, onChange, errors }: FieldsProps<S>) {
  return (
    <>
      <TextField path="title" label="Title" value={settings.title} maxLength={60} onChange={(title) => onChange({ ...settings, title })} error={errors.title} />
      <NumberField path="size" label="Rows shown" value={settings.size} min={1} max={20} onChange={(size) => onChange({ ...settings, size })} error={errors.size} />
      <ToggleField path="showOvertakes" label="Show “A overtook B” moments" checked={settings.showOvertakes} onChange={(showOvertakes) => onChange({ ...settings, showOvertakes })} error={errors.showOvertakes} />
    </>
  );
}

export function LeaderboardFields({ settings, onChange, errors }: FieldsProps<Leaderboard>) {
  return (
    <>
      <FieldGroup title="Board">
        <BoardFields settings={settings} onChange={onChange} errors={errors} />
        <ToggleField path="resetEachLive" label="Start a fresh board each LIVE" checked={settings.resetEachLive} onChange={(resetEachLive) => onChange({ ...settings, resetEachLive })} error={errors.resetEachLive} hint="Otherwise points add up across lives until you press “Reset board”." />
      </FieldGroup>
      <RulesEditor rules={settings.rules} onChange={(rules) => onChange({ ...settings, rules })} errors={errors} appliesFrom="the next board (the next LIVE, or “Reset board”)" />
    </>
  );
}

export function QaGameFields({ settings, onChange, errors }: FieldsProps<QaGame>) {
  return (
    <>
      <FieldGroup title="Board">
        <BoardFields settings={settings} onChange={onChange} errors={errors} />
        <NumberField path="countdownSeconds" label="Freeze countdown" value={settings.countdownSeconds} min={1} max={60} suffix="seconds" onChange={(countdownSeconds) => onChange({ ...settings, countdownSeconds })} error={errors.countdownSeconds} hint="Shown on the overlay after you press Freeze; points stop when it ends." />
      </FieldGroup>
      <RulesEditor rules={settings.rules} onChange={(rules) => onChange({ ...settings, rules })} errors={errors} appliesFrom="the next session you start in the host panel" />
      <FieldGroup title="Switch OBS scene when the countdown ends (optional)" description="Uses OBS’s own websocket server (OBS 28 or later: Tools → WebSocket Server Settings → Enable). Leave the scene empty to turn this off.">
        <TextField path="obsScene" label="Scene to switch to" value={settings.obsScene} maxLength={100} placeholder="e.g. Q&A winner" onChange={(obsScene) => onChange({ ...settings, obsScene })} error={errors.obsScene} />
        <TextField path="obsUrl" label="OBS websocket address" value={settings.obsUrl} maxLength={200} onChange={(obsUrl) => onChange({ ...settings, obsUrl })} error={errors.obsUrl} hint="ws://127.0.0.1:4455 when the overlay runs in OBS on the same computer." />
        <TextField path="obsPassword" type="password" label="OBS websocket password" value={settings.obsPassword} maxLength={200} onChange={(obsPassword) => onChange({ ...settings, obsPassword })} error={errors.obsPassword} hint="Kept with the overlay and sent to the overlay page, so anyone with the overlay’s URL could read it; OBS’s websocket normally accepts connections from this computer only." />
      </FieldGroup>
    </>
  );
}
