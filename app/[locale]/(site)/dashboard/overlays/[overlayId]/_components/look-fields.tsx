'use client';

// The look every overlay kind shares beyond accent and size (lib/overlays/look.ts): font, text and panel
// colours, position in the OBS source, and custom CSS (scoped to the overlay; remote loads are dropped).
import { useTranslations } from 'next-intl';
import { fieldId } from '@/lib/overlays/editor';
import { MAX_CUSTOM_CSS, sanitizeCustomCss } from '@/lib/overlays/custom-css';
import { OVERLAY_FONT_IDS, OVERLAY_FONTS, OVERLAY_POSITIONS, type OverlayFont, type OverlayPosition } from '@/lib/overlays/look';
import type { OverlaySettings } from '@/lib/overlays/settings';
import type { FieldsProps } from './common-fields';
import { ColourField, FieldGroup, RangeField, SelectField } from './controls';

// Whole keys in quotes, so the catalogue check sees each one used.
const FONT_KEYS = { system: 'studio.fonts.system', noto: 'studio.fonts.noto', rubik: 'studio.fonts.rubik', montserrat: 'studio.fonts.montserrat' } as const;
const POSITION_KEYS = {
  auto: 'studio.positions.auto',
  'top-left': 'studio.positions.top-left',
  top: 'studio.positions.top',
  'top-right': 'studio.positions.top-right',
  left: 'studio.positions.left',
  center: 'studio.positions.center',
  right: 'studio.positions.right',
  'bottom-left': 'studio.positions.bottom-left',
  bottom: 'studio.positions.bottom',
  'bottom-right': 'studio.positions.bottom-right',
} as const;

type LookSettings = Pick<OverlaySettings, 'font' | 'textColour' | 'panelColour' | 'panelOpacity' | 'position' | 'customCss'>;

export function LookFields<S extends LookSettings>({ settings, onChange, errors }: FieldsProps<S>) {
  const t = useTranslations('overlayEditor');
  const checked = sanitizeCustomCss(settings.customCss);
  const cssError = errors.customCss ?? checked.error ?? undefined;
  const cssHint = checked.dropped > 0 ? t('studio.cssDropped', { count: checked.dropped }) : t('studio.cssHint', { max: MAX_CUSTOM_CSS });
  return (
    <FieldGroup title={t('studio.lookTitle')}>
      <SelectField
        path="font"
        label={t('studio.font')}
        value={settings.font}
        options={OVERLAY_FONT_IDS.map((font) => ({ value: font, label: t(FONT_KEYS[font]) }))}
        onChange={(font) => onChange({ ...settings, font: OVERLAY_FONT_IDS.find((f): f is OverlayFont => f === font) ?? 'system' })}
        hint={<span style={{ fontFamily: OVERLAY_FONTS[settings.font] }}>{t('studio.fontSample')}</span>}
        error={errors.font}
      />
      <ColourField path="textColour" label={t('studio.textColour')} value={settings.textColour} onChange={(textColour) => onChange({ ...settings, textColour })} error={errors.textColour} />
      <ColourField path="panelColour" label={t('studio.panelColour')} value={settings.panelColour} onChange={(panelColour) => onChange({ ...settings, panelColour })} error={errors.panelColour} />
      <RangeField path="panelOpacity" label={t('studio.panelOpacity')} value={settings.panelOpacity} min={0} max={1} step={0.05} format={(v) => `${Math.round(v * 100)}%`} onChange={(panelOpacity) => onChange({ ...settings, panelOpacity })} error={errors.panelOpacity} />
      <SelectField
        path="position"
        label={t('studio.position')}
        value={settings.position}
        options={OVERLAY_POSITIONS.map((position) => ({ value: position, label: t(POSITION_KEYS[position]) }))}
        onChange={(position) => onChange({ ...settings, position: OVERLAY_POSITIONS.find((p): p is OverlayPosition => p === position) ?? 'auto' })}
        error={errors.position}
      />
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={fieldId('customCss')} className="font-medium">
          {t('studio.customCss')}
        </label>
        <textarea
          id={fieldId('customCss')}
          value={settings.customCss}
          onChange={(e) => onChange({ ...settings, customCss: e.currentTarget.value })}
          rows={5}
          maxLength={MAX_CUSTOM_CSS}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={cssError ? true : undefined}
          aria-describedby={`${fieldId('customCss')}-hint${cssError ? ` ${fieldId('customCss')}-error` : ''}`}
          className="min-h-11 w-full resize-y rounded-lg border border-line bg-panel-2 px-3 py-2 font-mono aria-[invalid=true]:border-accent"
        />
        <span id={`${fieldId('customCss')}-hint`} className="text-xs text-muted">
          {cssHint}
        </span>
        {cssError && (
          <span id={`${fieldId('customCss')}-error`} className="text-xs font-semibold text-accent">
            {cssError}
          </span>
        )}
      </div>
    </FieldGroup>
  );
}
