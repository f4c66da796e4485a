'use client';

// Settings every kind has: how the overlay looks (accent colour, size) and the words it never shows.
import type { FieldErrors } from '@/lib/overlays/editor';
import type { OverlaySettings } from '@/lib/overlays/settings';
import { ChoiceField, ColourField, FieldGroup, RangeField, WordListField } from './controls';

export type FieldsProps<S> = { settings: S; onChange: (settings: S) => void; errors: FieldErrors };

export type CommonSettings = Pick<OverlaySettings, 'accent' | 'scale' | 'blockedWords' | 'filterMatch'>;

const MATCHES = [
  { value: 'word', label: 'Whole words' },
  { value: 'anywhere', label: 'Anywhere in a word' },
] as const;

const percent = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');

/** Errors of list items ("blockedWords.3") for the list's own field. */
export function errorsUnder(errors: FieldErrors, path: string): [string, string][] {
  return Object.entries(errors).filter(([field]) => field.startsWith(`${path}.`));
}

export function AppearanceFields<S extends CommonSettings>({ settings, onChange, errors }: FieldsProps<S>) {
  return (
    <FieldGroup title="Look">
      <ColourField path="accent" label="Accent colour" value={settings.accent} onChange={(accent) => onChange({ ...settings, accent })} error={errors.accent} hint="Bars, highlights and badges use it." />
      <RangeField path="scale" label="Size" value={settings.scale} min={0.5} max={3} step={0.1} format={percent} onChange={(scale) => onChange({ ...settings, scale })} error={errors.scale} hint="Enlarges the text and boxes; the OBS source keeps its size." />
    </FieldGroup>
  );
}

export function FilterFields<S extends CommonSettings>({ settings, onChange, errors }: FieldsProps<S>) {
  return (
    <FieldGroup title="Word filter" description="Keeps abusive names and messages off your stream.">
      <WordListField
        path="blockedWords"
        label="Blocked words"
        value={settings.blockedWords}
        onChange={(blockedWords) => onChange({ ...settings, blockedWords })}
        error={errors.blockedWords}
        errors={errorsUnder(errors, 'blockedWords')}
        hint="One word or phrase per line (up to 200), in any language. A name containing one shows as “Someone”; a message containing one is not shown or read out — also when spelled with spaces, accents, numbers or look-alike letters of another alphabet."
      />
      <ChoiceField
        path="filterMatch"
        label="Match blocked words"
        value={settings.filterMatch}
        options={MATCHES}
        onChange={(filterMatch) => onChange({ ...settings, filterMatch })}
        error={errors.filterMatch}
        hint="Whole words: blocking “ass” leaves “classic” alone. Anywhere: also inside longer words."
      />
    </FieldGroup>
  );
}
