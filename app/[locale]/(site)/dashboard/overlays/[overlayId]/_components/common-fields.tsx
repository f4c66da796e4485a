'use client';

// Settings every kind has: how the overlay looks (accent colour, size) and the words it never shows.
import { useTranslations } from 'next-intl';
import type { FieldErrors } from '@/lib/overlays/editor';
import { isLocale, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { withLanguage } from '@/lib/overlays/default-texts';
import type { OverlayKind, OverlaySettings } from '@/lib/overlays/settings';
import { ChoiceField, ColourField, FieldGroup, RangeField, SelectField, WordListField } from './controls';

export type FieldsProps<S> = { settings: S; onChange: (settings: S) => void; errors: FieldErrors };

export type CommonSettings = Pick<OverlaySettings, 'accent' | 'scale' | 'blockedWords' | 'filterMatch' | 'language' | 'font' | 'textColour' | 'panelColour' | 'panelOpacity' | 'position' | 'customCss'>;

const percent = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');

/** Errors of list items ("blockedWords.3") for the list's own field. */
export function errorsUnder(errors: FieldErrors, path: string): [string, string][] {
  return Object.entries(errors).filter(([field]) => field.startsWith(`${path}.`));
}

/** The language the overlay writes (and speaks) in: the audience's, whatever the dashboard's is. */
export function LanguageFields<S extends CommonSettings>({ kind, settings, onChange, errors }: FieldsProps<S> & { kind: OverlayKind }) {
  const t = useTranslations('overlayEditor');
  return (
    <FieldGroup title={t('language.title')} description={t('language.description')}>
      <SelectField
        path="language"
        label={t('fields.language')}
        value={settings.language}
        options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale }))}
        onChange={(locale) => {
          if (isLocale(locale)) onChange(withLanguage(kind, settings, locale));
        }}
        hint={t('language.hint')}
        error={errors.language}
      />
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
