'use client';

// Settings every kind has: how the overlay looks (accent colour, size) and the words it never shows.
import { fieldId, type FieldErrors } from '@/lib/overlays/editor';
import { isLocale, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { withLanguage } from '@/lib/overlays/default-texts';
import type { OverlayKind, OverlaySettings } from '@/lib/overlays/settings';
import { ChoiceField, ColourField, FieldGroup, RangeField, WordListField } from './controls';

export type FieldsProps<S> = { settings: S; onChange: (settings: S) => void; errors: FieldErrors };

export type CommonSettings = Pick<OverlaySettings, 'accent' | 'scale' | 'blockedWords' | 'filterMatch' | 'language'>;

const MATCHES = [
  { value: 'word', label: 'Whole words' },
  { value: 'anywhere', label: 'Anywhere in a word' },
] as const;

const percent = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');

/** Errors of list items ("blockedWords.3") for the list's own field. */
export function errorsUnder(errors: FieldErrors, path: string): [string, string][] {
  return Object.entries(errors).filter(([field]) => field.startsWith(`${path}.`));
}

const inputClass = 'min-h-11 w-full min-w-0 rounded-lg border border-line bg-panel-2 px-3 py-2';

/** The language the overlay writes (and speaks) in: the audience's, whatever the dashboard's is. */
export function LanguageFields<S extends CommonSettings>({ kind, settings, onChange, errors }: FieldsProps<S> & { kind: OverlayKind }) {
  return (
    <FieldGroup title="Language" description="What the overlay writes and reads aloud is in this language; your dashboard can be in another.">
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={fieldId('language')} className="font-medium">
          Overlay language
        </label>
        <select
          id={fieldId('language')}
          value={settings.language}
          onChange={(event) => {
            if (isLocale(event.target.value)) onChange(withLanguage(kind, settings, event.target.value));
          }}
          aria-describedby={`${fieldId('language')}-hint`}
          className={inputClass}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
        <span id={`${fieldId('language')}-hint`} className="text-xs text-muted">
          Texts you have not changed (title, alert text, label) switch to the new language.
        </span>
        {errors.language && <span className="text-xs font-semibold text-accent">{errors.language}</span>}
      </div>
    </FieldGroup>
  );
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
