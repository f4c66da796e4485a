'use client';

// Settings every kind has: how the overlay looks (accent colour, size) and the words it never shows.
import { useTranslations } from 'next-intl';
import { fieldId, type FieldErrors } from '@/lib/overlays/editor';
import { isLocale, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { withLanguage } from '@/lib/overlays/default-texts';
import type { OverlayKind, OverlaySettings } from '@/lib/overlays/settings';
import { ChoiceField, ColourField, FieldGroup, RangeField, WordListField } from './controls';

export type FieldsProps<S> = { settings: S; onChange: (settings: S) => void; errors: FieldErrors };

export type CommonSettings = Pick<OverlaySettings, 'accent' | 'scale' | 'blockedWords' | 'filterMatch' | 'language'>;

const percent = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');

/** Errors of list items ("blockedWords.3") for the list's own field. */
export function errorsUnder(errors: FieldErrors, path: string): [string, string][] {
  return Object.entries(errors).filter(([field]) => field.startsWith(`${path}.`));
}

const inputClass = 'min-h-11 w-full min-w-0 rounded-lg border border-line bg-panel-2 px-3 py-2';

/** The language the overlay writes (and speaks) in: the audience's, whatever the dashboard's is. */
export function LanguageFields<S extends CommonSettings>({ kind, settings, onChange, errors }: FieldsProps<S> & { kind: OverlayKind }) {
  const t = useTranslations('overlayEditor');
  return (
    <FieldGroup title={t('language.title')} description={t('language.description')}>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={fieldId('language')} className="font-medium">
          {t('fields.language')}
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
          {t('language.hint')}
        </span>
        {errors.language && <span className="text-xs font-semibold text-accent">{errors.language}</span>}
      </div>
    </FieldGroup>
  );
}

export function AppearanceFields<S extends CommonSettings>({ settings, onChange, errors }: FieldsProps<S>) {
  const t = useTranslations('overlayEditor');
  return (
    <FieldGroup title={t('look.title')}>
      <ColourField path="accent" label={t('fields.accent')} value={settings.accent} onChange={(accent) => onChange({ ...settings, accent })} error={errors.accent} hint={t('look.accentHint')} />
      <RangeField path="scale" label={t('fields.scale')} value={settings.scale} min={0.5} max={3} step={0.1} format={percent} onChange={(scale) => onChange({ ...settings, scale })} error={errors.scale} hint={t('look.scaleHint')} />
    </FieldGroup>
  );
}

export function FilterFields<S extends CommonSettings>({ settings, onChange, errors }: FieldsProps<S>) {
  const t = useTranslations('overlayEditor');
  const matches = [
    { value: 'word', label: t('filter.matchWord') },
    { value: 'anywhere', label: t('filter.matchAnywhere') },
  ] as const;
  return (
    <FieldGroup title={t('filter.title')} description={t('filter.description')}>
      <WordListField
        path="blockedWords"
        label={t('fields.blockedWords')}
        value={settings.blockedWords}
        onChange={(blockedWords) => onChange({ ...settings, blockedWords })}
        error={errors.blockedWords}
        errors={errorsUnder(errors, 'blockedWords')}
        hint={t('filter.blockedWordsHint')}
      />
      <ChoiceField
        path="filterMatch"
        label={t('fields.filterMatch')}
        value={settings.filterMatch}
        options={matches}
        onChange={(filterMatch) => onChange({ ...settings, filterMatch })}
        error={errors.filterMatch}
        hint={t('filter.matchHint')}
      />
    </FieldGroup>
  );
}
